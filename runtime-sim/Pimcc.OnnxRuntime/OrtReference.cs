namespace Pimcc.OnnxRuntime;

/// <summary>
/// Runs an ONNX model with ONNX Runtime in this process (Microsoft.ML.OnnxRuntime, pinned in
/// Pimcc.OnnxRuntime.csproj): the independent reference for whole-model checks, in the tests and in <c>pimcc check</c>.
/// Each call opens the model for that one run; a caller running one model many times opens an <see cref="OrtModel"/>.
/// </summary>
public static class OrtReference
{
    /// <summary>Runs <paramref name="model"/> on <paramref name="inputs"/>; returns every output in the model's declared order.</summary>
    public static IReadOnlyList<(string Name, OrtTensor Tensor)> Run(string model, IReadOnlyList<(string Name, OrtTensor Tensor)> inputs)
    {
        using var session = OrtModel.Open(model);
        return session.Run(inputs);
    }

    /// <summary>Runs a causal LM with one output on <c>input_ids</c> = [1, ids.Count] (<see cref="OrtModel.RunInputIds"/>); returns its logits [1, n, vocab].</summary>
    public static OrtTensor RunInputIds(string model, IReadOnlyList<long> ids)
    {
        using var session = OrtModel.Open(model);
        return session.RunInputIds(ids);
    }

    /// <summary>Refuses, before anything is computed, a model that takes inputs besides <c>input_ids</c> and optimum's
    /// <c>attention_mask</c> and <c>position_ids</c> (<see cref="OrtModel.SequenceInputs"/>: a KV-cache graph's past
    /// keys and values); returns the sequence length its <c>input_ids</c> is fixed at (a fixed-shape export), null when dynamic.</summary>
    public static int? RequireInputIdsOnly(string model)
    {
        using var session = OrtModel.Open(model);
        session.RequireFed(OrtModel.SequenceInputs.ToList());
        return session.FixedSequenceLength;
    }
}
