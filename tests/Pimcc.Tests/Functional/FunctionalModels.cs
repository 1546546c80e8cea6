using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Reference;
using Pimcc.Tests.Hpim;

namespace Pimcc.Tests.Functional;

/// <summary>
/// An ONNX sample compiled for hpim with its memory image, and the reference interpreter's logits for the same
/// greedy generation (prefill for the prompt, then one decode step per generated token).
/// </summary>
public sealed record CompiledSample(string Name, Module Raised, Module Scheduled, PimBinary Binary, int Prompt, int Generated)
{
    /// <summary>Compiles sample <paramref name="name"/>; <paramref name="edit"/> changes the raised module first (a test's mutation).</summary>
    public static CompiledSample Load(string name, int prompt, int generated, Func<Module, Module>? edit = null)
    {
        var path = RepoPaths.Combine("samples", "onnx", name + ".onnx");
        var (raised, _) = OnnxFrontend.LoadWithReport(path, new OnnxWorkload(prompt, generated));
        if (edit is not null) raised = edit(raised);
        var scheduled = HpimPassTests.Compile(raised);
        var bin = MemoryImageBuilder.Attach(HpimBackend.Emit(scheduled, HpimPassTests.Hpim), scheduled, HpimPassTests.Hpim);
        return new CompiledSample(name, raised, scheduled, bin, prompt, generated);
    }

    /// <summary>
    /// Reference logits of a forced token sequence, keyed by position: the last prompt position's from prefill
    /// (the IR's prefill returns only that row), then one decode step per token of tokens[prompt..].
    /// </summary>
    public static Dictionary<int, float[]> ReferenceLogits(Module m, IReadOnlyList<int> tokens, int prompt)
    {
        var interp = new ReferenceInterpreter(m);
        var kv = new KvCacheState(m);
        var pre = interp.Run(Module.Prefill, [Tensor.I64([prompt], [.. tokens.Take(prompt).Select(t => (long)t)])], null, kv)[0];
        var vocab = (int)pre.Shape[^1];
        var offset = (int)(pre.Length - vocab);
        var rows = new Dictionary<int, float[]> { [prompt - 1] = Enumerable.Range(0, vocab).Select(j => (float)pre.GetDouble(offset + j)).ToArray() };
        for (var i = prompt; i < tokens.Count; i++)
        {
            var t = interp.Run(Module.Decode, [Tensor.I64([1], [tokens[i]])], new Dictionary<string, long> { ["kv"] = i }, kv)[0];
            rows[i] = Enumerable.Range(0, vocab).Select(j => (float)t.GetDouble(j)).ToArray();
        }
        return rows;
    }
}
