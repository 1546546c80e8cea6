using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;

namespace Pimcc.Hyflexpim.Sim.Functional;

/// <summary>
/// A prompt on values as the binary compiled it (docs/hyflexpim-passes.md, "Long prompts"): one <c>prefill</c> run at
/// first position 0, or, when the binary has a <c>prefill-chunk</c> program, that program at first positions 0, C, 2C, ...
/// (C = its io.row token count) with each chunk's ids, then <c>prefill</c> with the rest of the prompt; what the last
/// run sends to the host is the prompt's result. The same split the timing simulation runs (HyflexpimGeneration).
/// </summary>
public static class ValuesPrefill
{
    public static void Run(ValuesMachine m, IReadOnlyList<int> prompt)
    {
        if (!m.Binary.Workload!.Programs.Contains(HyflexpimPrograms.PrefillChunk))
        {
            m.Run(ValuesGeneration.Prefill, new ProgramStep(0, prompt));
            return;
        }
        long chunk = m.Tokens(HyflexpimPrograms.PrefillChunk), rest = m.Tokens(ValuesGeneration.Prefill);
        if (chunk < 1 || rest < 1 || rest > prompt.Count || (prompt.Count - rest) % chunk != 0)
            throw new PimccError(ExitCode.InvalidBinary, $"{m.FileName}: program {HyflexpimPrograms.PrefillChunk}",
                $"a prompt of {prompt.Count} tokens is not chunks of {chunk} tokens followed by the {rest} tokens of the prefill program",
                "recompile the model with this pimcc");
        var first = 0;
        for (; first < prompt.Count - rest; first += (int)chunk)
            m.Run(HyflexpimPrograms.PrefillChunk, new ProgramStep(first, [.. prompt.Skip(first).Take((int)chunk)]));
        m.Run(ValuesGeneration.Prefill, new ProgramStep(first, [.. prompt.Skip(first)]));
    }
}
