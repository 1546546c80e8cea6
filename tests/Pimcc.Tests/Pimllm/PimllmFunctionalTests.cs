using System.Buffers.Binary;
using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Quantization;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Compiler;
using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim.Functional;
using Pimcc.Targets;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// pimllm's memory image and the crossbar controller and DMA on values (<see cref="PimllmFunctionalMachine"/>), against
/// an independent computation of the quantised reference's arithmetic (docs/accuracy.md, "pimllm and tpu-llm"): the
/// model's float weights through BitNet's quantiser (<see cref="OneBitQuantization"/>), the inputs absmax per token at
/// 8 bits and each row tile's column sums read out at crossbar.adc.bits + 8 - crossbar.dac.bitsPerRead = 8 bits
/// (<see cref="ActivationQuantization"/>, the quantisers the reference uses), in exact integers, times the scales.
/// Tolerance: the integer path is exact on both sides, so the only difference is fp16 rounding where the hardware
/// stores: the bias in the image, xb.st's output and pp.add's output, each within half an fp16 ulp (2^-11 relative for
/// normal numbers, 2^-25 absolute below 2^-14): |Δ| &lt;= 2^-11 (|b| + |y_st| + |y|) + 3 x 2^-25.
/// </summary>
public class PimllmFunctionalTests
{
    private const long Input = 40_000, Codes = 40_100, Scales = 40_200, Output = 40_300;   // SRAM units above the layout

    /// <summary>The sample compiled for pimllm with its image (<paramref name="weights"/>: binary, or ternary on
    /// differential cells), the raised float model it came from, and the target.</summary>
    internal static (PimBinary Bin, Module Float, PimllmTarget Target) Compile(string sample, string weights = "binary")
    {
        var path = RepoPaths.Combine("samples", "onnx", sample);
        var (raised, _) = OnnxFrontend.LoadWithReport(path, new OnnxWorkload(4, 2));
        var target = TargetLoader.LoadPreset<PimllmTarget>("pimllm", weights == "ternary" ? ["crossbar.cells=differential"] : []);
        var artifacts = new CompilationArtifacts();
        var pipeline = PimllmCompiler.PipelineText.Replace("pimllm-quantize-weights", $"pimllm-quantize-weights{{weights={weights}}}", StringComparison.Ordinal);
        new PassManager(new PassInstrumentation { ReproducerDirectory = null }, target)
            .Run(raised, Pipeline.Parse(pipeline, PassRegistry.Default), "test", artifacts);
        return (artifacts.Find<PimBinary>()!, raised, target);
    }

    /// <summary>The controller program of one crossbar linear on two token rows of fp16 at <see cref="Input"/>, as the lowering emits it.</summary>
    private static PimBinary Program(PimBinary compiled, long first, long rowTiles, long colTiles, long inputs, long outputs, long? biasUnit, IEnumerable<MemoryChunk> extra)
    {
        var rows = string.Join("\n", Enumerable.Range(0, (int)rowTiles).Select(r =>
            $"    xb.mvm xbar={first + r * colTiles}, tiles={colTiles}, rows={Math.Min(256, inputs - r * 256)}, src={Codes + r * 4}, acc={(r == 0 ? "set" : "acc")}"));
        var text = $"""
            .target "pimllm"
            .xbar 0
                pp.tok first=0, count=2
                pp.len len={inputs}, group=1, stride=0
                pp.quant dst={Codes}, src={Input}, scale={Scales}, dt=fp16
            {rows}
                pp.len len={outputs}, group=1, stride=0
                xb.st dst={Output}, scale={Scales}, len={outputs}, dt=fp16
            {(biasUnit is { } b ? $"    pp.add dst={Output}, a={Output}, b={b}, dt=fp16, rt=fp16" : "")}
            """;
        var asm = Assembler.Assemble(text, "t.pasm");
        var image = compiled.Image.Concat(extra).ToList();
        image.Sort(MemoryImageRules.Order);
        return asm with { Image = image, MemoryMap = compiled.MemoryMap };
    }

    private static float[] InputRows(int inputs, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, 2 * inputs).Select(_ => (float)(Half)(rng.NextDouble() * 4 - 2))];
    }

    private static MemoryChunk Fp16Chunk(long unit, float[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(2 * i), (Half)values[i]);
        return new MemoryChunk(PimllmSpaces.Sram, 0, unit * 64, bytes);
    }

    private static float[] ReadOutput(PimllmMemory mem, int count) =>
        [.. Enumerable.Range(0, count).Select(i => (float)BinaryPrimitives.ReadHalfLittleEndian(mem.SramBytes(Output * 64 + 2 * i, 2)))];

    /// <summary>The quantised reference's linear, computed here: BitNet codes and scale, 8-bit absmax inputs, each tile
    /// of 256 inputs read out absmax per token at <paramref name="readOut"/> bits, summed, scaled; before and after the bias.</summary>
    private static (double[] Stored, double[] WithBias) Reference(OneBitMatrix w, int outputs, int inputs, float[] x, float[]? bias, int readOut, int tileRows = 256)
    {
        var stored = new double[2 * outputs];
        for (var t = 0; t < 2; t++)
        {
            var (codes, s) = ActivationQuantization.AbsmaxPerToken(x.AsSpan(t * inputs, inputs), 8);
            var acc = new double[outputs];
            for (var k0 = 0; k0 < inputs; k0 += tileRows)
            {
                var sums = new float[outputs];
                for (var j = 0; j < outputs; j++)
                {
                    long sum = 0;
                    for (var k = k0; k < Math.Min(inputs, k0 + tileRows); k++) sum += codes[k] * w.Codes[j * inputs + k];
                    sums[j] = sum;
                }
                var (q, step) = ActivationQuantization.AbsmaxPerToken(sums, readOut);
                for (var j = 0; j < outputs; j++) acc[j] += q[j] * step;
            }
            for (var j = 0; j < outputs; j++) stored[t * outputs + j] = acc[j] * s * w.Scale;
        }
        var withBias = stored.Select((v, i) => (double)(Half)v + (bias is null ? 0 : (double)(Half)bias[i % outputs])).ToArray();
        return (stored, withBias);
    }

    private static double Tolerance(double stored, double withBias, double bias) =>
        Math.Pow(2, -11) * (Math.Abs(bias) + Math.Abs(stored) + Math.Abs(withBias)) + 3 * Math.Pow(2, -25);

    private static Operation Linear(Module m, string role, int layer) =>
        m.Functions.Single(f => f.Name == Module.Decode).Body.Where(o => o.Opcode == "linear" && o.Attrs.StrOr("role", "") == role).ElementAt(layer);

    [Theory]
    [InlineData("tiny-opt-1bit.onnx", "fc2", "binary")]
    [InlineData("tiny-opt-1bit.onnx", "fc1", "binary")]
    [InlineData("tiny-opt.onnx", "fc2", "ternary")]
    [InlineData("tiny-opt.onnx", "q_proj", "ternary")]
    public void ACompiledProjectionOnTheCrossbarsIsTheQuantisedReferencesLinear(string sample, string role, string weights)
    {
        var (compiled, floatModel, t) = Compile(sample, weights);
        var op = Linear(floatModel, role, 1);
        var w = floatModel.FindWeight(op.Operands[1].Name)!;
        int outputs = (int)w.Type.Shape[0].Constant, inputs = (int)w.Type.Shape[1].Constant;
        var matrix = weights == "ternary" ? OneBitQuantization.Ternary(OneBitQuantization.ReadFloats(w)) : OneBitQuantization.Binary(OneBitQuantization.ReadFloats(w));
        var bias = OneBitQuantization.ReadFloats(floatModel.FindWeight(op.Operands[2].Name)!);
        var placed = PlacedLinear(compiled, role, 1, t);
        var x = InputRows(inputs, 7);

        var bin = Program(compiled, placed.First, placed.RowTiles, placed.ColTiles, inputs, outputs, placed.BiasUnit, [Fp16Chunk(Input, x)]);
        var machine = new PimllmFunctionalMachine(bin, t, "t.bin");
        machine.Run("prefill", 0, [0, 0]);
        var y = ReadOutput(machine.Memory, 2 * outputs);

        t.Crossbars.ReadOutBits(t.ActivationBits).ShouldBe(8);   // 8-bit ADC, whole 8-bit inputs per read (samples/targets/pimllm.json)
        var (stored, expected) = Reference(matrix, outputs, inputs, x, bias, 8);
        if (weights == "ternary") matrix.Codes.ShouldContain((sbyte)0);   // the differential pairs hold real zeros
        for (var i = 0; i < y.Length; i++)
            Math.Abs(y[i] - expected[i]).ShouldBeLessThanOrEqualTo(Tolerance(stored[i], expected[i], bias[i % outputs]), $"{role} output {i}");
    }

    [Fact]
    public void PartialSumsOfThreeRowTilesAccumulateEachReadOutOnce()
    {
        // A ternary [300, 600] matrix on differential cells: 3 row tiles (256, 256, 88 inputs) x 3 column tiles (128
        // weights of 2 columns each: 128, 128, 44 outputs), crossbars 0-8, each tile's sums read out by itself.
        var t = TargetLoader.LoadPreset<PimllmTarget>("pimllm", ["crossbar.cells=differential"]);
        const int outputs = 300, inputs = 600;
        var rng = new Random(3);
        var matrix = OneBitQuantization.Ternary([.. Enumerable.Range(0, outputs * inputs).Select(_ => (float)(rng.NextDouble() * 2 - 1))]);
        var x = InputRows(inputs, 11);
        var cells = new List<MemoryChunk> { Fp16Chunk(Input, x) };
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
                cells.Add(new MemoryChunk(PimllmSpaces.Crossbar, r * 3 + c, 0, CrossbarCells.Program(t.Crossbars, matrix.Codes, outputs, inputs, r * 256, c * 128, (float)matrix.Scale)));
        var empty = new PimBinary(new TargetBlob("pimllm", []), [], [], []);
        var bin = Program(empty, 0, 3, 3, inputs, outputs, null, cells);
        var machine = new PimllmFunctionalMachine(bin, t, "t.bin");
        machine.Run("prefill", 0, [0, 0]);
        var y = ReadOutput(machine.Memory, 2 * outputs);

        var (stored, _) = Reference(matrix with { Scale = (float)matrix.Scale }, outputs, inputs, x, null, 8);
        for (var i = 0; i < y.Length; i++)
            Math.Abs(y[i] - stored[i]).ShouldBeLessThanOrEqualTo(Tolerance(stored[i], 0, 0), $"output {i}");
        // Reading the three tiles' sums out as one (one ADC conversion of the whole column) is a different machine.
        var (whole, _) = Reference(matrix with { Scale = (float)matrix.Scale }, outputs, inputs, x, null, 8, tileRows: inputs);
        Enumerable.Range(0, y.Length).Any(i => Math.Abs(y[i] - whole[i]) > Tolerance(whole[i], 0, 0)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("tiny-opt-1bit.onnx", "binary")]
    [InlineData("tiny-opt.onnx", "ternary")]
    public void FlippingOneProgrammedCellMovesItsOutputBeyondTheTolerance(string sample, string weights)
    {
        var (compiled, floatModel, t) = Compile(sample, weights);
        var op = Linear(floatModel, "fc2", 0);
        var w = floatModel.FindWeight(op.Operands[1].Name)!;
        int outputs = (int)w.Type.Shape[0].Constant, inputs = (int)w.Type.Shape[1].Constant;
        var matrix = weights == "ternary" ? OneBitQuantization.Ternary(OneBitQuantization.ReadFloats(w)) : OneBitQuantization.Binary(OneBitQuantization.ReadFloats(w));
        var bias = OneBitQuantization.ReadFloats(floatModel.FindWeight(op.Operands[2].Name)!);
        var placed = PlacedLinear(compiled, "fc2", 0, t);
        var x = InputRows(inputs, 5);
        var (stored, expected) = Reference(matrix, outputs, inputs, x, bias, 8);

        // The input with the largest code of token 0 and output 3: its cell (the G+ device of the pair when
        // differential) flipped in the image.
        var (codes, _) = ActivationQuantization.AbsmaxPerToken(x.AsSpan(0, inputs), 8);
        var row = Array.IndexOf(codes, codes.MaxBy(Math.Abs));
        const int output = 3;
        var image = compiled.Image.Select(c => c.Space == PimllmSpaces.Crossbar && c.Index == placed.First ? c with { Bytes = (byte[])c.Bytes.Clone() } : c).ToList();
        var crossbar = image.Single(c => c.Space == PimllmSpaces.Crossbar && c.Index == placed.First);
        var (at, bit) = CrossbarCells.Cell(t.Crossbars, row, output * t.Crossbars.ColumnsPerWeight);
        crossbar.Bytes[at] ^= (byte)(1 << bit);
        var flipped = compiled with { Image = image };

        var bin = Program(flipped, placed.First, placed.RowTiles, placed.ColTiles, inputs, outputs, placed.BiasUnit, [Fp16Chunk(Input, x)]);
        var machine = new PimllmFunctionalMachine(bin, t, "t.bin");
        machine.Run("prefill", 0, [0, 0]);
        var y = ReadOutput(machine.Memory, 2 * outputs);
        Math.Abs(y[output] - expected[output]).ShouldBeGreaterThan(10 * Tolerance(stored[output], expected[output], bias[output]));
    }

    [Fact]
    public void APositionTableIsGatheredByPositionFromItsIdsOffset()
    {
        // OPT's learned positions are looked up at position + 2; the image stores the table from row 2 on, so dma.row
        // index=position reads row p for position p. Rows are 2 units (64 fp16, the activations' type).
        var (compiled, floatModel, t) = Compile("tiny-opt-1bit.onnx");
        var table = compiled.MemoryMap.Single(r => r.Name == "embed_positions.weight.rows");
        var lpddr = (LpddrPlacement)table.Placement;
        var tokenTable = (LpddrPlacement)compiled.MemoryMap.Single(r => r.Name == "embed_tokens.weight.rows").Placement;
        tokenTable.Channel.ShouldNotBe(lpddr.Channel);   // the lowering spreads the tables over the channels
        var bin = Assembler.Assemble($"""
            .target "pimllm"
            .lpddr_dma {lpddr.Channel}
                dma.tok first=0, count=2
                dma.row sram={Output}, table={lpddr.Address / 64}, len=2, index=position
            .lpddr_dma {tokenTable.Channel}
                dma.tok first=0, count=2
                dma.row sram={Input}, table={tokenTable.Address / 64}, len=2, index=token
            """, "t.pasm") with { Image = compiled.Image, MemoryMap = compiled.MemoryMap };
        var machine = new PimllmFunctionalMachine(bin, t, "t.bin");
        machine.Run("decode", 5, [17, 200]);
        var positions = OneBitQuantization.ReadFloats(floatModel.FindWeight("embed_positions.weight")!);
        var tokens = OneBitQuantization.ReadFloats(floatModel.FindWeight("embed_tokens.weight")!);
        for (var i = 0; i < 2; i++)
            for (var e = 0; e < 64; e++)
            {
                Half At(long unit) => BinaryPrimitives.ReadHalfLittleEndian(machine.Memory.SramBytes(unit * 64 + i * 128 + 2 * e, 2));
                At(Output).ShouldBe((Half)positions[(5 + i + 2) * 64 + e], $"position {5 + i}, element {e}");
                At(Input).ShouldBe((Half)tokens[(i == 0 ? 17 : 200) * 64 + e], $"token {i}, element {e}");
            }
    }

    [Fact]
    public void EveryWordRunsOnValuesAndARotaryModelGenerates()
    {
        Enum.GetValues<PimllmAction>().Where(a => !PimllmFunctionalMachine.OnValues.Contains(a)).ShouldBeEmpty();
        var dir = CliRunner.TempDir();
        var llama = Path.Combine(dir, "l.bin");
        CliRunner.Run(RepoPaths.Combine("samples", "onnx", "tiny-llama.onnx"), "--target", "pimllm", "--prompt-tokens", "4", "--gen-tokens", "2", "-o", llama).ExitCode.ShouldBe(0);
        var run = CliRunner.Run("sim", llama, "--functional", "--tokens", "1,2,3,4");
        run.ExitCode.ShouldBe(0, run.Err);
        run.Out.ShouldContain("generated: ");
    }

    /// <summary>Where the compiled binary put a linear: its crossbars (read off its first xb.mvm in decode) and bias.</summary>
    internal static (long First, long RowTiles, long ColTiles, long? BiasUnit) PlacedLinear(PimBinary bin, string role, int layer, PimllmTarget t)
    {
        var s = bin.CrossbarStream!;
        var decode = s.EntryWord("decode")!.Value;
        var range = bin.Debug.Where(d => d.Stream == PimllmStreams.Crossbar && d.First >= decode && d.IrOpName.Contains(role, StringComparison.Ordinal)
                && s.Words.Skip(d.First).Take(d.Count).Any(o => o.Mnemonic == "xb.mvm"))
            .OrderBy(d => d.First).ElementAt(layer);
        var words = s.Words.Skip(range.First).Take(range.Count).ToList();
        var mvm = words.Where(o => o.Mnemonic == "xb.mvm").ToList();
        var add = words.Where(o => o.Mnemonic == "pp.add").ToList();
        return (mvm[0]["xbar"], mvm.Count, mvm[0]["tiles"], add.Count == 1 ? add[0]["b"] : null);
    }
}
