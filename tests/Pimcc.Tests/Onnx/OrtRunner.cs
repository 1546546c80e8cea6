using System.Collections.Concurrent;
using System.Security.Cryptography;
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
/// ONNX Runtime in this process (<see cref="OrtModel"/>, Microsoft.ML.OnnxRuntime from NuGet): the independent
/// reference for whole-model checks, fed from the JSON input files the tests write or the samples store. Each model is
/// opened once per test run and its session shared by every test that runs it (ONNX Runtime runs a session from
/// several threads; one thread per run and basic optimisations give the same numbers as a new session): the key is
/// the file's full path and a hash of its bytes, so a model a test writes anew is opened anew. The hash is taken once
/// per file as it is (its full path, length and last write time), not on every run.
/// </summary>
public static class OrtRunner
{
    private static readonly ConcurrentDictionary<string, Lazy<OrtModel>> Sessions = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> Hashes = new();

    /// <summary>The session of <paramref name="model"/> as its file is now, opened on first use.</summary>
    public static OrtModel Session(string model)
    {
        var file = new FileInfo(Path.GetFullPath(model));
        var hash = Hashes.GetOrAdd((file.FullName, file.Length, file.LastWriteTimeUtc), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f.Path))));
        var key = file.FullName + "\0" + hash;
        return Sessions.GetOrAdd(key, _ => new Lazy<OrtModel>(() => OrtModel.Open(model))).Value;
    }

    /// <summary>Runs a causal LM with one output on <c>input_ids</c> = [1, ids.Count]; returns its logits [1, n, vocab].</summary>
    public static OrtTensor RunInputIds(string model, IReadOnlyList<long> ids) => Session(model).RunInputIds(ids);

    /// <summary>Runs <paramref name="model"/> on <paramref name="inputs"/>; returns outputs in model order.</summary>
    public static IReadOnlyList<(string Name, OrtTensor Tensor)> Run(string model, IReadOnlyList<(string Name, OrtTensor Tensor)> inputs) =>
        Session(model).Run(inputs);

    /// <summary>Runs <paramref name="model"/> on the inputs in <paramref name="inputsJson"/> (the tensors, or a document
    /// holding them under "inputs"); returns outputs in model order.</summary>
    public static IReadOnlyList<(string Name, OrtTensor Tensor)> Run(string model, string inputsJson)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(inputsJson));
        var specs = doc.RootElement.TryGetProperty("inputs", out var inputs) ? inputs : doc.RootElement;
        return Run(model, JsonTensor.ReadAll(specs));
    }
}
