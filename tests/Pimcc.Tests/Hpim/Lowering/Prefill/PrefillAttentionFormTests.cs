using Pimcc.Diagnostics;
using Pimcc.Hpim.Compiler;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Sim.Functional;
using Pimcc.Tests.Driver;
using Pimcc.Tests.Functional;
using Xunit.Abstractions;

namespace Pimcc.Tests.Hpim.Lowering.Prefill;

/// <summary>
/// Prefill attention's forms (docs/hpim-lowering.md, "Prefill"): the head's K^T and V^T resident, V^T streamed per key
/// block, or both streamed. The streamed forms run the same arithmetic, so on values they give exactly the resident
/// form's logits (prefill and the decode steps that read the KV cache prefill wrote), which are the reference
/// interpreter's within the functional tolerance. Before, a head that did not fit (GPT-J's and Gemma's 256-wide heads
/// at 256 prompt tokens) was refused with exit 42.
/// </summary>
public class PrefillAttentionFormTests(ITestOutputHelper output)
{
    private const int Steps = 2;
    private static readonly string[] Forms = ["resident", "stream-v", "stream-kv"];

    /// <summary>80 positions: two token blocks of 64, so a streamed block buffer is reloaded with another block.</summary>
    private static int[] Prompt(int length) => [.. Enumerable.Range(0, length).Select(i => (5 * i + 11) % 251)];

    private static (PimBinary Bin, HpimEmitReport Report) Emit(Module scheduled, string form)
    {
        var m = scheduled.WithAttrs(scheduled.Attrs.Set(HpimAttrs.PrefillAttention, form));
        var bin = HpimBackend.Emit(m, HpimPassTests.Hpim, out var report);
        return (MemoryImageBuilder.Attach(bin, m, HpimPassTests.Hpim), report);
    }

    [Theory]
    [InlineData("tiny-opt", 80)]
    [InlineData("tiny-llama", 80)] // grouped KV heads: the cache write only for the first query head of a group
    [InlineData("tiny-phi3", 80)] // head_dim 96: a head's rows straddle two scratch panels
    [InlineData("tiny-gemma", 6)] // one KV head, head_dim 32, one token block
    public void EveryFormGivesTheResidentLogitsInPrefillAndDecode(string name, int prompt)
    {
        var s = CompiledSample.Load(name, prompt, Steps);
        var ids = Prompt(prompt);
        IReadOnlyList<FunctionalStep>? resident = null;
        var localBytes = new List<long>();
        foreach (var form in Forms)
        {
            var (bin, report) = Emit(s.Scheduled, form);
            report.SyncOps.ShouldBeGreaterThan(0, "the sync self-check ran");
            report.TimingCheckedChannels.ShouldBeGreaterThan(0, "the timing self-check ran");
            localBytes.Add(report.PrefillLocalBytes);
            var r = FunctionalGeneration.Run(new FunctionalSimulator(bin, $"{name}-{form}.bin", new FunctionalOptions { CheckInterleavings = false }), ids, Steps);
            r.Steps.Count.ShouldBe(Steps + 1);
            if (resident is null)
            {
                resident = r.Steps;
                var want = CompiledSample.ReferenceLogits(s.Scheduled, [.. ids.Concat(r.Generated.Take(Steps))], prompt);
                double worst = r.Steps.Max(st => want[st.Position].Zip(st.Logits).Max(p => Math.Abs(p.First - p.Second)));
                output.WriteLine($"{name}, {prompt} tokens, resident: max abs {worst:G3} against the reference interpreter");
                worst.ShouldBeLessThanOrEqualTo(FunctionalModelTests.Tolerance);
                continue;
            }
            for (var i = 0; i < r.Steps.Count; i++)
            {
                r.Steps[i].Position.ShouldBe(resident[i].Position);
                r.Steps[i].Logits.ShouldBe(resident[i].Logits, $"{name} {form}: {r.Steps[i].Program} position {r.Steps[i].Position}");
            }
        }
        output.WriteLine($"{name}: prefill local bytes per core {string.Join(", ", Forms.Zip(localBytes, (f, b) => $"{f} {b}"))}");
    }

    [Fact]
    public void TheFormsAreOtherProgramsAndAutoTakesTheResidentOneWhenItFits()
    {
        // what makes the comparison above able to fail: the forms are different programs
        var s = CompiledSample.Load("tiny-opt", 80, Steps);
        var emitted = Forms.Select(f => Emit(s.Scheduled, f)).ToList();
        var bytes = emitted.Select(e => PimBinaryWriter.Write(e.Bin, compress: false)).ToList();
        bytes[0].ShouldNotBe(bytes[1]);
        bytes[1].ShouldNotBe(bytes[2]);
        // every form fits here: auto takes the largest, the resident form
        var auto = HpimBackend.Emit(s.Scheduled, HpimPassTests.Hpim);
        PimBinaryWriter.Write(MemoryImageBuilder.Attach(auto, s.Scheduled, HpimPassTests.Hpim), compress: false).ShouldBe(bytes[0]);
        Should.Throw<PimccError>(() => Emit(s.Scheduled, "streamed")).Code.ShouldBe(ExitCode.Usage);
    }

    /// <summary>GPT-J-6B at the default workload (256 prompt tokens): the resident form needs 462,976 bytes of the
    /// 424,960 (refused when forced), so auto takes stream-v (the binary is the forced stream-v one); the program simulates.</summary>
    [Fact]
    public void GptjTakesTheLargestFormThatFitsAndSimulates()
    {
        var dir = CliRunner.TempDir();
        string Bin(string form) => Path.Combine(dir, form + ".bin");
        var model = CliRunner.Sample("gpt-j-6b.json");
        string[] Compile(string form) => [model, "--target", "hpim", "-o", Bin(form), "--passes", PipelineWith(form)];
        CliRunner.Run(Compile("resident")).ShouldBeOneLineError(ExitCode.CapacityExceeded, "%l0.attn: error: prefill needs 462976 bytes of local memory per core for this op, a core has 424960");
        CliRunner.Run(Compile("stream-v")).ExitCode.ShouldBe(0);
        var auto = CliRunner.Run(model, "--target", "hpim", "-o", Bin("auto"));
        auto.ExitCode.ShouldBe(0, auto.Err);
        File.ReadAllBytes(Bin("auto")).ShouldBe(File.ReadAllBytes(Bin("stream-v")));
        var sim = CliRunner.Run("sim", Bin("auto"), "--gen-tokens", "1");
        sim.ExitCode.ShouldBe(0, sim.Err);
        sim.Out.ShouldContain("latency.prefill");
    }

    /// <summary>Gemma's 256-wide heads (one KV head; Gemma 2 with soft-capping) at the default workload.</summary>
    [Theory]
    [InlineData("gemma-2b.json")]
    [InlineData("gemma-2-2b.json")]
    public void GemmaCompilesAndSimulates(string config)
    {
        var bin = Path.Combine(CliRunner.TempDir(), "out.bin");
        var compile = CliRunner.Run(CliRunner.Sample(config), "--target", "hpim", "-o", bin);
        compile.ExitCode.ShouldBe(0, compile.Err);
        var sim = CliRunner.Run("sim", bin, "--gen-tokens", "1");
        sim.ExitCode.ShouldBe(0, sim.Err);
    }

    /// <summary>1,024 prompt tokens: S and S^T alone are 256 KiB, so not even stream-kv fits; refused, not mis-lowered.</summary>
    [Fact]
    public void AHeadNoFormFitsIsStillRefused()
    {
        var bin = Path.Combine(CliRunner.TempDir(), "out.bin");
        CliRunner.Run(CliRunner.Sample("gpt-j-6b.json"), "--target", "hpim", "--prompt-tokens", "1024", "--gen-tokens", "2", "-o", bin)
            .ShouldBeOneLineError(ExitCode.CapacityExceeded, "%l0.attn: error: prefill needs 466048 bytes of local memory per core for this op, a core has 424960");
        File.Exists(bin).ShouldBeFalse();
    }

    private static string PipelineWith(string form) =>
        HpimCompiler.PipelineText.Replace("hpim-lower,", $"hpim-lower{{prefill-attention={form}}},", StringComparison.Ordinal);
}
