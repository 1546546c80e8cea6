using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.OnnxRuntime;
using Pimcc.Reference;

namespace Pimcc.Accuracy;

/// <summary>
/// The loss of a model on token windows (<see cref="LanguageModelLoss"/>) three ways: ONNX Runtime on the ONNX file
/// (the noise-free FP32 reference), and the reference interpreter on the runnable IR with a transform (the quantised
/// reference, noise-free or with one draw of device noise). The interpreter is fed teacher-forced: the window's first
/// token through <c>prefill</c>, every next one through <c>decode</c>, each step's logits predicting the token after.
/// </summary>
public static class AccuracyEvaluation
{
    /// <summary>Mean next-token loss of ONNX Runtime on the full-sequence graph; <paramref name="windowDone"/> after each window.</summary>
    public static double OnnxRuntimeLoss(string model, IReadOnlyList<long[]> windows, Action? windowDone = null)
    {
        using var session = OrtModel.Open(model);
        double nll = 0;
        foreach (var w in windows)
        {
            var logits = session.RunInputIds(w);
            var vocab = (int)logits.Dims[^1];
            for (var p = 0; p + 1 < w.Length; p++) nll += LanguageModelLoss.NegativeLogLikelihood(logits.Data.AsSpan(p * vocab, vocab), w[p + 1]);
            windowDone?.Invoke();
        }
        return nll / LanguageModelLoss.Predicted(windows);
    }

    /// <summary>Mean next-token loss of the reference interpreter on <paramref name="module"/> through <paramref name="transform"/> (null: as the IR is).</summary>
    public static double ReferenceLoss(Module module, IReferenceTransform? transform, IReadOnlyList<long[]> windows, Action? windowDone = null)
    {
        var interpreter = new ReferenceInterpreter(module, transform);
        double nll = 0;
        foreach (var w in windows)
        {
            var kv = new KvCacheState(module);
            var logits = interpreter.Run(Module.Prefill, [Tensor.I64([1], w[0])], null, kv)[0];
            nll += LanguageModelLoss.NegativeLogLikelihood(logits.Floats!, w[1]);
            for (var p = 1; p + 1 < w.Length; p++)
            {
                logits = interpreter.Run(Module.Decode, [Tensor.I64([1], w[p])], new Dictionary<string, long> { ["kv"] = p }, kv)[0];
                nll += LanguageModelLoss.NegativeLogLikelihood(logits.Floats!, w[p + 1]);
            }
            windowDone?.Invoke();
        }
        return nll / LanguageModelLoss.Predicted(windows);
    }

    /// <summary>
    /// The whole study: ONNX Runtime's loss, the noise-free quantised reference's and, when the plan has noise, one
    /// loss per draw d = 0 .. draws-1 with noise seed <c>seed + d</c>. The passes share nothing (each has its own
    /// interpreter and weight copies), so they run side by side, at most one per processor, with the figures of a
    /// sequential run. <paramref name="windowDone"/> is told after each window of each of the runs (<see cref="Runs"/>
    /// runs of the windows in all), from the pass's own thread.
    /// </summary>
    public static EvalFigures Evaluate(string model, Module runnable, QuantisationPlan plan, IReadOnlyList<long[]> windows, int draws, ulong seed,
        Action? windowDone = null)
    {
        var noiseDraws = plan.HasNoise ? draws : 0;
        var losses = SideBySide.Run(2 + noiseDraws, pass => pass switch
        {
            0 => OnnxRuntimeLoss(model, windows, windowDone),
            1 => ReferenceLoss(runnable, new QuantisedReference(plan.WithoutNoise(), null), windows, windowDone),
            _ => ReferenceLoss(runnable, new QuantisedReference(plan, seed + (ulong)(pass - 2)), windows, windowDone),
        }, Environment.ProcessorCount);
        return new EvalFigures(new LossFigure(losses[0]), new LossFigure(losses[1]), plan.HasNoise ? new DrawSpread(losses[2..]) : null);
    }

    /// <summary>How many passes over the windows <see cref="Evaluate"/> makes.</summary>
    public static int Runs(QuantisationPlan plan, int draws) => 2 + (plan.HasNoise ? draws : 0);
}

/// <summary>What <see cref="AccuracyEvaluation.Evaluate"/> measured: FP32 (ONNX Runtime), the quantised reference
/// without noise, and the noise draws (null when the target models no device noise).</summary>
public sealed record EvalFigures(LossFigure Fp32, LossFigure Quantised, DrawSpread? Noisy);
