using Pimcc.Diagnostics;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// The generation workload a config-only model is compiled for: a prompt of
/// <see cref="PromptTokens"/> tokens (the prefill program) followed by
/// <see cref="GeneratedTokens"/> decode steps. KV caches are sized for both together.
/// </summary>
public sealed record HfWorkload(int PromptTokens, int GeneratedTokens)
{
    /// <summary>True when neither count was given (the driver's defaults): a frontend may then fit the workload to the
    /// model's positions instead of rejecting it.</summary>
    public bool Defaulted { get; init; }

    /// <summary>
    /// The context to compile for instead of the config's maximum positions (<c>--positions N</c>): an explicit choice
    /// for families whose positions are computed (rotary, ALiBi), never taken for a family with a learned position table
    /// (GPT-2, OPT, BERT), which has no rows beyond its maximum. Null: the config's.
    /// </summary>
    public int? Positions { get; init; }

    /// <summary>Positions the KV cache must hold: prompt plus generated tokens.</summary>
    public long TotalTokens => (long)PromptTokens + GeneratedTokens;

    /// <summary>Rejects an empty prompt or a negative generation length (a command-line mistake).</summary>
    internal void Validate(string file)
    {
        if (PromptTokens < 1)
            throw new PimccError(ExitCode.Usage, file, $"the workload needs at least 1 prompt token, got {PromptTokens}",
                "pass a positive prompt-token count");
        if (GeneratedTokens < 0)
            throw new PimccError(ExitCode.Usage, file, $"the workload cannot generate {GeneratedTokens} tokens",
                "pass a generated-token count of 0 or more");
    }
}
