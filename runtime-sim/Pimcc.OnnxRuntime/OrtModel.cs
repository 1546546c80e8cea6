using Microsoft.ML.OnnxRuntime;
using Pimcc.Diagnostics;

namespace Pimcc.OnnxRuntime;

/// <summary>
/// One ONNX model opened in ONNX Runtime (one <see cref="InferenceSession"/>), run any number of times: opening
/// parses the graph and copies its weights, so a caller running the same model on many inputs opens it once. One
/// thread and basic graph optimisations only, so the same inputs give the same numbers on every run, in this session
/// or a new one. Runs may come from several threads at once (ONNX Runtime's <c>Run</c> is thread-safe).
/// </summary>
public sealed class OrtModel : IDisposable
{
    private readonly InferenceSession session;

    private OrtModel(string path, InferenceSession session)
    {
        Path = path;
        this.session = session;
    }

    /// <summary>The model file this session was opened on (named in errors).</summary>
    public string Path { get; }

    /// <summary>Opens <paramref name="model"/>; an ONNX file ONNX Runtime cannot load is <see cref="ExitCode.InvalidModel"/>.</summary>
    public static OrtModel Open(string model)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        try
        {
            return new OrtModel(model, new InferenceSession(model, options));
        }
        catch (OnnxRuntimeException e)
        {
            throw new PimccError(ExitCode.InvalidModel, model, "ONNX Runtime cannot load the model: " + FirstLine(e.Message), "check the model with onnx.checker; pimcc check needs a model ONNX Runtime runs");
        }
    }

    /// <summary>Runs the model on <paramref name="inputs"/>; returns every output in the model's declared order.</summary>
    public IReadOnlyList<(string Name, OrtTensor Tensor)> Run(IReadOnlyList<(string Name, OrtTensor Tensor)> inputs)
    {
        RequireFed([.. inputs.Select(i => i.Name)]);
        var values = new List<OrtValue>();
        try
        {
            foreach (var (name, tensor) in inputs) values.Add(OrtTypes.ToValue(name, tensor));
            var names = session.OutputNames;
            using var runOptions = new RunOptions();
            using var results = Run(runOptions, [.. inputs.Select(i => i.Name)], values, names);
            return [.. names.Select((n, i) => (n, OrtTypes.FromValue(n, results[i])))];
        }
        finally
        {
            foreach (var v in values) v.Dispose();
        }
    }

    /// <summary>What a causal LM's full-sequence graph may take: the token ids and, as optimum exports it, the attention
    /// mask and the positions, which an unpadded sequence fixes (<see cref="RunInputIds"/>).</summary>
    public static readonly IReadOnlyList<string> SequenceInputs = ["input_ids", "attention_mask", "position_ids"];

    /// <summary>Runs a causal LM with one output on <c>input_ids</c> = [1, ids.Count], and, when the graph takes them,
    /// an all-ones <c>attention_mask</c> and <c>position_ids</c> 0 .. n - 1 (an unpadded sequence, optimum's inputs);
    /// returns its logits [1, n, vocab].</summary>
    public OrtTensor RunInputIds(IReadOnlyList<long> ids)
    {
        var inputs = new List<(string Name, OrtTensor Tensor)> { ("input_ids", OrtTensor.InputIds(ids)) };
        if (session.InputNames.Contains("attention_mask"))
            inputs.Add(("attention_mask", new OrtTensor("int64", [1, ids.Count], [.. Enumerable.Repeat(1.0, ids.Count)])));
        if (session.InputNames.Contains("position_ids"))
            inputs.Add(("position_ids", new OrtTensor("int64", [1, ids.Count], [.. Enumerable.Range(0, ids.Count).Select(p => (double)p)])));
        var outputs = Run(inputs);
        return outputs.Count == 1 ? outputs[0].Tensor
            : throw new PimccError(ExitCode.UnsupportedModel, Path, $"the model has {outputs.Count} outputs, not one (the logits)", "export the full-sequence graph with logits as its only output");
    }

    /// <summary>Refuses, before anything is computed, a graph that takes inputs besides <paramref name="fed"/>.</summary>
    public void RequireFed(IReadOnlyCollection<string> fed)
    {
        if (session.InputNames.Where(n => !fed.Contains(n)).ToList() is { Count: > 0 } missing)
            throw new PimccError(ExitCode.UnsupportedModel, Path, $"the graph takes inputs that are not fed: {string.Join(", ", missing)} (fed: {string.Join(", ", fed)})",
                "give the full-sequence graph (input_ids in, logits out); a KV-cache graph's past keys and values are not fed here");
    }

    /// <summary>The length <c>input_ids</c>' sequence axis (its last) is fixed at, or null when it is dynamic or absent.</summary>
    public int? FixedSequenceLength =>
        session.InputMetadata.TryGetValue("input_ids", out var m) && m.Dimensions is { Length: > 0 } d && d[^1] > 0 ? d[^1] : null;

    /// <summary>The width the single output's last axis is declared with (a causal LM's vocabulary), or null when the
    /// graph has another number of outputs or leaves that axis dynamic.</summary>
    public int? DeclaredOutputWidth =>
        session.OutputMetadata.Count == 1 && session.OutputMetadata.Values.First().Dimensions is { Length: > 0 } d && d[^1] > 0 ? d[^1] : null;

    public void Dispose() => session.Dispose();

    private IDisposableReadOnlyCollection<OrtValue> Run(RunOptions runOptions, IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> values,
        IReadOnlyCollection<string> outputNames)
    {
        try
        {
            return session.Run(runOptions, inputNames, values, outputNames);
        }
        catch (OnnxRuntimeException e)
        {
            throw new PimccError(ExitCode.InvalidModel, Path, "ONNX Runtime cannot run the model: " + FirstLine(e.Message),
                "feed every input the model declares, with its declared type and shape");
        }
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
