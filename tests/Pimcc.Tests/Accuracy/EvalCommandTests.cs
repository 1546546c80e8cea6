using System.Globalization;
using System.Text.Json;
using Pimcc.Diagnostics;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Accuracy;

/// <summary><c>pimcc eval</c> end to end: the noise model's ordering, determinism, its outputs and its refusals.</summary>
public class EvalCommandTests
{
    private static readonly string Svd = RepoPaths.Combine("samples", "onnx", "fortunes-gpt2-svd.onnx");
    private static readonly string Importance = RepoPaths.Combine("samples", "importance", "fortunes-gpt2-svd.importance.json");

    /// <summary>The first <paramref name="count"/> held-out tokens in a file of their own.</summary>
    private static string Tokens(int count)
    {
        var path = Path.Combine(CliRunner.TempDir(), "held.tokens");
        File.WriteAllText(path, string.Join(' ', QuantisedSampleTests.HeldOut(count)));
        return path;
    }

    private static JsonElement Eval(params string[] args)
    {
        var r = CliRunner.Run(["eval", .. args, "--format", "json"]);
        r.ExitCode.ShouldBe(0, r.Err);
        return JsonDocument.Parse(r.Out).RootElement;
    }

    [Fact]
    public void MoreMlcRanksLoseMoreThanTheDrawsSpread()
    {
        var tokens = Tokens(256);
        var slcDoc = Eval(Svd, "--target", "hyflexpim", "--slc-fraction", "1", "--tokens-file", tokens, "--draws", "3");
        var mlcDoc = Eval(Svd, "--target", "hyflexpim", "--slc-fraction", "0", "--tokens-file", tokens, "--draws", "3");
        // Without noise both read out at 20 bits per tile sum: the same computation, the same loss.
        mlcDoc.GetProperty("quantised").GetProperty("loss").GetDouble().ShouldBe(slcDoc.GetProperty("quantised").GetProperty("loss").GetDouble());
        // σ_η: SLC 4.8e-4, MLC 0.074 (CellNoiseTests): every MLC draw is worse than every SLC draw.
        var (allSlc, allMlc) = (slcDoc.GetProperty("noisy"), mlcDoc.GetProperty("noisy"));
        allMlc.GetProperty("min").GetDouble().ShouldBeGreaterThan(allSlc.GetProperty("max").GetDouble());
    }

    [Fact]
    public void TheReportHoldsEveryFigureAndIsTheSameBytesEachTime()
    {
        var tokens = Tokens(140);
        string[] args = ["eval", Svd, "--target", "hyflexpim", "--slc-fraction", "0.1", "--tokens-file", tokens, "--draws", "2", "--seed", "9"];
        var text = CliRunner.Run(args);
        text.ExitCode.ShouldBe(0, text.Err);
        CliRunner.Run(args).Out.ShouldBe(text.Out);
        text.Out.ShouldContain("FP32 (ONNX Runtime)");
        text.Out.ShouldContain("noise draws (seeds 9..10)");
        var json = CliRunner.Run([.. args, "--format", "json"]);
        CliRunner.Run([.. args, "--format", "json"]).Out.ShouldBe(json.Out);
        var doc = JsonDocument.Parse(json.Out).RootElement;
        doc.GetProperty("format").GetString().ShouldBe("pimcc-eval/1");
        doc.GetProperty("slcFraction").GetDouble().ShouldBe(0.1);
        (doc.GetProperty("tokens").GetInt32(), doc.GetProperty("windows").GetInt32(), doc.GetProperty("predicted").GetInt32()).ShouldBe((140, 2, 127 + 11));
        var noisy = doc.GetProperty("noisy");
        var losses = noisy.GetProperty("losses").EnumerateArray().Select(l => l.GetDouble()).ToList();
        losses.Count.ShouldBe(2);
        losses[0].ShouldNotBe(losses[1], "two seeds, two draws");
        noisy.GetProperty("mean").GetDouble().ShouldBe(losses.Average(), 1e-12);
        noisy.GetProperty("stddev").GetDouble().ShouldBe(Math.Abs(losses[0] - losses[1]) / 2, 1e-12);
        var fp32 = doc.GetProperty("fp32");
        fp32.GetProperty("perplexity").GetDouble().ShouldBe(Math.Exp(fp32.GetProperty("loss").GetDouble()), 1e-9);
        // The text shows the same figures.
        text.Out.ShouldContain(fp32.GetProperty("loss").GetDouble().ToString("F4", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AnImportanceProfileChangesWhichRanksAreSlc()
    {
        var tokens = Tokens(130);
        var byValue = Eval(Svd, "--target", "hyflexpim", "--slc-fraction", "0.1", "--tokens-file", tokens, "--draws", "2");
        var byProfile = Eval(Svd, "--target", "hyflexpim", "--slc-fraction", "0.1", "--importance", Importance, "--tokens-file", tokens, "--draws", "2");
        // Same model, same noise-free reference up to the ranks' order; the noisy losses differ because other ranks are SLC.
        byProfile.GetProperty("fp32").GetProperty("loss").GetDouble().ShouldBe(byValue.GetProperty("fp32").GetProperty("loss").GetDouble());
        byProfile.GetProperty("noisy").GetProperty("mean").GetDouble().ShouldNotBe(byValue.GetProperty("noisy").GetProperty("mean").GetDouble());
    }

    [Fact]
    public void PimllmReportsTheOneBitDriftWithoutNoise()
    {
        var doc = Eval(RepoPaths.Combine("samples", "onnx", "fortunes-gpt2.onnx"), "--target", "pimllm", "--tokens-file", Tokens(64));
        doc.GetProperty("weights").GetString().ShouldBe("binary");
        doc.TryGetProperty("noisy", out _).ShouldBeFalse();
        doc.GetProperty("quantised").GetProperty("loss").GetDouble().ShouldBeGreaterThan(doc.GetProperty("fp32").GetProperty("loss").GetDouble());
    }

    /// <summary>A rotary model's graph bounds no positions: its windows are 128 positions (or --window's), not the
    /// 2 positions of the workload its IR was first loaded with (every token predicted from one before it).</summary>
    [Fact]
    public void ARotaryModelIsEvaluatedInWindowsOf128UnlessAskedOtherwise()
    {
        var llama = RepoPaths.Combine("samples", "onnx", "tiny-llama.onnx");
        var tokens = Tokens(300);
        var byDefault = Eval(llama, "--target", "pimllm", "--tokens-file", tokens);
        byDefault.GetProperty("windowTokens").GetInt32().ShouldBe(128);
        byDefault.GetProperty("windows").GetInt32().ShouldBe(3);            // 128, 128, 44
        byDefault.GetProperty("predicted").GetInt32().ShouldBe(127 + 127 + 43);
        var asked = Eval(llama, "--target", "pimllm", "--tokens-file", tokens, "--window", "100");
        asked.GetProperty("windows").GetInt32().ShouldBe(3);
        asked.GetProperty("predicted").GetInt32().ShouldBe(297);
        // a learned position table bounds the window
        CliRunner.Run("eval", Svd, "--target", "hyflexpim", "--tokens-file", tokens, "--window", "129")
            .ShouldBeOneLineError(ExitCode.Usage, "the model learned 128");
    }

    [Fact]
    public void BadInputIsOneLineWithItsOwnExitCodeAndNoOutput()
    {
        var dir = CliRunner.TempDir();
        var outFile = Path.Combine(dir, "eval.json");
        var outOfVocab = Path.Combine(dir, "bad.tokens");
        File.WriteAllText(outOfVocab, "72 101 300 108");
        CliRunner.Run("eval", Svd, "--target", "hyflexpim", "--tokens-file", outOfVocab, "-o", outFile)
            .ShouldBeOneLineError(ExitCode.InvalidSimInput, "token 3 is 300, outside the model's vocabulary of 256");
        var tokens = Tokens(16);
        CliRunner.Run("eval", Svd, "--target", "hyflexpim", "--slc-fraction", "1.5", "--tokens-file", tokens, "-o", outFile)
            .ShouldBeOneLineError(ExitCode.SlcFractionOutOfRange, "1.5");
        CliRunner.Run("eval", CliRunner.Sample("gpt2.json"), "--target", "hyflexpim", "--tokens-file", tokens, "-o", outFile)
            .ShouldBeOneLineError(ExitCode.ModelWithoutWeights, "no weights");
        CliRunner.Run("eval", Svd, "--target", "hpim", "--tokens-file", tokens, "-o", outFile)
            .ShouldBeOneLineError(ExitCode.Usage, "no quantised reference");
        // an absurd draw count is refused before any work (it would run the token file 10^8 times)
        CliRunner.Run("eval", Svd, "--target", "hyflexpim", "--tokens-file", tokens, "--draws", "100000000", "-o", outFile)
            .ShouldBeOneLineError(ExitCode.Usage, "100000000 noise draws");
        File.Exists(outFile).ShouldBeFalse();
    }
}
