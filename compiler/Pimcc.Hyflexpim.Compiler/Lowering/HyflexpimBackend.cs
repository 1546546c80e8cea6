using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using Pimcc.Isa.Container;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

/// <summary>What the lowering produced besides the binary: PUs with streams, words, the largest window used and the
/// tokens per prefill run (the whole prompt, or its chunk size).</summary>
public sealed record HyflexpimLowerReport(int Pus, long Words, long WindowBytes, long ChunkTokens);

/// <summary>
/// How far the lowering splits a prompt: at most <paramref name="MaxChunkTokens"/> tokens per prefill run (0: the whole
/// prompt when its values fit the window), and at most <paramref name="BlockBytes"/> bytes per block of a long prompt's
/// attention scores and probabilities or of a linear's staged partial sums (default: a quarter of the 16 MiB window, so
/// the values around a block still fit). Smaller values split more; the values a run computes do not change.
/// </summary>
public sealed record HyflexpimLowerOptions(long MaxChunkTokens, long BlockBytes)
{
    public static readonly HyflexpimLowerOptions Default = new(0, HyflexpimFormats.WindowBytes / 4);
}

/// <summary>
/// The hyflexpim code emitter (docs/hyflexpim-passes.md, "Lowering"): turns a module mapped by the hyflexpim passes
/// into an <c>out.bin</c> with a <c>prefill</c> and a <c>decode</c> program (an encoder: <c>prefill</c> only) in every PU's analog, digital, SFU and link
/// stream, the memory map (crossbar tiles, the parameters and KV tables in the PU buffers, each PU's activation window)
/// and the compiled workload. What it cannot lower is refused (<see cref="PimccError"/>), never left out.
/// </summary>
public static class HyflexpimBackend
{
    public static PimBinary Lower(Module module, HyflexpimTarget target, HyflexpimLowerOptions options, out HyflexpimLowerReport report)
    {
        // An encoder (docs/ir.md, "Encoders") has a prefill program only; a decoder has both.
        var encoder = module.Attrs.StrOr("architecture", "decoder") == "encoder";
        var prefill = module.FindFunction(Module.Prefill);
        var decode = module.FindFunction(Module.Decode);
        if (prefill is null || decode is null != encoder)
            throw new PimccError(ExitCode.InvalidModel, $"module @{module.Name}",
                encoder ? "an encoder module needs a prefill function and no decode function" : "the module needs a prefill and a decode function",
                "compile a decoder model (an ONNX decoder or a HuggingFace config) or an encoder (family bert)");
        // A prompt whose values outgrow a PU's activation window goes through in chunks (a decoder's: each chunk's
        // queries see the rows before them, an encoder's see every row): the whole prompt first, then chunks of the
        // powers of two below it, the largest that fits (and is at most maxChunk, when given).
        var prompt = ProgramLowering.FunctionTokens(prefill);
        var chunks = new List<long> { prompt };
        if (!encoder)
            for (var c = prompt <= 1 ? 0 : 1L << (63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(prompt - 1))); c >= 1; c /= 2)
                chunks.Add(c);
        if (options.MaxChunkTokens > 0 && !encoder) chunks.RemoveAll(c => c > options.MaxChunkTokens);
        for (var i = 0; ; i++)
        {
            try
            {
                return Lower(module, target, options, prefill, decode, prompt, chunks[i], out report);
            }
            catch (WindowFullException e)
            {
                if (i + 1 == chunks.Count) throw e.Error;
            }
        }
    }

    private static PimBinary Lower(Module module, HyflexpimTarget target, HyflexpimLowerOptions options, Function prefill, Function? decode, long prompt, long chunk, out HyflexpimLowerReport report)
    {
        // A prompt of P tokens in chunks of C: ceil(P / C) - 1 runs of prefill-chunk (C tokens, KV rows only), then
        // prefill with the last P - (runs x C) tokens, at its first position like a decode step.
        var runs = (prompt - 1) / chunk;
        var programs = new List<(Function Fn, string Entry, long Tokens, bool KvOnly)>();
        if (runs > 0) programs.Add((prefill, HyflexpimPrograms.PrefillChunk, chunk, true));
        programs.Add((prefill, Module.Prefill, prompt - runs * chunk, false));
        if (decode is not null) programs.Add((decode, Module.Decode, 0, false));
        var layout = new ChipLayout(module, target, options);
        ProgramLowering.PlaceParams(layout, prefill);
        if (decode is not null) ProgramLowering.PlaceParams(layout, decode);
        var edges = new EventEdges();
        var highWater = new SortedDictionary<int, long>();
        foreach (var (fn, entry, tokens, kvOnly) in programs)
        {
            edges.StartProgram();
            var program = new ProgramLowering(layout, fn, edges, tokens, kvOnly);
            program.Lower(entry);
            foreach (var (pu, units) in program.HighWater)
                highWater[pu] = Math.Max(highWater.GetValueOrDefault(pu), units);
        }
        foreach (var (pu, units) in highWater.Where(h => h.Value > layout.ParamUnits(h.Key)))
        {
            var from = layout.ParamUnits(pu) * HyflexpimFormats.BufferUnitBytes;
            layout.AddRegion(new MemoryRegion($"activations.pu{pu}", RegionKind.Activation, new BufferPlacement(pu, from), units * HyflexpimFormats.BufferUnitBytes - from));
        }
        var streams = layout.Streams.Select(s => s.Build()).ToList();
        var generated = module.Attrs.IntOr("generated_tokens", 0);
        var bin = new PimBinary(new TargetBlob(target.Name, System.Text.Encoding.UTF8.GetBytes(target.CanonicalJson)), streams, layout.Regions, [])
        {
            Workload = new CompiledWorkload((int)prompt, (int)generated, (int)(prompt + generated), module.Name, [.. programs.Select(p => p.Entry)]),
        };
        report = new HyflexpimLowerReport(streams.Select(s => s.Index).Distinct().Count(), streams.Sum(s => (long)s.Words.Count),
            highWater.Values.DefaultIfEmpty(0).Max() * HyflexpimFormats.BufferUnitBytes, runs > 0 ? chunk : prompt);
        return bin;
    }
}
