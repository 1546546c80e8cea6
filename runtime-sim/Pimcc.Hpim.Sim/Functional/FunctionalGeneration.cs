using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using System.Buffers.Binary;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;

namespace Pimcc.Hpim.Sim.Functional;

/// <summary>
/// Greedy generation on values (docs/simulator.md, "Functional mode"): prefill with the prompt's token ids in every
/// core's <c>prefill.tokens</c> region (32-bit words), then decode steps with r27 = input token, r29 = step,
/// r30 = kv (docs/hpim-abi.md). The first generated token is the argmax of the prefill logits; decode step s takes
/// generated token s at position prompt + s and yields generated token s + 1.
/// </summary>
public static class FunctionalGeneration
{
    public const string PrefillProgram = "prefill";
    public const string DecodeProgram = "decode";
    public const string TokensRegion = "prefill.tokens";

    /// <param name="replayPrompt">Feed the prompt through the decode program even when the binary's prefill returns
    /// logits (checks decode independently of the prefill program).</param>
    public static FunctionalGenerationResult Run(FunctionalSimulator sim, IReadOnlyList<int> prompt, int decodeSteps, bool replayPrompt = false,
        Action<int, int>? progress = null)
    {
        var bin = sim.Binary;
        var vocab = ReturnedLogits.Vocabulary(bin, DecodeProgram)
            ?? throw new PimccError(ExitCode.InvalidBinary, "decode program", "the binary names no returned logits (region 'decode.logits:<V>')", "recompile with this pimcc");
        if (prompt.Count == 0)
            throw new PimccError(ExitCode.InvalidSimInput, "--tokens", "the prompt is empty", "give at least one token id");
        RequestedWorkload.ForValues(bin, sim.Name, prompt.Count, decodeSteps);
        for (var i = 0; i < prompt.Count; i++)
            if (prompt[i] < 0 || prompt[i] >= vocab)
                throw new PimccError(ExitCode.InvalidSimInput, $"--tokens (token {i})", $"token id {prompt[i]} is outside the vocabulary [0, {vocab})", "use ids below the vocabulary size");

        var steps = new List<FunctionalStep>();
        var p = prompt.Count;
        var replay = replayPrompt || ReturnedLogits.Vocabulary(bin, PrefillProgram) is null;
        var total = (replay ? p : 1) + decodeSteps;
        void Step(FunctionalStep step)
        {
            steps.Add(step);
            progress?.Invoke(steps.Count, total);
        }
        if (!replay)
        {
            WriteTokens(sim, prompt);
            sim.Run(PrefillProgram, ProgramRegisters.Prefill(p), 0);
            var logits = ReturnedLogits.Read(sim.Machine, bin, PrefillProgram)!;
            Step(new FunctionalStep(PrefillProgram, p - 1, prompt[^1], logits, ReturnedLogits.ArgMax(logits)));
        }
        else
        {
            // Placeholder prefill (no logits): run it for its synchronisation, then fill the KV cache position by
            // position with the decode program, which reads only r27 (token) and r30 (kv).
            sim.Run(PrefillProgram, ProgramRegisters.Prefill(p), 0);
            for (var i = 0; i < p; i++)
            {
                sim.Run(DecodeProgram, new ProgramRegisters((uint)p, 0, (uint)i), (uint)prompt[i]);
                var logits = ReturnedLogits.Read(sim.Machine, bin, DecodeProgram)!;
                Step(new FunctionalStep(DecodeProgram, i, prompt[i], logits, ReturnedLogits.ArgMax(logits)));
            }
        }
        return GreedyGeneration.Continue(prompt, steps, decodeSteps, (position, token) =>
        {
            sim.Run(DecodeProgram, ProgramRegisters.Decode(p, position - p), (uint)token);
            return ReturnedLogits.Read(sim.Machine, bin, DecodeProgram)!;
        }, progress, replay);
    }

    /// <summary>Writes the prompt's ids as 32-bit words into every core's <c>prefill.tokens</c> region.</summary>
    private static void WriteTokens(FunctionalSimulator sim, IReadOnlyList<int> prompt)
    {
        var bytes = new byte[prompt.Count * 4];
        for (var i = 0; i < prompt.Count; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), prompt[i]);
        foreach (var r in sim.Binary.MemoryMap.Where(r => r.Name == TokensRegion))
        {
            if (r.Placement is not LocalPlacement lp) continue;
            if (bytes.Length > r.SizeBytes)
                throw new PimccError(ExitCode.InvalidSimInput, "--tokens", $"{prompt.Count} prompt tokens do not fit the compiled prompt buffer ({r.SizeBytes / 4} tokens)",
                    "recompile with --prompt-tokens at least the prompt length");
            sim.Machine.WriteLocal(lp.Core, lp.Address, bytes);
        }
    }
}
