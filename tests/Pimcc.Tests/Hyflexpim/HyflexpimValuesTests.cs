using System.Globalization;
using Pimcc.Accuracy;
using Pimcc.Compiler.PassManagement;
using Pimcc.Frontends.HfConfig;
using Pimcc.Hyflexpim.Compiler;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Hyflexpim.Sim.Functional;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Reference;
using Pimcc.Targets;
using Pimcc.Tests.Driver;
using Xunit.Abstractions;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// The hyflexpim functional mode (issue 12, steps 2 and 3): the binary's streams run on values over its memory image
/// and are checked against the reference in the ISA's formats (<see cref="IsaFormatReference"/>) within the derived
/// bound (<see cref="ValuesHarness.Bound"/>); the distance from the quantised reference (Pimcc.Accuracy, noise off:
/// generic quantisers) and FP32 is printed.
/// </summary>
public class HyflexpimValuesTests(ITestOutputHelper output)
{
    private static HyflexpimTarget Target => ValuesHarness.Target;
    private static string TinySvd => RepoPaths.Combine("samples", "onnx", "tiny-gpt2-svd.onnx");

    private static (Module Module, PimBinary Bin) TinySvdBinary(int prompt, int decode)
    {
        var m = ValuesHarness.Load("tiny-gpt2-svd.onnx", prompt, decode);
        return (m, ValuesHarness.Binary(m));
    }

    [Fact]
    public void TinyGpt2SvdRunsOnValuesToTheIsaFormatReferenceWithinTheDerivedBound()
    {
        int[] prompt = [10, 20, 30, 40];
        var (m, bin) = TinySvdBinary(prompt.Length, 4);
        var c = ValuesHarness.Compare(m, bin, prompt, 4);
        foreach (var s in c.Steps)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"|functional - ISA formats| {s.VsIsa:G3} (bound {ValuesHarness.Bound(s.Isa):G3}), |functional - quantised| {s.VsQuantised:F4}, |quantised - FP32| {s.QuantisedVsFp32:F4}, greedy {s.Next}"));
        c.Clipped.ShouldBe(0);
        c.Steps.ShouldAllBe(s => s.WithinBound);
        c.Steps.ShouldAllBe(s => s.SameGreedy); // the functional run, both references and FP32 choose the same tokens
        c.Tokens.Count.ShouldBe(5); // the prefill's choice and one per decode step
    }

    [Fact]
    public void ACorruptedCrossbarArrayMovesTheLogitsBeyondTheBound()
    {
        int[] prompt = [10, 20, 30, 40];
        var (m, bin) = TinySvdBinary(prompt.Length, 1);
        // Every cell of the LM head's first array (outputs 0-31 over inputs 0-63, MLC) at level 3: those weights read as 127.
        var head = bin.MemoryMap.First(r => r.Name.StartsWith("wte.weight.int8", StringComparison.Ordinal));
        var at = head.Placement.Space.Address(Target, head.Placement);
        var chunk = bin.Image.Single(c => c.Space == HyflexpimSpaces.Crossbar && c.Index == head.Placement.Index && c.Address <= at && c.End > at);
        chunk.Bytes.AsSpan((int)(at - chunk.Address), (int)Target.Analog.ArrayBytes).Fill(0xFF);
        var c = ValuesHarness.Compare(m, bin, prompt, 1);
        c.Steps.ShouldAllBe(s => !s.WithinBound);
    }

    [Fact]
    public void SimFunctionalPrintsTheGeneratedTokensAndRefusesAnotherPromptLength()
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "m.bin");
        CliRunner.Run(TinySvd, "--target", "hyflexpim", "--prompt-tokens", "4", "--gen-tokens", "3", "-o", path).ExitCode.ShouldBe(0);
        var r = CliRunner.Run("sim", path, "--functional", "--tokens", "10,20,30,40");
        r.ExitCode.ShouldBe(0, r.Err);
        var (m, bin) = TinySvdBinary(4, 3);
        var expected = ValuesGeneration.Run(new ValuesMachine(bin, Target, "m.bin"), [10, 20, 30, 40], 3, null).Generated;
        r.Out.ShouldContain("generated: " + string.Join(',', expected));
        CliRunner.Run("sim", path, "--functional", "--tokens", "10,20,30").ShouldBeOneLineError(Pimcc.Diagnostics.ExitCode.InvalidSimInput, "compiled for exactly 4");
    }

    [Fact]
    public void TinyBertsEncoderRunsOnValuesToTheIsaFormatReferencesHiddenStates()
    {
        var bert = RepoPaths.Combine("samples", "onnx", "tiny-bert.onnx");
        int[] tokens = [1, 2, 3, 4, 5, 6, 7, 8];
        var m = Pimcc.Driver.ModelLoader.Load(bert, new HfWorkload(tokens.Length, 0));
        var machine = new ValuesMachine(ValuesHarness.Binary(m), Target, "m.bin");
        var padded = ValuesGeneration.Run(machine, tokens, 0, null).Steps.Single().Logits;
        var (runnable, plan) = ValuesHarness.Plan(m);
        Tensor Run(IReferenceTransform? t) => new ReferenceInterpreter(runnable, t).Run(Module.Prefill, [Tensor.I64([tokens.Length], [.. tokens.Select(x => (long)x)])], null, new KvCacheState(runnable))[0];
        var isa = Run(new IsaFormatReference(plan, HyflexpimAccuracy.Formats(Target)));
        var quantised = Run(new QuantisedReference(plan, null));
        var fp32 = Run(null);
        var hidden = (int)isa.Shape[^1];
        var rowElements = (int)(ValuesMachine.RowBytes(hidden, 2) / 2); // io.out sends whole 256-byte rows
        var functional = Enumerable.Range(0, tokens.Length).SelectMany(r => padded.Skip(r * rowElements).Take(hidden)).ToArray();
        var vsIsa = ValuesHarness.MaxDiff(functional, isa.Floats!);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tiny-bert: |functional - ISA formats| {vsIsa:G3} (bound {ValuesHarness.Bound(isa.Floats!):G3}), |functional - quantised| {ValuesHarness.MaxDiff(functional, quantised.Floats!):F4}, |quantised - FP32| {ValuesHarness.MaxDiff(quantised.Floats!, fp32.Floats!):F4}, max |hidden| {isa.Floats!.Max(Math.Abs):F3}"));
        machine.ClippedConversions.ShouldBe(0);
        vsIsa.ShouldBeLessThanOrEqualTo(ValuesHarness.Bound(isa.Floats!));
    }
}
