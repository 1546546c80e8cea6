using Microsoft.ML.OnnxRuntime;
using Pimcc.Diagnostics;

namespace Pimcc.OnnxRuntime;

/// <summary>
/// Runs an ONNX model with ONNX Runtime in this process (Microsoft.ML.OnnxRuntime, pinned in
/// Pimcc.OnnxRuntime.csproj): the independent reference for whole-model checks, in the tests and in <c>pimcc check</c>.
/// One thread and basic graph optimisations only, so the same inputs give the same numbers on every run.
/// </summary>
public static class OrtReference
{
    /// <summary>Runs <paramref name="model"/> on <paramref name="inputs"/>; returns every output in the model's declared order.</summary>
    public static IReadOnlyList<(string Name, OrtTensor Tensor)> Run(string model, IReadOnlyList<(string Name, OrtTensor Tensor)> inputs)
    {
        using var session = Open(model);
        RequireFed(session, model, [.. inputs.Select(i => i.Name)]);
        var values = new List<OrtValue>();
        try
        {
            foreach (var (name, tensor) in inputs) values.Add(OrtTypes.ToValue(name, tensor));
            var names = session.OutputNames;
            using var runOptions = new RunOptions();
            using var results = Run(session, model, runOptions, [.. inputs.Select(i => i.Name)], values, names);
            return [.. names.Select((n, i) => (n, OrtTypes.FromValue(n, results[i])))];
        }
        finally
        {
            foreach (var v in values) v.Dispose();
        }
    }

    /// <summary>Runs a causal LM with one output on <c>input_ids</c> = [1, ids.Count]; returns its logits [1, n, vocab].</summary>
    public static OrtTensor RunInputIds(string model, IReadOnlyList<long> ids)
    {
        var outputs = Run(model, [("input_ids", OrtTensor.InputIds(ids))]);
        return outputs.Count == 1 ? outputs[0].Tensor
            : throw new PimccError(ExitCode.UnsupportedModel, model, $"the model has {outputs.Count} outputs, not one (the logits)", "export the full-sequence graph with logits as its only output");
    }

    /// <summary>Refuses, before anything is computed, a model that takes inputs besides <c>input_ids</c> (a KV-cache graph).</summary>
    public static void RequireInputIdsOnly(string model)
    {
        using var session = Open(model);
        RequireFed(session, model, ["input_ids"]);
    }

    private static void RequireFed(InferenceSession session, string model, IReadOnlyCollection<string> fed)
    {
        if (session.InputNames.Where(n => !fed.Contains(n)).ToList() is { Count: > 0 } missing)
            throw new PimccError(ExitCode.UnsupportedModel, model, $"the graph takes inputs that are not fed: {string.Join(", ", missing)} (fed: {string.Join(", ", fed)})",
                "give the full-sequence graph (input_ids in, logits out); a KV-cache graph's past keys and values are not fed here");
    }

    // One thread and basic graph optimisations: the same numbers on every run.
    private static InferenceSession Open(string model)
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
            return new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new PimccError(ExitCode.InvalidModel, model, "ONNX Runtime cannot load the model: " + FirstLine(e.Message), "check the model with onnx.checker; pimcc check needs a model ONNX Runtime runs");
        }
    }

    private static IDisposableReadOnlyCollection<OrtValue> Run(InferenceSession session, string model, RunOptions runOptions,
        IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> values, IReadOnlyCollection<string> outputNames)
    {
        try
        {
            return session.Run(runOptions, inputNames, values, outputNames);
        }
        catch (OnnxRuntimeException e)
        {
            throw new PimccError(ExitCode.InvalidModel, model, "ONNX Runtime cannot run the model: " + FirstLine(e.Message),
                "feed every input the model declares, with its declared type and shape");
        }
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
