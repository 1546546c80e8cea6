using System.Globalization;
using Pimcc.OnnxRuntime;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Onnx;

/// <summary>
/// The trained accuracy model (tools/train/train-fortunes-gpt2.py, samples/onnx/fortunes-gpt2.onnx) has learnt its
/// corpus: ONNX Runtime's next-byte loss on held-out fortunes (samples/eval/fortunes-heldout.tokens, text the training
/// never saw) is far below what any model without context can reach on the same bytes (their own unigram entropy),
/// and pimcc's compiled model reproduces ONNX Runtime's logits on it.
/// </summary>
public class TrainedSampleTests
{
    private static readonly string Model = RepoPaths.Combine("samples", "onnx", "fortunes-gpt2.onnx");
    private static readonly string Tokens = RepoPaths.Combine("samples", "eval", "fortunes-heldout.tokens");

    internal static long[] HeldOut() =>
        [.. File.ReadAllText(Tokens).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(t => long.Parse(t, CultureInfo.InvariantCulture))];

    [Fact]
    public void HeldOutLossIsFarBelowTheUnigramEntropyOfTheSameBytes()
    {
        var ids = HeldOut();
        ids.Length.ShouldBe(4096);
        ids.ShouldAllBe(t => t >= 0 && t < 256);
        // Windows of 128 bytes (the model's positions), each predicting its bytes 2..128 from the ones before.
        double nll = 0;
        long n = 0;
        for (var w = 0; w + 128 <= ids.Length; w += 128)
        {
            var window = ids[w..(w + 128)];
            var logits = OrtRunner.RunInputIds(Model, window);
            var vocab = (int)logits.Dims[2];
            for (var p = 0; p + 1 < window.Length; p++)
            {
                var row = logits.Data.AsSpan(p * vocab, vocab);
                var max = double.NegativeInfinity;
                foreach (var v in row) max = Math.Max(max, v);
                double sum = 0;
                foreach (var v in row) sum += Math.Exp(v - max);
                nll += max + Math.Log(sum) - row[(int)window[p + 1]];
                n++;
            }
        }
        var loss = nll / n;
        var unigram = ids.GroupBy(t => t).Sum(g => -(double)g.Count() / ids.Length * Math.Log((double)g.Count() / ids.Length));
        // A trained byte-level model on English text reaches well under the unigram entropy (about 3 nats per byte).
        loss.ShouldBeLessThan(unigram - 0.6, $"held-out loss {loss:F3} nats/byte against the unigram entropy {unigram:F3}");
    }

    [Fact]
    public void TheCompiledModelReproducesOnnxRuntimeOnHeldOutText()
    {
        var prompt = string.Join(",", HeldOut()[..12]);
        var r = CliRunner.Run("check", Model, "--target", "hpim", "--tokens", prompt);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("verdict: pass");
    }
}
