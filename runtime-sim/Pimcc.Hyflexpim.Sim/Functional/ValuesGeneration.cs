using System.Buffers.Binary;
using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Sim.Functional;

namespace Pimcc.Hyflexpim.Sim.Functional;

/// <summary>
/// Greedy generation on values (docs/hyflexpim-sim.md, "Values"): the prefill program with the prompt's ids (exactly
/// the compiled prompt: its shapes are fixed) at first position 0 (or its chunks first, <see cref="ValuesPrefill"/>), then decode step s with generated token s at position
/// prompt + s. A program's result is what it sends to the host with io.out: a decoder's last token's logits (the first
/// vocabulary elements in the SFU's format), an encoder's hidden states of every position (its prefill only).
/// </summary>
public static class ValuesGeneration
{
    public const string Prefill = "prefill";
    public const string Decode = "decode";

    /// <summary>The vocabulary: the rows of the host table io.row reads by token id (null without one).</summary>
    public static int? Vocabulary(PimBinary bin, HyflexpimTarget target)
    {
        var rows = bin.LinkStreams.SelectMany(s => s.Words).Where(o => o.Spec.Hyflexpim.Action == HyflexpimAction.IoRow
            && o["index"] == HyflexpimFormats.RowIndex.Code("token")).Take(1).ToList();
        if (rows.Count == 0) return null;
        var io = rows[0];
        var table = bin.MemoryMap.FirstOrDefault(r => r.Placement is HostPlacement h && h.Table == io["table"]);
        return table is null ? null : (int)(table.SizeBytes / (io["len"] * target.Precision.SfuBits / 8));
    }

    public static FunctionalGenerationResult Run(ValuesMachine m, IReadOnlyList<int> prompt, int decodeSteps, Action<int, int>? progress)
    {
        var bin = m.Binary;
        RequestedWorkload.ForValues(bin, m.FileName, prompt.Count, decodeSteps);
        var compiled = bin.Workload!.PromptTokens;
        if (prompt.Count != compiled)
            throw new PimccError(ExitCode.InvalidSimInput, "--tokens", $"{prompt.Count} prompt tokens; the prefill program was compiled for exactly {compiled}",
                $"give {compiled} prompt tokens, or recompile with --prompt-tokens {prompt.Count}");
        var encoder = !bin.Workload.Programs.Contains(Decode);
        var vocab = encoder ? (int?)null : Vocabulary(bin, m.Target) ?? throw new PimccError(ExitCode.InvalidBinary, m.FileName, "no io.row reads token ids", "recompile with this pimcc");
        for (var i = 0; i < prompt.Count; i++)
            if (vocab is { } v && (prompt[i] < 0 || prompt[i] >= v))
                throw new PimccError(ExitCode.InvalidSimInput, $"--tokens (token {i})", $"token id {prompt[i]} is outside the vocabulary [0, {v})", "use ids below the vocabulary size");
        if (encoder)
        {
            ValuesPrefill.Run(m, prompt);
            var hidden = Result(m, vocab);
            progress?.Invoke(1, 1 + decodeSteps);
            return new FunctionalGenerationResult(prompt, [], [new FunctionalStep(Prefill, prompt.Count - 1, prompt[^1], hidden, -1)], false);
        }
        return GreedyGeneration.Run(prompt, decodeSteps,
            tokens =>
            {
                ValuesPrefill.Run(m, tokens);
                return Result(m, vocab);
            },
            (position, token) =>
            {
                m.Run(Decode, new ProgramStep(position, [token]));
                return Result(m, vocab);
            }, progress);
    }

    /// <summary>What the run sent to the host, in the SFU's format: the first <paramref name="vocab"/> elements (a
    /// decoder's logits) or everything (an encoder's hidden states, rows padded to 256-byte units).</summary>
    private static float[] Result(ValuesMachine m, int? vocab)
    {
        var bytes = m.Output.Count > 0 ? m.Output[^1] : throw new PimccError(ExitCode.InvalidBinary, m.FileName, "the program sends nothing to the host (no io.out)", "recompile with this pimcc");
        var n = vocab ?? bytes.Length / m.SfuBytes;
        var v = new float[n];
        for (var i = 0; i < n; i++)
            v[i] = m.SfuBytes == 2 ? (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(i * 2)) : BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        return v;
    }

}
