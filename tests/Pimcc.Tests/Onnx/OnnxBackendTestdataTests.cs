using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Shapes;
using Xunit.Abstractions;

namespace Pimcc.Tests.Onnx;

/// <summary>
/// The loader and shape inference on the ONNX backend node tests shipped by Debian's
/// libonnx-testdata (installed by tools/setup.sh): models written by ONNX's own test generator,
/// with declared output shapes and .pb tensors, so both are checked against data nobody here made.
/// Models outside pimcc's scope (opset &lt; 13, IR &lt; 7, operators not in
/// <see cref="OnnxOperatorSet.Operators"/>, string/uint32/uint64/sequence values) are counted, not run.
/// </summary>
public sealed class OnnxBackendTestdataTests(ITestOutputHelper output)
{
    public const string NodeTestsFolder = "/usr/share/libonnx-testdata/data/node";

    /// <summary>
    /// Cases whose output shapes inference leaves symbolic, each with why. The window functions'
    /// expanded graphs compute their length in float arithmetic, which inference does not track.
    /// </summary>
    private static readonly Dictionary<string, string> UnresolvedByDesign = new(StringComparer.Ordinal)
    {
        ["test_blackmanwindow_expanded"] = "length computed in float arithmetic",
        ["test_blackmanwindow_symmetric_expanded"] = "length computed in float arithmetic",
        ["test_hammingwindow_expanded"] = "length computed in float arithmetic",
        ["test_hammingwindow_symmetric_expanded"] = "length computed in float arithmetic",
        ["test_hannwindow_expanded"] = "length computed in float arithmetic",
        ["test_hannwindow_symmetric_expanded"] = "length computed in float arithmetic",
    };

    /// <summary>Test-data files that disagree with their own model (ONNX 1.12 generator quirks).</summary>
    private static readonly Dictionary<string, string> TestdataQuirks = new(StringComparer.Ordinal)
    {
        ["test_cast_BFLOAT16_to_FLOAT/input_0.pb"] = "bfloat16 input stored as UINT16",
        ["test_cast_FLOAT_to_BFLOAT16/output_0.pb"] = "bfloat16 output stored as UINT16",
        ["test_castlike_BFLOAT16_to_FLOAT_expanded/input_0.pb"] = "bfloat16 input stored as UINT16",
        ["test_castlike_BFLOAT16_to_FLOAT_expanded/input_1.pb"] = "'like' input stored with dims [1]",
        ["test_castlike_FLOAT_to_BFLOAT16_expanded/input_1.pb"] = "bfloat16 'like' input stored as UINT16",
        ["test_castlike_FLOAT_to_BFLOAT16_expanded/output_0.pb"] = "bfloat16 output stored as UINT16",
    };

    private static IEnumerable<(string Test, OnnxModel Model)> InScopeModels(Action<string> outOfScope)
    {
        Directory.Exists(NodeTestsFolder).ShouldBeTrue($"{NodeTestsFolder} is missing: run bash tools/setup.sh");
        foreach (var folder in Directory.GetDirectories(NodeTestsFolder).Order(StringComparer.Ordinal))
        {
            OnnxModel model;
            try
            {
                model = OnnxModelLoader.Load(Path.Combine(folder, "model.onnx"));
            }
            catch (PimccError e) when (e.Code is ExitCode.UnsupportedVersion or ExitCode.UnsupportedOperator or ExitCode.UnsupportedDataType)
            {
                outOfScope(Path.GetFileName(folder));
                continue;
            }
            yield return (Path.GetFileName(folder), model);
        }
    }

    private static IEnumerable<(string File, OnnxValueInfo Value)> DataFiles(OnnxModel model) =>
        model.Graph.Inputs.Select((v, i) => ($"input_{i}.pb", v)).Concat(model.Graph.Outputs.Select((v, i) => ($"output_{i}.pb", v)));

    [Fact]
    public void Output_shapes_inferred_from_test_inputs_match_the_declared_ones()
    {
        int checkedModels = 0, outOfScope = 0;
        var failures = new List<string>();
        foreach (var (test, model) in InScopeModels(_ => outOfScope++))
        {
            var inputs = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
            foreach (var (file, value) in DataFiles(model).Where(f => f.File.StartsWith("input_", StringComparison.Ordinal)))
            {
                var path = Path.Combine(NodeTestsFolder, test, "test_data_set_0", file);
                if (File.Exists(path) && !TestdataQuirks.ContainsKey($"{test}/{file}"))
                    inputs[value.Name] = OnnxTensorFile.Load(path);
            }
            try
            {
                var facts = OnnxShapeInference.Infer(model.Graph, inputs);
                checkedModels++;
                foreach (var o in model.Graph.Outputs)
                {
                    var inferred = facts.Get(o.Name);
                    if (inferred.ElementType != o.ElementType)
                        failures.Add($"{test}: output {o.Name} inferred {inferred.ElementType}, declared {o.ElementType}");
                    if (o.Shape is not { } declared || !declared.Dims.All(d => d.IsKnown)) continue;
                    var resolved = inferred.Shape is { } s && s.All(d => d.IsConstant);
                    if (!resolved && UnresolvedByDesign.ContainsKey(test)) continue;
                    if (!resolved || !inferred.Shape!.Select(d => d.Constant).SequenceEqual(declared.Dims.Select(d => d.Value!.Value)))
                        failures.Add($"{test}: output {o.Name} inferred {inferred.ShapeText}, declared {declared}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{test}: {e.GetType().Name}: {e.Message}");
            }
        }
        output.WriteLine($"node tests: {checkedModels} in scope and checked, {outOfScope} out of scope, {failures.Count} failures");
        checkedModels.ShouldBeGreaterThan(200);
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Every_test_tensor_decodes_to_its_declared_type_and_shape()
    {
        var tensors = 0;
        var failures = new List<string>();
        foreach (var (test, model) in InScopeModels(_ => { }))
        {
            foreach (var (file, value) in DataFiles(model))
            {
                var path = Path.Combine(NodeTestsFolder, test, "test_data_set_0", file);
                if (!File.Exists(path) || TestdataQuirks.ContainsKey($"{test}/{file}")) continue;
                try
                {
                    var t = OnnxTensorFile.Load(path);
                    tensors++;
                    if (t.DataType != value.ElementType)
                        failures.Add($"{test}/{file}: {t.DataType}, declared {value.ElementType}");
                    if (value.Shape is { } s && s.Dims.All(d => d.IsKnown) && !t.Dims.SequenceEqual(s.Dims.Select(d => d.Value!.Value)))
                        failures.Add($"{test}/{file}: dims [{string.Join(", ", t.Dims)}], declared {s}");
                }
                catch (PimccError e)
                {
                    failures.Add(e.OneLine);
                }
            }
        }
        output.WriteLine($"test tensors decoded: {tensors}");
        tensors.ShouldBeGreaterThan(500);
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Testdata_quirks_are_still_quirks()
    {
        // If Debian's test data is fixed, the exception list above must shrink.
        foreach (var (file, why) in TestdataQuirks)
        {
            var parts = file.Split('/');
            var model = OnnxModelLoader.Load(Path.Combine(NodeTestsFolder, parts[0], "model.onnx"));
            var value = DataFiles(model).Single(f => f.File == parts[1]).Value;
            var t = OnnxTensorFile.Load(Path.Combine(NodeTestsFolder, parts[0], "test_data_set_0", parts[1]));
            var matches = t.DataType == value.ElementType && value.Shape!.Dims.Select(d => d.Value).SequenceEqual(t.Dims.Select(d => (long?)d));
            matches.ShouldBeFalse($"{file} ({why}) now matches its model; remove it from TestdataQuirks");
        }
    }
}
