using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Tests.Onnx;
using Xunit.Abstractions;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// The encoder sample tiny-bert (BertModel's form: word + position + token-type embeddings from registered buffers,
/// post-LN blocks, bidirectional attention, exact GELU) raises to an encoder module (docs/ir.md, "Encoders") whose
/// prefill reproduces ONNX Runtime's last_hidden_state at every position, for sequences of 1 to 64 tokens; the same
/// check with causal attention fails, so the test sees the difference.
/// </summary>
public class EncoderVersusOrtTests(ITestOutputHelper output)
{
    /// <summary>Same float32 reasoning and margin as <see cref="RaisedVersusOrtTests"/> (observed about 1e-6).</summary>
    private const double AbsTolerance = 2e-5;

    private static string Path => OnnxRaisingTests.SamplePath("tiny-bert");

    [Fact]
    public void Tiny_bert_raises_to_an_encoder()
    {
        var (module, report) = OnnxFrontend.LoadWithReport(Path, new OnnxWorkload(12, 0));
        report.Raised.ShouldBeTrue(report.Describe());
        report.GenericOps.ShouldBe(0);
        module.Attrs.Str("architecture").ShouldBe("encoder");
        module.Attrs.Str("family").ShouldBe("bert");
        module.Attrs.Int("max_positions").ShouldBe(64);
        module.Functions.Select(f => f.Name).ShouldBe([Module.Prefill]);
        var body = module.FindFunction(Module.Prefill)!.Body;
        body.Where(o => o.Opcode == "attention").ShouldAllBe(o => !o.Attrs.Bool("causal") && o.Attrs.Int("heads") == 4);
        body.Count(o => o.Opcode == "attention").ShouldBe(2);
        body.ShouldNotContain(o => o.Opcode == "last_token");
        body.Count(o => o.Opcode == "gelu" && o.Attrs.Str("approximate") == "none").ShouldBe(2);
        // token type 0 of the zeros buffer: one row of the type table
        var type = body.Single(o => o.Opcode == "position_ids" && o.Attrs.ContainsKey("count") && o.Attrs.Expr("count") == SymExpr.Const(1));
        type.Attrs.Int("offset").ShouldBe(0);
        Verifier.Verify(module).ShouldBeEmpty();
    }

    [Fact]
    public void Generating_with_an_encoder_is_a_usage_error() =>
        Should.Throw<PimccError>(() => OnnxFrontend.Load(Path, new OnnxWorkload(12, 4))).Code.ShouldBe(ExitCode.Usage);

    [Fact]
    public void Raised_encoder_matches_onnx_runtime_at_every_position()
    {
        var module = OnnxFrontend.Load(Path, new OnnxWorkload(64, 0));
        var causal = module.WithFunctions(module.Functions.Select(f => f.WithBody(f.Body.Select(o =>
            o.Opcode == "attention" ? o with { Attrs = o.Attrs.Set("causal", true) } : o))));
        var rng = new Random(41);
        double worst = 0, causalWorst = 0;
        foreach (var n in new[] { 1, 5, 17, 64 })
        {
            var ids = Enumerable.Range(0, n).Select(_ => (long)rng.Next(256)).ToArray();
            var ort = OrtRunner.RunInputIds(Path, ids);
            ort.Dims.ShouldBe([1L, n, 64L]);
            var ours = new ReferenceInterpreter(module).Run(Module.Prefill, [Tensor.I64([n], ids)], null, new KvCacheState(module))[0];
            ours.Shape.ShouldBe([(long)n, 64L]);
            var wrong = new ReferenceInterpreter(causal).Run(Module.Prefill, [Tensor.I64([n], ids)], null, new KvCacheState(causal))[0];
            for (var i = 0; i < n * 64; i++)
            {
                worst = Math.Max(worst, Math.Abs(ours.GetDouble(i) - ort.Data[i]));
                causalWorst = Math.Max(causalWorst, Math.Abs(wrong.GetDouble(i) - ort.Data[i]));
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tiny-bert: max abs {worst:E2}; with causal attention {causalWorst:E2}"));
        worst.ShouldBeLessThanOrEqualTo(AbsTolerance);
        causalWorst.ShouldBeGreaterThan(1e-2);
    }
}
