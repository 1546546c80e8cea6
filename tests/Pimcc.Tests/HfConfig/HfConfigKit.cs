using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;

namespace Pimcc.Tests.HfConfig;

/// <summary>Shared helpers: sample paths, the default workload, parameter counts and error capture.</summary>
internal static class HfConfigKit
{
    /// <summary>The driver's default workload, as when neither count is given (an encoder then reads the prompt only).</summary>
    public static readonly HfWorkload Workload = new(256, 768) { Defaulted = true };

    /// <summary>True for an encoder config (BERT): prefill only, no generated tokens.</summary>
    public static bool IsEncoder(Module m) => m.Attrs.StrOr("architecture", "decoder") == "encoder";

    public static string SamplesDir => RepoPaths.Combine("samples", "hf-configs");

    public static string Sample(string file) => Path.Combine(SamplesDir, file);

    public static IEnumerable<string> SampleFiles =>
        Directory.EnumerateFiles(SamplesDir).Select(Path.GetFileName).OfType<string>().Where(f => f != "README.md").Order(StringComparer.Ordinal);

    /// <summary>Loads a sample; with the default workload the (immutable) module is shared between tests.</summary>
    public static Module LoadSample(string file, HfWorkload? workload = null) =>
        workload is null || workload == Workload
            ? Cache.GetOrAdd(file, f => new Lazy<Module>(() => HfConfigFrontend.Load(Sample(f), Workload))).Value
            : HfConfigFrontend.Load(Sample(file), workload);

    private static readonly ConcurrentDictionary<string, Lazy<Module>> Cache = new(StringComparer.Ordinal);

    /// <summary>Loads a sample after editing its JSON (e.g. removing or changing one field).</summary>
    public static Module LoadEdited(string file, Action<JsonObject> edit, HfWorkload? workload = null, string? name = null) =>
        HfConfigFrontend.Load(Edit(file, edit), name ?? file, workload ?? Workload);

    public static string Edit(string file, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(Sample(file)))!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    /// <summary>
    /// Parameters as the checkpoint counts them: every declared weight once (tied tables once); a scaled copy of
    /// another weight (<c>source_scale</c>, Gemma's normalised embedding table) is not a checkpoint tensor.
    /// </summary>
    public static long ParameterCount(Module m) =>
        m.Weights.Where(w => !w.Attrs.ContainsKey("source_scale")).Sum(w => w.Type.ElementCount.Constant);

    public static PimccError Fails(Func<Module> load, ExitCode code)
    {
        var e = Should.Throw<PimccError>(() => load());
        e.Code.ShouldBe(code, e.OneLine);
        e.OneLine.ShouldNotContain("\n");
        return e;
    }

    public static IEnumerable<Operation> Ops(Module m, string function, string opcode) =>
        m.FindFunction(function)!.Body.Where(o => o.Opcode == opcode);

    public static Operation Op(Module m, string function, string resultName) =>
        m.FindFunction(function)!.Body.Single(o => o.Results.Any(r => r.Name == resultName));

    /// <summary>An op's operands as the IR text prints them (<c>%value, @weight</c>).</summary>
    public static string Operands(Operation op) => string.Join(", ", op.Operands);

    public static long[] Shape(Module m, string weight) =>
        [.. m.FindWeight(weight)!.Type.Shape.Select(d => d.Constant)];
}
