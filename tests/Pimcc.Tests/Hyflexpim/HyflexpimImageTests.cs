using System.Buffers.Binary;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Hyflexpim.Compiler;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Hyflexpim.Sim.Functional;
using Pimcc.Ir;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Reference;
using Pimcc.Targets;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// The hyflexpim memory image (issue 12, step 1) and the analog GEMV on values: every crossbar array of the bundled
/// SVD model holds its INT8 factor weights bit-sliced as docs/binary-format.md says, so running the binary's own
/// ag.shape / ag.split / ag.gemv words over the image (bit-serial inputs, 64-row column sums through the ADC, S&amp;A)
/// gives exactly the integer product of the IR's <c>@W.int8</c> values, computed here as a plain sum; one corrupted
/// cell moves its output by the hand-computed amount; the ADC's clipping is checked against hand arithmetic.
/// </summary>
public class HyflexpimImageTests
{
    private static readonly HyflexpimTarget Target = TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim");
    private static string TinySvd => RepoPaths.Combine("samples", "onnx", "tiny-gpt2-svd.onnx");

    /// <summary>The mapped module (its INT8 weights) and the binary with its image, through the writer and reader.</summary>
    private static (Module Module, PimBinary Bin) Compile(string slcFraction = "0.05")
    {
        var artifacts = new CompilationArtifacts();
        var m = Pimcc.Driver.ModelLoader.Load(TinySvd, new HfWorkload(4, 2));
        var pipeline = HyflexpimCompiler.PipelineText.Replace("assign-slc-mlc", $"assign-slc-mlc{{slc-fraction={slcFraction}}}", StringComparison.Ordinal);
        var module = new PassManager(new PassInstrumentation { ReproducerDirectory = null }, Target, new PipelineSettings("auto"))
            .Run(m, Pipeline.Parse(pipeline, PassRegistry.Default), "test", artifacts).Module;
        var bytes = PimBinaryWriter.Write(artifacts.Find<PimBinary>()!);
        return (module, PimBinaryReader.Read(bytes, "m.bin"));
    }

    /// <summary>The words of program <paramref name="entry"/> of a stream.</summary>
    private static IReadOnlyList<Op> Program(InstructionStream s, string entry)
    {
        var i = s.Entries.ToList().FindIndex(e => e.Name == entry);
        var next = i + 1 < s.Entries.Count ? s.Entries[i + 1].Word : s.Words.Count;
        return [.. s.Words.Skip(s.Entries[i].Word).Take(next - s.Entries[i].Word)];
    }

    /// <summary>The weight a crossbar array belongs to: the memory map's region covering it (named W, or W.puP).</summary>
    private static string WeightAt(PimBinary bin, int pu, long module, long array)
    {
        var at = HyflexpimSpaces.CrossbarAddress(Target, new CrossbarPlacement(pu, module, array));
        var r = bin.MemoryMap.Single(r => r.Placement is CrossbarPlacement p && p.Pu == pu
            && at >= r.Placement.Space.Address(Target, p) && at < r.Placement.Space.Address(Target, p) + r.SizeBytes);
        return System.Text.RegularExpressions.Regex.Replace(r.Name, @"\.pu\d+$", "");
    }

    private static sbyte[] Int8(Module m, string weight) => [.. m.FindWeight(weight)!.Data.Select(b => (sbyte)b)];

    /// <summary>Runs every weight's decode-program GEMVs (one token) over the image with the same inputs per weight:
    /// each weight's outputs summed over the PUs holding its tiles, and the ADC's clipped conversions.</summary>
    private static (Dictionary<string, int[]> Outputs, long Clipped, long Conversions) RunDecodeGemvs(PimBinary bin, Func<string, long, sbyte[]> inputsOf)
    {
        var cells = CrossbarMemory.Load(bin, Target, "m.bin");
        var outputs = new Dictionary<string, int[]>(StringComparer.Ordinal);
        long clipped = 0, conversions = 0;
        foreach (var s in bin.AnalogStreams)
        {
            var unit = new AnalogGemv(cells, s.Index);
            string? weight = null;
            long inputs = 0, outs = 0;
            int[] partial = [];
            void Flush()
            {
                if (weight is null) return;
                var sum = outputs.TryGetValue(weight, out var o) ? o : outputs[weight] = new int[outs];
                for (var j = 0; j < outs; j++) sum[j] += partial[j];
            }
            foreach (var op in Program(s, "decode").Where(o => o.Spec.Hyflexpim.Unit == HyflexpimUnit.Analog))
            {
                if (op.Mnemonic == "ag.shape") { Flush(); weight = null; (inputs, outs) = (op["in"], op["out"]); partial = new int[outs]; }
                if (op.Mnemonic == "ag.gemv") weight ??= WeightAt(bin, s.Index, op["module"], op["first"]);
                var x = op.Mnemonic == "ag.gemv" ? inputsOf(weight!, inputs) : [];
                unit.Execute(op, new Io(x, partial), $"analog stream {s.Index}");
            }
            Flush();
            clipped += unit.ClippedConversions;
            conversions += unit.Conversions;
        }
        return (outputs, clipped, conversions);
    }

    /// <summary>One token's inputs and outputs in arrays (the outputs array is updated in place).</summary>
    private sealed class Io(sbyte[] x, int[] y) : IAnalogIo
    {
        public sbyte[] Inputs(long src, long token, long n) => x[..(int)n];

        public int[] Outputs(long dst, long token, long n) => y[..(int)n];

        public void Write(long dst, long token, int[] values) => values.CopyTo(y, 0);
    }

    private static sbyte[] RandomInputs(string weight, long n)
    {
        var rng = new Random(weight.Length * 7919 + (int)n);
        return [.. Enumerable.Range(0, (int)n).Select(_ => (sbyte)rng.Next(-127, 128))];
    }

    [Fact]
    public void TheBinarysGemvsOverTheImageAreTheIntegerProductOfTheIrsInt8Weights()
    {
        var (m, bin) = Compile();
        bin.Image.ShouldNotBeEmpty();
        var (outputs, clipped, conversions) = RunDecodeGemvs(bin, RandomInputs);
        // Every analog weight of the model: 3 layers x 6 factored linears x 2 factors + the LM head.
        outputs.Keys.Order(StringComparer.Ordinal).ShouldBe(m.Weights.Where(w => w.Attrs.ContainsKey("hfp.arrays")).Select(w => w.Name).Order(StringComparer.Ordinal));
        clipped.ShouldBe(0); // random inputs never fill a 64-row column sum past the ADC's top code
        conversions.ShouldBeGreaterThan(0);
        foreach (var (name, y) in outputs)
        {
            var w = Int8(m, name);
            var (rows, cols) = ((int)m.FindWeight(name)!.Type.Shape[0].Constant, (int)m.FindWeight(name)!.Type.Shape[1].Constant);
            var x = RandomInputs(name, cols);
            var expected = Enumerable.Range(0, rows).Select(j => Enumerable.Range(0, cols).Sum(k => w[j * cols + k] * x[k])).ToArray();
            y.ShouldBe(expected, name);
        }
    }

    [Fact]
    public void TheSfuParametersAreTheIrValuesInFp16AtTheirRegions()
    {
        var (m, bin) = Compile();
        var checkedRegions = 0;
        foreach (var r in bin.MemoryMap.Where(r => r.Placement is BufferPlacement && r.Kind == RegionKind.Weight))
        {
            var w = m.FindWeight(r.Name)!;
            var values = WeightData.Decode(w.Type, w.Data, r.Name).Floats!;
            var p = (BufferPlacement)r.Placement;
            var chunk = bin.Image.Single(c => c.Space == HyflexpimSpaces.Buffer && c.Index == p.Pu && c.Address <= p.Address && c.End >= p.Address + r.SizeBytes);
            for (var i = 0; i < values.Length; i++)
                BinaryPrimitives.ReadHalfLittleEndian(chunk.Bytes.AsSpan((int)(p.Address - chunk.Address) + 2 * i)).ShouldBe((Half)values[i], $"{r.Name}[{i}]");
            checkedRegions++;
        }
        checkedRegions.ShouldBeGreaterThan(10); // gammas, betas, biases and scales of 3 layers and the head
    }

    [Fact]
    public void OneCorruptedCellMovesItsOutputByItsSliceWeightTimesItsInput()
    {
        var (m, bin) = Compile();
        // The first array of the LM head: tile 0, MLC (the head is MLC at 5% SLC), inputs 0-63, outputs 0-31.
        var head = bin.MemoryMap.First(r => r.Name.StartsWith("wte.weight.int8", StringComparison.Ordinal));
        var p = (CrossbarPlacement)head.Placement;
        var chunk = bin.Image.Single(c => c.Space == HyflexpimSpaces.Crossbar && c.Index == p.Pu && c.Address <= head.Placement.Space.Address(Target, p) && c.End > head.Placement.Space.Address(Target, p));
        var array = chunk.Bytes.AsSpan((int)(head.Placement.Space.Address(Target, p) - chunk.Address), (int)Target.Analog.ArrayBytes);
        // Weight (output 5, input 3), slice 2 (bits 4-5 of w + 128): column 5 x 4 + 2, row 3.
        var w = Int8(m, "wte.weight.int8")[5 * 64 + 3];
        var level = CrossbarCells.Level(Target.Analog, array, 3, 22);
        level.ShouldBe(((w + 128) >> 4) & 3);
        var changed = level == 3 ? 0 : level + 1;
        CrossbarCells.SetLevel(Target.Analog, array, 3, 22, changed);
        var (before, _, _) = RunDecodeGemvs(Compile().Bin, RandomInputs);
        var (after, clipped, _) = RunDecodeGemvs(bin, RandomInputs);
        clipped.ShouldBe(0);
        var x = RandomInputs("wte.weight.int8", 64);
        var delta = after["wte.weight.int8"].Zip(before["wte.weight.int8"], (a, b) => a - b).ToArray();
        delta[5].ShouldBe((changed - level) * 16 * x[3]); // slice 2 of a 2-bit MLC weight weighs 4^2
        delta.Where((_, j) => j != 5).ShouldAllBe(d => d == 0);
        after.Where(kv => kv.Key != "wte.weight.int8").ShouldAllBe(kv => kv.Value.SequenceEqual(before[kv.Key]));
    }

    [Fact]
    public void AnotherSlcFractionProgramsOtherArraysForTheSameIntegerProducts()
    {
        // tiny-gpt2-svd's factors have 32 ranks: between 5% and 50% the blocks round to the same tiles, so compare
        // all-MLC with all-SLC (U: 2 MLC or 4 SLC arrays, Σ·Vᵀ: 1 or 2).
        var (_, low) = Compile("0");
        var (_, high) = Compile("1");
        var slc = (PimBinary b) => b.Image.Where(c => c.Space == HyflexpimSpaces.Crossbar).Sum(c => (long)c.Bytes.Length) / Target.Analog.ArrayBytes;
        slc(high).ShouldBeGreaterThan(slc(low)); // SLC takes twice MLC's arrays per weight
        var (a, clippedA, _) = RunDecodeGemvs(low, RandomInputs);
        var (b, clippedB, _) = RunDecodeGemvs(high, RandomInputs);
        (clippedA, clippedB).ShouldBe((0L, 0L));
        foreach (var (name, y) in a) b[name].ShouldBe(y, name); // exact read-out: the split moves cells, not values
    }

    /// <summary>One 64 x 16 tile, every weight 127, every input -1: every column sum is 64 x the top level, which
    /// the ADC reads as its top code. Hand arithmetic: S&amp;A total = (sum of input-bit weights = -1) x top code x
    /// (sum of slice weights), minus the offset 128 x (sum of inputs = -64).</summary>
    [Theory]
    [InlineData(CellMode.Slc, 63, 255, -7873)]   // 6-bit ADC: 64 reads as 63; slice weights 1+2+...+128 = 255: -63 x 255 + 8192
    [InlineData(CellMode.Mlc, 127, 85, -2603)]   // 7-bit ADC: 192 reads as 127; slice weights 1+4+16+64 = 85: -127 x 85 + 8192
    public void TheAdcClipsAColumnSumAboveItsTopCode(CellMode mode, int top, int sliceWeights, int expected)
    {
        (-top * sliceWeights + 128 * 64).ShouldBe(expected);
        var a = Target.Analog;
        var outputs = a.WeightsPerArrayRow(mode);
        var geometry = mode == CellMode.Slc ? new CrossbarWeight(64, outputs, outputs, false) : new CrossbarWeight(64, outputs, 0, false);
        var cells = new CrossbarMemory(Target);
        CrossbarCells.Program(a, geometry.Tile(a, 0), Enumerable.Repeat((sbyte)127, 64 * outputs).ToArray(), 64, cells.Array(0, 0, 0));
        var unit = new AnalogGemv(cells, 0);
        var y = new int[outputs];
        var x = Enumerable.Repeat((sbyte)-1, 64).ToArray();
        foreach (var op in Assembler.Assemble($".target \"hyflexpim\"\n.hfp_analog 0\n    ag.shape in=64, out={outputs}, bits=8, tokens=1\n" +
                     $"    ag.split slc={geometry.Slc}, axis=out, tile=0\n    ag.gemv module=0, first=0, last=0, src=0, dst=1, acc=set\n", "t.pasm").AnalogStreams[0].Instructions)
            unit.Execute(op, new Io(x, y), "t.pasm");
        y.ShouldAllBe(v => v == expected); // exact: 64 x -1 x 127 = -8128
        unit.ClippedConversions.ShouldBe(outputs * 8L * a.ColumnsPerWeight(mode));
    }

    [Fact]
    public void AnSlcCellAboveLevelOneAndAChunkOfPartialArraysAreInvalidBinaries()
    {
        var a = Target.Analog;
        var cells = new CrossbarMemory(Target);
        CrossbarCells.SetLevel(a, cells.Array(0, 0, 0), 0, 0, 2);
        var unit = new AnalogGemv(cells, 0);
        var y = new int[16];
        var ops = Assembler.Assemble(".target \"hyflexpim\"\n.hfp_analog 0\n    ag.shape in=64, out=16, bits=8, tokens=1\n" +
                                     "    ag.split slc=16, axis=out, tile=0\n    ag.gemv module=0, first=0, last=0, src=0, dst=1, acc=set\n", "t.pasm").AnalogStreams[0].Instructions;
        var e = Should.Throw<PimccError>(() => { foreach (var op in ops) unit.Execute(op, new Io(new sbyte[64], y), "t.pasm: hfp_analog0 word 2"); });
        e.Code.ShouldBe(ExitCode.InvalidBinary);
        e.Message.ShouldContain("holds level 2");

        var (_, bin) = Compile();
        var first = bin.Image.First(c => c.Space == HyflexpimSpaces.Crossbar);
        var cut = bin with { Image = [.. bin.Image.Select(c => c == first ? c with { Bytes = c.Bytes[..^1] } : c)] };
        Should.Throw<PimccError>(() => CrossbarMemory.Load(cut, Target, "m.bin")).Code.ShouldBe(ExitCode.InvalidBinary);
    }

    [Fact]
    public void TheImageRoundTripsThroughTheDisassemblerAndAShortImageSectionIsRefused()
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "m.bin");
        CliRunner.Run(TinySvd, "--target", "hyflexpim", "--prompt-tokens", "4", "--gen-tokens", "2", "-o", path).ExitCode.ShouldBe(0);
        var bytes = File.ReadAllBytes(path);
        var bin = PimBinaryReader.Read(bytes, path);
        bin.Image.ShouldNotBeEmpty();
        PimBinaryWriter.Write(Assembler.Assemble(Disassembler.Disassemble(bin), "again.pasm")).ShouldBe(bytes);
        var cut = Path.Combine(dir, "cut.bin");
        File.WriteAllBytes(cut, bytes[..^100]);
        CliRunner.Run("sim", cut).ShouldBeOneLineError(ExitCode.TruncatedSection, "");
    }

    [Fact]
    public void FunctionalRunsOfABinaryWithoutWeightsAreExit76AndWithAnImageNotYetAWholeProgram()
    {
        var dir = CliRunner.TempDir();
        var hf = Path.Combine(dir, "hf.bin");
        CliRunner.Run(CliRunner.Sample("gpt2.json"), "--target", "hyflexpim", "--prompt-tokens", "8", "--gen-tokens", "2", "-o", hf).ExitCode.ShouldBe(0);
        PimBinaryReader.Read(File.ReadAllBytes(hf), hf).Image.ShouldBeEmpty();
        CliRunner.Run("sim", hf, "--functional", "--tokens", "1,2").ShouldBeOneLineError(ExitCode.ModelWithoutWeights, "no memory image");
        CliRunner.Run(CliRunner.Sample("gpt2.json"), "--target", "hyflexpim", "--image", "on", "-o", Path.Combine(dir, "x.bin")).ShouldBeOneLineError(ExitCode.Usage, "carry no data");
        File.Exists(Path.Combine(dir, "x.bin")).ShouldBeFalse();
    }
}
