using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Isa;
using Pimcc.Sim;
using Pimcc.Sim.Functional;

namespace Pimcc.Pimllm.Sim.Functional;

/// <summary>
/// Greedy generation of a pimllm binary on values (docs/pimllm-compiler.md, "Values"), over the shared loop
/// (<see cref="GreedyGeneration"/>): the prefill program on exactly the compiled prompt at position 0, then decode
/// step s on generated token s at position prompt + s. A program's logits are what its LM head returned to LPDDR (the
/// memory map's activation region <c>PROGRAM.VALUE</c> in channel 0: fp32 rows of the chunks' outputs, one row per
/// token; prefill's last token's row is the one the tail computed); the vocabulary is the number of rows of the
/// table the embedding gathers by token id.
/// </summary>
public static class PimllmValues
{
    public static FunctionalGenerationResult Run(PimBinary bin, PimllmTarget target, string fileName, IReadOnlyList<int> prompt, int decodeSteps, Action<int, int>? progress)
    {
        RequestedWorkload.ForValues(bin, fileName, prompt.Count, decodeSteps);
        var compiled = bin.Workload!.PromptTokens;
        if (prompt.Count != compiled)
            throw new PimccError(ExitCode.InvalidSimInput, "--tokens", $"{prompt.Count} prompt tokens; the prefill program was compiled for exactly {compiled}",
                $"give {compiled} prompt tokens, or recompile with --prompt-tokens {prompt.Count}");
        var vocab = Vocabulary(bin, fileName);
        for (var i = 0; i < prompt.Count; i++)
            if (prompt[i] < 0 || prompt[i] >= vocab)
                throw new PimccError(ExitCode.InvalidSimInput, $"--tokens (token {i})", $"token id {prompt[i]} is outside the vocabulary [0, {vocab})", "use ids below the vocabulary size");
        var machine = new PimllmFunctionalMachine(bin, target, fileName);
        return GreedyGeneration.Run(prompt, decodeSteps,
            tokens =>
            {
                machine.Run(GreedyGeneration.Prefill, 0, tokens);
                return Logits(machine, bin, fileName, GreedyGeneration.Prefill, tokens.Count, vocab);
            },
            (position, token) =>
            {
                machine.Run(GreedyGeneration.Decode, position, [token]);
                return Logits(machine, bin, fileName, GreedyGeneration.Decode, 1, vocab);
            }, progress);
    }

    /// <summary>Rows of the table <c>dma.row index=token</c> gathers from (its memory-map region over rows of len units).</summary>
    public static int Vocabulary(PimBinary bin, string fileName) => TokenTableRows(bin)
        ?? throw new PimccError(ExitCode.InvalidBinary, fileName, "no dma.row gathers token ids from a table of the memory map", "recompile the binary with this pimcc");

    /// <summary>Rows of the token table, or null when no <c>dma.row</c> gathers token ids from a table of the memory map.</summary>
    public static int? TokenTableRows(PimBinary bin)
    {
        foreach (var s in bin.Streams.Where(s => s.Kind == PimllmStreams.Dma))
            foreach (var op in s.Words.Where(o => o.Spec.Pimllm.Action == PimllmAction.LpddrGatherRow && o["index"] == 0))
                if (bin.MemoryMap.FirstOrDefault(r => r.Placement is LpddrPlacement p && p.Channel == s.Index && p.Address == op["table"] * PimllmFormats.LpddrUnitBytes) is { } table)
                    return (int)(table.SizeBytes / (op["len"] * PimllmFormats.LpddrUnitBytes));
        return null;
    }

    /// <summary>The last token's fp32 logits in the program's returned region.</summary>
    private static float[] Logits(PimllmFunctionalMachine m, PimBinary bin, string fileName, string program, int tokens, int vocab)
    {
        var region = bin.MemoryMap.FirstOrDefault(r => r.Kind == RegionKind.Activation && r.Placement is LpddrPlacement && r.Name.StartsWith(program + ".", StringComparison.Ordinal))
            ?? throw new PimccError(ExitCode.InvalidBinary, fileName, $"the {program} program returns no logits to LPDDR (no region '{program}.VALUE')", "recompile the binary with this pimcc");
        var row = region.SizeBytes / tokens;
        if (row < vocab * 4L)
            throw new PimccError(ExitCode.InvalidBinary, $"{fileName}: region '{region.Name}'", $"rows of {row} bytes hold fewer than the vocabulary's {vocab} fp32 logits", "recompile the binary with this pimcc");
        var p = (LpddrPlacement)region.Placement;
        var bytes = new byte[vocab * 4];
        m.Memory.ReadLpddr(p.Channel, p.Address + (tokens - 1) * row, bytes);
        var logits = new float[vocab];
        for (var i = 0; i < vocab; i++) logits[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * i));
        return logits;
    }
}
