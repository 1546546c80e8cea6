using Pimcc.Diagnostics;
using Pimcc.Gpu.Isa;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Gpu.Compiler;

/// <summary>
/// Emits a module's kernels (<see cref="GpuKernelMap"/>) as the kernel-launch stream of docs/gpu-isa.md: a
/// <c>prefill</c> and a <c>decode</c> program in one stream, each kernel its work words and its launch, debug ranges
/// back to the IR ops, and the workload the binary was compiled for. Work is the cost model's (<c>cost.flops</c>,
/// <c>cost.bytes</c>), written as base + perkv x kv.
/// </summary>
public static class GpuKernelStream
{
    /// <summary>Debug ids: IR op index in its function, plus this for decode ops (as hpim numbers them).</summary>
    public const int DecodeIdBase = 1 << 20;

    public static PimBinary Emit(Module module, GpuTarget target)
    {
        var words = new List<Op>();
        var debug = new List<DebugRange>();
        var entries = new List<StreamEntry>();
        foreach (var (name, idBase) in new[] { (Module.Prefill, 0), (Module.Decode, DecodeIdBase) })
        {
            var f = module.FindFunction(name) ?? throw new PimccError(ExitCode.InvalidModel, $"module @{module.Name}",
                $"no {name} function", "the module needs prefill and decode functions");
            entries.Add(new StreamEntry(name, words.Count));
            var ids = f.Body.Select((op, i) => (op.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i);
            var shapes = LinearShapes(module, f);
            foreach (var k in GpuKernelMap.Map(f))
            {
                var first = words.Count;
                var where = $"{name}: %{k.Op}";
                if (Work(kv => k.FlopsAt(Kv(kv)), where, "FLOPs") is { } flops) words.Add(WorkWord("wk.flops", flops));
                if (Work(kv => k.BytesAt(Kv(kv)), where, "bytes") is { } bytes) words.Add(WorkWord("wk.bytes", bytes));
                words.Add(Launch(k, shapes.TryGetValue(k.Op, out var s) ? s : null, where));
                debug.Add(new DebugRange(GpuStreams.Kernels, 0, first, words.Count - first, idBase + ids[k.Op], k.Op));
            }
        }
        var prompt = module.Attrs.IntOr("prompt_tokens", 0);
        var generated = module.Attrs.IntOr("generated_tokens", 0);
        var stream = new KernelStream(0, words) { Entries = entries };
        return new PimBinary(new TargetBlob(target.Name, System.Text.Encoding.UTF8.GetBytes(target.CanonicalJson)), [stream], [], debug)
        {
            Workload = new CompiledWorkload((int)prompt, (int)generated, (int)(prompt + generated), module.Name, [Module.Prefill, Module.Decode]),
        };
    }

    private static Op WorkWord(string mnemonic, (long Base, long PerKv) work)
    {
        var (hi, lo) = GpuFormats.SplitWork(work.Base);
        return GpuIsa.Kernels.Make(mnemonic, hi, lo, work.PerKv);
    }

    /// <summary>The operator class a kernel is reported under (<see cref="GpuFormats.OperatorClass"/>): the HPIM
    /// breakdown's classes; norms and element-wise kernels are nonlinear work, gathers and copies data movement, the
    /// LM head other.</summary>
    public static string ReportClass(GpuKernel k) => k.Class switch
    {
        GpuOperatorClass.Qkv => "qkv_generation",
        GpuOperatorClass.Attention => "attention",
        GpuOperatorClass.AttentionProjection => "output_projection",
        GpuOperatorClass.Ffn => "ffn",
        GpuOperatorClass.LmHead => "other",
        _ => k.DataMovement ? "data_movement" : "nonlinear",
    };

    private static Op Launch(GpuKernel k, (long M, long N, long K)? shape, string where)
    {
        var op = GpuFormats.OperatorClass.Code(ReportClass(k));
        if (k.Kind != KernelClass.Matmul || shape is not { } s)
            return GpuIsa.Kernels.Make(k.Kind switch
            {
                KernelClass.Matmul => "k.bmm",
                KernelClass.Softmax => "k.softmax",
                KernelClass.LayerNorm => "k.norm",
                KernelClass.Gelu => "k.act",
                _ => "k.elt",
            }, op);
        var gemm = GpuIsa.Kernels.Get("k.gemm");
        foreach (var (v, i) in new[] { (s.M, 0), (s.N, 1), (s.K, 2) })
            if (!gemm.Operands[i].Accepts(v))
                throw new PimccError(ExitCode.CapacityExceeded, where, $"GEMM {gemm.Operands[i].Name} = {v} does not fit the launch word (at most {gemm.Operands[i].Max})",
                    "compile a shorter prompt or a smaller model for the gpu target");
        return GpuIsa.Kernels.Make("k.gemm", s.M, s.N, s.K, op);
    }

    private static Dictionary<string, long> Kv(long kv) => new() { ["kv"] = kv };

    /// <summary>A kernel's work as base + perkv x kv, or null when it is zero. The work must be linear in kv (the cost
    /// model's decode work is); a share of an op's is rounded to whole FLOPs or bytes.</summary>
    private static (long Base, long PerKv)? Work(Func<long, double> at, string where, string what)
    {
        double b = at(0), slope = at(1) - b;
        if (Math.Abs(at(2) - (b + 2 * slope)) > 0.5)
            throw new InvalidOperationException($"{where}: {what} are not linear in kv (gpu lowering bug)");
        long wb = (long)Math.Round(b, MidpointRounding.AwayFromZero), wk = (long)Math.Round(slope, MidpointRounding.AwayFromZero);
        if (wb == 0 && wk == 0) return null;
        if (wb >= 1L << GpuFormats.WorkBaseBits || wk >= 1L << GpuFormats.WorkPerKvBits || wb < 0 || wk < 0)
            throw new PimccError(ExitCode.CapacityExceeded, where, $"{wb} + {wk} x kv {what} do not fit a work word (at most 2^{GpuFormats.WorkBaseBits} - 1 + (2^{GpuFormats.WorkPerKvBits} - 1) x kv)",
                "compile a shorter prompt or a smaller model for the gpu target");
        return (wb, wk);
    }

    /// <summary>m, n, k of every linear op with static shapes: x [m, k], result [m, n].</summary>
    private static Dictionary<string, (long, long, long)> LinearShapes(Module module, Function f)
    {
        var scope = new OperandTypes(module, f.Params);
        var shapes = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        foreach (var op in f.Body)
        {
            if (op.Opcode == "linear")
            {
                var x = scope.TypeOf(op.Operands[0]).Shape;
                var y = op.Result.Type.Shape;
                if (x[0].IsConstant && x[1].IsConstant && y[1].IsConstant)
                    shapes[op.Id] = (x[0].Constant, y[1].Constant, x[1].Constant);
            }
            foreach (var r in op.Results) scope.Define(r);
        }
        return shapes;
    }
}
