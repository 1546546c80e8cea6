using System.Diagnostics;
using System.Text.Json;

namespace Pimcc.Tests.Onnx;

/// <summary>A tensor in the JSON form tests/ort/run-ort.js reads and writes.</summary>
public sealed record JsonTensor(string DType, long[] Dims, double[] Data)
{
    public static JsonTensor FromJson(JsonElement e) => new(
        e.GetProperty("dtype").GetString()!,
        e.GetProperty("dims").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
        e.GetProperty("data").EnumerateArray().Select(d => d.GetDouble()).ToArray());

    public static IReadOnlyList<(string Name, JsonTensor Tensor)> ReadAll(JsonElement obj) =>
        obj.EnumerateObject().Select(p => (p.Name, FromJson(p.Value))).ToList();
}

/// <summary>
/// Runs ONNX Runtime (onnxruntime-node, pinned in tools/package.json) on a model through
/// tests/ort/run-ort.js: the independent reference for whole-model checks.
/// </summary>
public static class OrtRunner
{
    public static string Script => RepoPaths.Combine("tests", "ort", "run-ort.js");

    /// <summary>Runs a causal LM with one output on <c>input_ids</c> = [1, ids.Count]; returns its logits [1, n, vocab].</summary>
    public static JsonTensor RunInputIds(string model, IReadOnlyList<long> ids)
    {
        var dir = Directory.CreateTempSubdirectory("pimcc-ort-").FullName;
        try
        {
            var json = Path.Combine(dir, "inputs.json");
            File.WriteAllText(json, "{\"input_ids\":{\"dtype\":\"int64\",\"dims\":[1," + ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                "],\"data\":[" + string.Join(",", ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]}}");
            var outputs = Run(model, json);
            outputs.Count.ShouldBe(1);
            return outputs[0].Tensor;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Runs <paramref name="model"/> on the inputs in <paramref name="inputsJson"/> (run-ort.js format); returns outputs in model order.</summary>
    public static IReadOnlyList<(string Name, JsonTensor Tensor)> Run(string model, string inputsJson)
    {
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Script);
        psi.ArgumentList.Add(model);
        psi.ArgumentList.Add(inputsJson);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start node");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"run-ort.js exited with {process.ExitCode}: {stderr.Result} (run: bash tools/setup.sh)");
        using var doc = JsonDocument.Parse(stdout);
        return JsonTensor.ReadAll(doc.RootElement.GetProperty("outputs"));
    }
}
