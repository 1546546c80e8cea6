using Pimcc.Diagnostics;

namespace Pimcc.Frontends.Onnx.Import;

/// <summary>The generation workload an ONNX model is compiled for, as for an HF config: a prompt of
/// <see cref="PromptTokens"/> tokens (prefill) then <see cref="GeneratedTokens"/> decode steps.</summary>
public sealed record OnnxWorkload(int PromptTokens, int GeneratedTokens)
{
    /// <summary>True when the counts are the driver's defaults, not the user's: a model with fewer positions then gets
    /// the workload scaled down to fit (<see cref="FitTo"/>) instead of an error.</summary>
    public bool Defaulted { get; init; }

    /// <summary>The workload scaled to <paramref name="positions"/> in the same prompt : generated proportion
    /// (256 : 768 becomes 32 : 96 for 128 positions), at least one prompt token.</summary>
    public OnnxWorkload FitTo(long positions)
    {
        var prompt = (int)Math.Max(1, PromptTokens * positions / TotalTokens);
        return this with { PromptTokens = prompt, GeneratedTokens = (int)(positions - prompt) };
    }

    /// <summary>Positions each KV cache holds.</summary>
    public long TotalTokens => (long)PromptTokens + GeneratedTokens;

    public void Validate(string file)
    {
        if (PromptTokens < 1)
            throw new PimccError(ExitCode.Usage, file, $"the workload needs at least 1 prompt token, got {PromptTokens}", "pass a positive prompt-token count");
        if (GeneratedTokens < 0)
            throw new PimccError(ExitCode.Usage, file, $"the workload cannot generate {GeneratedTokens} tokens", "pass a generated-token count of 0 or more");
    }
}
