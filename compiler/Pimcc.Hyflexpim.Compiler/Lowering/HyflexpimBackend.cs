using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using Pimcc.Isa.Container;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

/// <summary>What the lowering produced besides the binary (for the pass's statistics and tests).</summary>
public sealed record HyflexpimLowerReport(int Pus, long Words, long WindowBytes);

/// <summary>
/// The hyflexpim code emitter (docs/hyflexpim-passes.md, "Lowering"): turns a module mapped by the hyflexpim passes
/// into an <c>out.bin</c> with a <c>prefill</c> and a <c>decode</c> program (an encoder: <c>prefill</c> only) in every PU's analog, digital, SFU and link
/// stream, the memory map (crossbar tiles, the parameters and KV tables in the PU buffers, each PU's activation window)
/// and the compiled workload. What it cannot lower is refused (<see cref="PimccError"/>), never left out.
/// </summary>
public static class HyflexpimBackend
{
    public static PimBinary Lower(Module module, HyflexpimTarget target, out HyflexpimLowerReport report)
    {
        // An encoder (docs/ir.md, "Encoders") has a prefill program only; a decoder has both.
        var encoder = module.Attrs.StrOr("architecture", "decoder") == "encoder";
        var prefill = module.FindFunction(Module.Prefill);
        var decode = module.FindFunction(Module.Decode);
        if (prefill is null || decode is null != encoder)
            throw new PimccError(ExitCode.InvalidModel, $"module @{module.Name}",
                encoder ? "an encoder module needs a prefill function and no decode function" : "the module needs a prefill and a decode function",
                "compile a decoder model (an ONNX decoder or a HuggingFace config) or an encoder (family bert)");
        var programs = decode is null ? new[] { (prefill, Module.Prefill) } : [(prefill, Module.Prefill), (decode, Module.Decode)];
        var layout = new ChipLayout(module, target);
        foreach (var (fn, _) in programs) ProgramLowering.PlaceParams(layout, fn);
        var edges = new EventEdges();
        var highWater = new SortedDictionary<int, long>();
        long prompt = 0;
        foreach (var (fn, entry) in programs)
        {
            edges.StartProgram();
            var program = new ProgramLowering(layout, fn, edges);
            program.Lower(entry);
            if (fn == prefill) prompt = program.Tokens;
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
            Workload = new CompiledWorkload((int)prompt, (int)generated, (int)(prompt + generated), module.Name, [.. programs.Select(p => p.Item2)]),
        };
        report = new HyflexpimLowerReport(streams.Select(s => s.Index).Distinct().Count(), streams.Sum(s => (long)s.Words.Count),
            highWater.Values.DefaultIfEmpty(0).Max() * HyflexpimFormats.BufferUnitBytes);
        return bin;
    }
}
