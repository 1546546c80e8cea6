using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Hpim.Sim;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Xunit.Abstractions;

namespace Pimcc.Tests.Hpim;

/// <summary>
/// The work hpim's score terms add (docs/hpim-lowering.md, "Score terms"), counted by the timing simulator and
/// checked against a hand count from the lowering's description; the KV-cache exports compile to the same program;
/// the HF configs of BLOOM and Gemma 2 compile and simulate. Values are checked in <c>ScoreTermsVersusOrtTests</c>.
/// </summary>
public class ScoreTermsLoweringTests(ITestOutputHelper output)
{
    private const int Prompt = 12, Generated = 3;

    private static Module Raise(string sample) =>
        OnnxFrontend.Load(RepoPaths.Combine("samples", "onnx", sample + ".onnx"), new OnnxWorkload(Prompt, Generated));

    private static Module Edit(Module m, Func<Operation, Operation> f) => m.WithFunctions(m.Functions.Select(fn => fn.WithBody(fn.Body.Select(f))));

    /// <summary>The module without Gemma 2's final soft_cap: each function returns the LM head's logits.</summary>
    private static Module WithoutFinalCap(Module m) => m.WithFunctions(m.Functions.Select(f =>
    {
        var cap = f.Body.Single(o => o.Opcode == "soft_cap");
        return f with { Body = [.. f.Body.Where(o => o != cap)], Returns = [.. f.Returns.Select(r => r.Name == cap.Result.Name ? cap.Operands[0] : r)] };
    }));

    private static StatVector Run(Module m, string program)
    {
        var bin = HpimBackend.Emit(HpimPassTests.Compile(m), HpimPassTests.Hpim);
        var sim = new HpimSimulator(bin, "terms.bin", new SimOptions());
        // decode step 0 after the 12-token prompt: kv = 12
        var regs = program == "prefill" ? new ProgramRegisters(Prompt, 0, 0) : new ProgramRegisters(Prompt, 0, Prompt);
        return sim.Run(ProgramEntries.FromBinary(bin, program), regs).Stats;
    }

    /// <summary>
    /// Extra VCU element operations, by hand. KV blocks hold P = 32 positions (32 x 16 FP16 = one 1 KiB page), so at
    /// kv = 12 every head has one block, on the first of its cores. Decode ALiBi: one vmul.s (ramp x slope) and one
    /// vadd over the block, 2 x 32 per head and layer: 2 layers x 6 heads x 64 = 768. Decode soft-capping: vtanh and
    /// the multiply by c over the kv + 1 = 13 valid scores (the multiply by scale / c replaces the one by scale):
    /// 2 layers x 4 heads x 2 x 13 = 208. Prefill (12 rows, row i has i + 1 keys): 2 x 78 per head and layer, BLOOM
    /// 2 x 6 x 156 = 1872, Gemma 2 2 x 4 x 156 = 1248. The final soft_cap: 3 ops over each core's 2 channels x 4
    /// logits, 32 x 24 = 768 in both programs. The VCU energy grows by at least those operations times
    /// energy.sram.vcuOp of the target.
    /// </summary>
    [Theory]
    [InlineData("tiny-bloom", "alibi", "decode", 768)]
    [InlineData("tiny-bloom", "alibi", "prefill", 1872)]
    [InlineData("tiny-gemma2", "softcap", "decode", 208)]
    [InlineData("tiny-gemma2", "softcap", "prefill", 1248)]
    [InlineData("tiny-gemma2", "final soft_cap", "decode", 768)]
    [InlineData("tiny-gemma2", "final soft_cap", "prefill", 768)]
    public void TheSimulatorCountsTheExtraVcuWork(string sample, string term, string program, long extra)
    {
        var m = Raise(sample);
        var without = term switch
        {
            "alibi" => Edit(m, o => o.Opcode == "attention" ? o with { Attrs = o.Attrs.Remove("alibi_slopes") } : o),
            "softcap" => Edit(m, o => o.Opcode == "attention" ? o with { Attrs = o.Attrs.Remove("softcap") } : o),
            _ => WithoutFinalCap(m),
        };
        var (a, b) = (Run(m, program), Run(without, program));
        var ops = a.Get(Counter.VcuOps) - b.Get(Counter.VcuOps);
        var energy = a.EnergyOf(EnergySubsystem.SramCompute) - b.EnergyOf(EnergySubsystem.SramCompute);
        output.WriteLine($"{sample} {term} {program}: +{ops} VCU operations, +{energy:F1} pJ of core compute");
        ops.ShouldBe(extra);
        energy.ShouldBeGreaterThanOrEqualTo(extra * HpimPassTests.Hpim.Energy.VcuOpPj);
    }

    /// <summary>A with-past export compiles to the program its full-sequence twin compiles to: streams and image byte for byte.</summary>
    [Theory]
    [InlineData("tiny-bloom")]
    [InlineData("tiny-gemma2")]
    public void TheKvCacheExportCompilesToTheSameProgram(string sample)
    {
        byte[] Program(string name)
        {
            var scheduled = HpimPassTests.Compile(Raise(name));
            var bin = MemoryImageBuilder.Attach(HpimBackend.Emit(scheduled, HpimPassTests.Hpim), scheduled, HpimPassTests.Hpim);
            bin.Image.ShouldNotBeEmpty();
            return PimBinaryWriter.Write(bin with { MemoryMap = [], Debug = [], Workload = null }, compress: false);
        }
        Program(sample + "-decode").ShouldBe(Program(sample));
    }

    /// <summary>BLOOM-560M (ALiBi) and Gemma-2-2B (both soft-caps) compile for hpim (exit 23 before) and simulate.</summary>
    [Theory]
    [InlineData("bloom-560m.json")]
    [InlineData("gemma-2-2b.json")]
    public void TheHfConfigsCompileAndSimulate(string config)
    {
        var m = Pimcc.Frontends.HfConfig.HfConfigFrontend.Load(RepoPaths.Combine("samples", "hf-configs", config), new(32, 2));
        var bin = HpimBackend.Emit(HpimPassTests.Compile(m), HpimPassTests.Hpim);
        var cores = bin.Cores.SelectMany(c => c.Instructions).Select(i => i.Mnemonic).ToHashSet();
        if (config.StartsWith("bloom")) cores.ShouldNotContain("vtanh");
        else cores.ShouldContain("vtanh");
        bin.MemoryMap.Any(r => r.Name == AlibiTable.RegionName).ShouldBe(config.StartsWith("bloom"));
        var sim = new HpimSimulator(bin, config, new SimOptions());
        var run = sim.Run(ProgramEntries.FromBinary(bin, "decode"), new ProgramRegisters(32, 0, 32));
        run.Stats.Get(Counter.VcuOps).ShouldBeGreaterThan(0);
        output.WriteLine($"{config}: decode step at kv = 32: {run.Stats.Get(Counter.VcuOps)} VCU operations");
    }
}
