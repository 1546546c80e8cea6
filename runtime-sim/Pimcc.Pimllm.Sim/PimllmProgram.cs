using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Pimllm.Isa;
using Pimcc.Sim;

namespace Pimcc.Pimllm.Sim;

/// <summary>One stream's words of a program, with each word's report class and part.</summary>
public sealed record ProgramStream(string Name, bool IsDma, IReadOnlyList<Op> Words, int Start, int End, WorkClass[] Classes, PimllmPart[] Parts)
{
    /// <summary>The stream's kind (crossbar controller, systolic array, DMA).</summary>
    public required StreamKind Kind { get; init; }

    /// <summary>The stream's index in its kind's domain (a DMA stream's LPDDR channel).</summary>
    public required int Index { get; init; }
}

/// <summary>
/// A program (<c>prefill</c>, <c>decode</c>) of a pimllm binary: the word range of every stream (a stream without
/// entries is one program from word 0; a stream with entries but not this one has no words in it), each word's
/// report class (the IR op of its debug range, <see cref="IrOpClass"/>; else by unit: DMA is data movement,
/// post-processing and softmax nonlinear) and its part of the latency split (by unit; the returned op's systolic words,
/// the LM head's, are <see cref="PimllmPart.LmHead"/>).
/// </summary>
public sealed record PimllmProgram(string Name, IReadOnlyList<ProgramStream> Streams)
{
    public static PimllmProgram Read(PimBinary bin, string name, string fileName)
    {
        var streams = new List<ProgramStream>();
        var debug = bin.Debug.ToLookup(d => (d.Stream, d.StreamIndex));
        // The LM head: the op whose result the program returns, in the LPDDR region "<program>.<value>" (LpddrLayout).
        var returned = bin.MemoryMap.Where(r => r.Kind == RegionKind.Activation && r.Placement is LpddrPlacement && r.Name.StartsWith(name + ".", StringComparison.Ordinal))
            .Select(r => r.Name[(name.Length + 1)..]).ToHashSet(StringComparer.Ordinal);
        foreach (var s in bin.Streams)
        {
            if (s.Kind != PimllmStreams.Crossbar && s.Kind != PimllmStreams.Systolic && s.Kind != PimllmStreams.Dma)
                throw new PimccError(ExitCode.InvalidBinary, $"{fileName}: {s.Name}", $"stream kind '{s.Kind.Name}' is not a pimllm stream", "compile for a pimllm target");
            int start = 0, end = s.Words.Count;
            if (s.Entries.Count > 0)
            {
                // As the compiler's sync check reads them: from the entry to the next entry at a later word.
                start = s.EntryWord(name) ?? s.Words.Count;
                end = s.Entries.Select(e => e.Word).Where(w => w > start).DefaultIfEmpty(s.Words.Count).Min();
            }
            // Indexed by word; only the program's own words [start, end) are classified (the run reads no others).
            var classes = new WorkClass[s.Words.Count];
            var parts = new PimllmPart[s.Words.Count];
            for (var w = start; w < end; w++)
            {
                var sem = s.Words[w].Spec.Pimllm;
                parts[w] = PimllmParts.Of(sem);
                classes[w] = sem.Unit switch
                {
                    PimllmUnit.Dma => WorkClass.DataMovement,
                    PimllmUnit.PostProcessing or PimllmUnit.Softmax => WorkClass.Nonlinear,
                    _ => WorkClass.Other,
                };
            }
            foreach (var r in debug[(s.Kind, s.Index)])
            {
                var head = returned.Contains(r.IrOpName);
                var opClass = IrOpClass.Classify(r.IrOpName);
                for (var w = Math.Max(start, r.First); w < Math.Min(end, r.First + r.Count); w++)
                {
                    if (opClass is { } c) classes[w] = c;
                    if (head && parts[w] == PimllmPart.Systolic) parts[w] = PimllmPart.LmHead;
                }
            }
            streams.Add(new ProgramStream(s.Name, s.Kind == PimllmStreams.Dma, s.Words, start, end, classes, parts) { Kind = s.Kind, Index = s.Index });
        }
        return new PimllmProgram(name, streams);
    }
}
