using System.Text.Json;
using Pimcc.OnnxRuntime;

namespace Pimcc.Tests.Onnx;

/// <summary>Reads tensors in the JSON form samples/onnx/expected/*.json holds: <c>{"name": {"dtype", "dims", "data"}}</c>.</summary>
public static class JsonTensor
{
    public static OrtTensor FromJson(JsonElement e) => new(
        e.GetProperty("dtype").GetString()!,
        e.GetProperty("dims").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
        e.GetProperty("data").EnumerateArray().Select(d => d.GetDouble()).ToArray());

    public static IReadOnlyList<(string Name, OrtTensor Tensor)> ReadAll(JsonElement obj) =>
        obj.EnumerateObject().Select(p => (p.Name, FromJson(p.Value))).ToList();
}

/// <summary>
/// ONNX Runtime in this process (<see cref="OrtReference"/>, Microsoft.ML.OnnxRuntime from NuGet): the independent
/// reference for whole-model checks, fed from the JSON input files the tests write or the samples store.
/// </summary>
public static class OrtRunner
{
    /// <summary>Runs a causal LM with one output on <c>input_ids</c> = [1, ids.Count]; returns its logits [1, n, vocab].</summary>
    public static OrtTensor RunInputIds(string model, IReadOnlyList<long> ids) => OrtReference.RunInputIds(model, ids);

    /// <summary>Runs <paramref name="model"/> on the inputs in <paramref name="inputsJson"/> (the tensors, or a document
    /// holding them under "inputs"); returns outputs in model order.</summary>
    public static IReadOnlyList<(string Name, OrtTensor Tensor)> Run(string model, string inputsJson)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(inputsJson));
        var specs = doc.RootElement.TryGetProperty("inputs", out var inputs) ? inputs : doc.RootElement;
        return OrtReference.Run(model, JsonTensor.ReadAll(specs));
    }
}
