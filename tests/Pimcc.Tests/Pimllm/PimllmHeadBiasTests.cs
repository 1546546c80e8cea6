using System.Collections.Immutable;
using System.Globalization;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim;
using Pimcc.Pimllm.Sim.Functional;
using Pimcc.Sim.Functional;
using Pimcc.Tests.Driver;
using Xunit.Abstractions;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// An LM head with a bias (GPT-J, CodeGen, Phi-2) on pimllm: the streamed head's fp32 chunks get their rows' bias on
/// the post-processing lanes before the store to LPDDR (docs/pimllm-compiler.md, "Streamed linears"). tiny-opt-1bit
/// with its head widened to <see cref="Vocab"/> rows (two chunks of a 64-input head: 8,192 rows, then 512) and given a
/// bias (random, fixed seed); the token table widened alike, so every logit is compared and generated ids stay valid.
/// </summary>
public class PimllmHeadBiasTests(ITestOutputHelper output)
{
    private const int Vocab = 8192 + 512;

    /// <summary>Row i of the head and of the token table is the sample's row i mod its vocabulary; the head gets a
    /// bias uniform in [-1, 1) (none when <paramref name="bias"/> is false).</summary>
    private static Func<Module, Module> WideHead(bool bias) => m =>
    {
        var head = m.Functions.SelectMany(f => f.Body).First(o => o.Opcode == "linear" && o.Attrs.StrOr("role", "") == "lm_head");
        var w = m.FindWeight(head.Operands[1].Name)!;
        var vocab = w.Type.Shape[0].Constant;
        var table = m.Functions.SelectMany(f => f.Body).First(o => o.Opcode == "embedding" && m.FindWeight(o.Operands[1].Name)!.Type.Shape[0].Constant == vocab);
        var e = m.FindWeight(table.Operands[1].Name)!;
        w.Type.Element.ShouldBe(ElementType.F32);
        e.Type.Element.ShouldBe(ElementType.F32);
        static ImmutableArray<byte> Rows(Weight t) =>
            [.. Enumerable.Range(0, Vocab).SelectMany(i => t.Data.Skip((int)(i % t.Type.Shape[0].Constant * t.Type.Shape[1].Constant * 4)).Take((int)t.Type.Shape[1].Constant * 4))];
        var rng = new Random(11);
        var weights = m.Weights.Add(new Weight("test.head.weight", TensorType.Of(ElementType.F32, Vocab, w.Type.Shape[1].Constant), Rows(w), AttrMap.Empty))
            .Add(new Weight("test.tokens", TensorType.Of(ElementType.F32, Vocab, e.Type.Shape[1].Constant), Rows(e), AttrMap.Empty))
            .Add(new Weight("test.head.bias", TensorType.Of(ElementType.F32, Vocab),
                [.. Enumerable.Range(0, Vocab).SelectMany(_ => BitConverter.GetBytes((float)(rng.NextDouble() * 2 - 1)))], AttrMap.Empty));
        Operation Rewire(Operation o) =>
            o.Opcode == "linear" && o.Attrs.StrOr("role", "") == "lm_head"
                ? o with
                {
                    Operands = bias ? [o.Operands[0], Operand.W("test.head.weight"), Operand.W("test.head.bias")] : [o.Operands[0], Operand.W("test.head.weight")],
                    Results = [o.Result with { Type = o.Result.Type with { Shape = o.Result.Type.Shape.SetItem(o.Result.Type.Rank - 1, Vocab) } }],
                }
            : o.Opcode == "embedding" && o.Operands[1].Name == e.Name ? o with { Operands = [o.Operands[0], Operand.W("test.tokens")] }
            : o;
        return (m with { Weights = weights }).WithFunctions(m.Functions.Select(f => f with { Body = [.. f.Body.Select(Rewire)] }));
    };

    /// <summary>The words of the decode program's op <paramref name="head"/> (the LM head) in the stream of <paramref name="kind"/>.</summary>
    private static List<Pimcc.Isa.Encoding.Op> HeadWords(PimBinary bin, StreamKind kind, string head = "lm_head")
    {
        var s = bin.Stream(kind, 0)!;
        var range = bin.Debug.Single(d => d.Stream == kind && d.StreamIndex == 0 && d.First >= s.EntryWord("decode")!.Value && d.IrOpName.StartsWith(head, StringComparison.Ordinal));
        return [.. s.Words.Skip(range.First).Take(range.Count)];
    }

    [Fact]
    public void ABiasedHeadStreamedInTwoChunksGivesTheQuantisedReferenceLogits()
    {
        const int decode = 3;
        var r = PimllmValuesTests.Compile("tiny-opt-1bit.onnx", "binary", decode, WideHead(bias: true));
        // two chunks, each with its bias slice added as fp32 on the controller
        HeadWords(r.Bin, PimllmStreams.Systolic).Count(o => o.Mnemonic == "sa.mm").ShouldBe(2);
        var adds = HeadWords(r.Bin, PimllmStreams.Crossbar).Where(o => o.Mnemonic == "pp.add").ToList();
        adds.Select(o => (o["dt"], o["rt"])).ShouldBe([(3L, 1L), (3L, 1L)]);
        (adds[1]["b"] - adds[0]["b"]).ShouldBe(8192 * 2 / PimllmFormats.SramUnitBytes);
        var c = PimllmValuesTests.Compare(r, "binary", decode);
        for (var s = 0; s <= decode; s++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"step {s}: |functional - quantised| {PimllmValuesTests.MaxDiff(c.Functional.Steps[s].Logits, c.Quantised[s]):F4} (tolerance {c.Tolerance[s]:F4}), greedy {c.Functional.Steps[s].NextToken}/{GreedyChoice.ArgMax(c.Quantised[s])}"));
            c.Functional.Steps[s].Logits.Length.ShouldBe(Vocab);
            PimllmValuesTests.MaxDiff(c.Functional.Steps[s].Logits, c.Quantised[s]).ShouldBeLessThanOrEqualTo(c.Tolerance[s], $"step {s}");
            c.Functional.Steps[s].NextToken.ShouldBe(GreedyChoice.ArgMax(c.Quantised[s]), $"step {s}");
        }
        // the bias moves the logits by far more than the tolerance: a head without it is caught
        var plain = PimllmValuesTests.Compile("tiny-opt-1bit.onnx", "binary", decode, WideHead(bias: false));
        var unbiased = PimllmValues.Run(plain.Bin, plain.Target, "m.bin", [5, 17, 42, 99], 0, null).Steps[0].Logits;
        PimllmValuesTests.MaxDiff(unbiased, c.Quantised[0]).ShouldBeGreaterThan(10 * c.Tolerance[0]);
    }

    [Fact]
    public void TheBiasAddCostsOnePostProcessingOpAndAnFp32ReadAndWritePerLogit()
    {
        var biased = PimllmValuesTests.Compile("tiny-opt-1bit.onnx", "binary", 1, WideHead(bias: true));
        var plain = PimllmValuesTests.Compile("tiny-opt-1bit.onnx", "binary", 1, WideHead(bias: false));
        PimllmRun Decode(PimllmValuesTests.Run r) =>
            PimllmMachine.Run(PimllmProgram.Read(r.Bin, "decode", "m.bin"), r.Target, new PimllmCosts(r.Target), new LpddrTransferTimes(r.Target.Lpddr), 4, "m.bin");
        var (b, p) = (Decode(biased), Decode(plain));
        (b.Events[(int)PimllmEnergyEvent.PostProcessingOp] - p.Events[(int)PimllmEnergyEvent.PostProcessingOp]).ShouldBe(Vocab);
        (b.Events[(int)PimllmEnergyEvent.SramBit] - p.Events[(int)PimllmEnergyEvent.SramBit]).ShouldBe(Vocab * 2 * 32);
        // per chunk: the add, its pp.len, the array's signal to the controller, which signals the DMA
        b.Instructions.ShouldBeGreaterThan(p.Instructions);
        b.MakespanPs.ShouldBeGreaterThan(p.MakespanPs);
    }

    [Theory]
    [InlineData("gpt-j-6b.json")]
    [InlineData("phi-2.json")]
    public void ABundledConfigWithAHeadBiasCompilesAndSimulates(string config)
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "h.bin");
        var compile = CliRunner.Run(CliRunner.Sample(config), "--target", "pimllm", "--prompt-tokens", "8", "--gen-tokens", "2", "-o", path);
        compile.ExitCode.ShouldBe(0, compile.Err);
        var bin = PimBinaryReader.Read(File.ReadAllBytes(path), path);
        var sa = HeadWords(bin, PimllmStreams.Systolic, "logits");
        var adds = HeadWords(bin, PimllmStreams.Crossbar, "logits").Where(o => o.Mnemonic == "pp.add" && o["rt"] == 1).ToList();
        adds.Count.ShouldBe(sa.Count(o => o.Mnemonic == "sa.mm"));
        adds.Count.ShouldBeGreaterThan(1);
        var sim = CliRunner.Run("sim", path, "--format", "json");
        sim.ExitCode.ShouldBe(0, sim.Err);
        sim.Out.ShouldContain("decode.count.event.post-processing");
    }
}
