using System.Buffers.Binary;
using System.Text;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Fuzz;

/// <summary>
/// Issue 16: mutated inputs of every kind through the command line. Every run must end in a diagnostic or a result,
/// never an internal error (exit 1), within <see cref="Bound"/>, and leave no output behind when it fails. Seeded,
/// so a failure names the case to rerun; PIMCC_FUZZ_CASES=N runs N cases per kind instead of the short default
/// (the normal suite spends well under 20 s here), and PIMCC_FUZZ_LOG=file appends each case's exit code and first line. Cases it found are kept as regression tests.
/// </summary>
public class FuzzTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private static readonly Lock LogLock = new();

    /// <summary>Cases per kind: PIMCC_FUZZ_CASES, else <paramref name="quick"/>.</summary>
    internal static int Cases(int quick) =>
        int.TryParse(Environment.GetEnvironmentVariable("PIMCC_FUZZ_CASES"), out var n) && n > 0 ? n : quick;

    internal const string Program = """
        .core 0
        .entry prefill
            li.lo r1, 64
            li.lo r13, 4
        top:
            vadd r2, r3, r4, r1, fp16
            loop r13, top
            halt
        .entry decode
            ev.wait 1, 1
            halt
        .channel 0
        .entry prefill
            res.clr pc=0
        .entry decode
            sig event=1, count=1
        """;

    /// <summary>Runs pimcc on one mutated input; asserts the three properties.</summary>
    internal static void Check(string input, string outputName, Func<string, string, string[]> args, string what)
    {
        var dir = Path.GetDirectoryName(input)!;
        var output = Path.Combine(dir, outputName);
        var run = Task.Run(() => CliRunner.Run(args(input, output)));
        run.Wait(Bound).ShouldBeTrue($"{what}: still running after {Bound.TotalSeconds} s");
        var r = run.Result;
        if (Environment.GetEnvironmentVariable("PIMCC_FUZZ_LOG") is { Length: > 0 } log)
            lock (LogLock) File.AppendAllText(log, $"{what}: exit {r.ExitCode}: {r.Err.Split('\n')[0]}\n");
        r.ExitCode.ShouldNotBe((int)ExitCode.InternalError, $"{what}: {r.Err}");
        if (r.ExitCode != 0)
            Directory.GetFileSystemEntries(dir).ShouldBe([input], $"{what}: output left behind after: {r.Err}");
        File.Delete(output);
    }

    private static string Case(string name, string content)
    {
        var f = Path.Combine(CliRunner.TempDir(), name);
        File.WriteAllText(f, content);
        return f;
    }

    [Fact]
    public void MutatedHfConfigs()
    {
        var text = File.ReadAllText(CliRunner.Sample("opt-125m.json"));
        for (var seed = 0; seed < Cases(12); seed++)
            Check(Case("config.json", new Mutator(seed).Text(text, structural: seed % 2 == 1)), "o.pimir",
                (i, o) => [i, "--emit", "ir", "-o", o, "--prompt-tokens", "8", "--gen-tokens", "2"], $"HF config seed {seed}");
    }

    [Fact]
    public void MutatedTargetDescriptions()
    {
        var text = File.ReadAllText(RepoPaths.Combine("samples", "targets", "hpim.json"));
        for (var seed = 0; seed < Cases(16); seed++)
            Check(Case("target.json", new Mutator(1000 + seed).Text(text, structural: seed % 2 == 1, edits: 1 + seed % 3)), "o.pimir",
                (i, o) => [CliRunner.Sample("opt-125m.json"), "--target-config", i, "--emit", "ir", "-o", o, "--prompt-tokens", "8", "--gen-tokens", "2"],
                $"target description seed {1000 + seed}");
    }

    [Fact]
    public void MutatedOnnxModels()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Combine("samples", "onnx", "tiny-gpt2.onnx"));
        for (var seed = 0; seed < Cases(8); seed++)
        {
            var f = Path.Combine(CliRunner.TempDir(), "m.onnx");
            File.WriteAllBytes(f, new Mutator(2000 + seed).Bytes(bytes, 0));
            Check(f, "o.pimir", (i, o) => [i, "--emit", "ir", "-o", o, "--prompt-tokens", "4", "--gen-tokens", "2"], $"ONNX seed {2000 + seed}");
        }
    }

    [Fact]
    public void MutatedBinariesWithTheirChecksumsFixed()
    {
        var bytes = PimBinaryWriter.Write(Pimcc.Tests.Sim.SimPrograms.Assemble(Program));
        // Mutate everything after the target section: its JSON is also covered by a SHA-256 the reader checks.
        var targetEnd = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(Layout.HeaderBytes + 8))
            + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(Layout.HeaderBytes + 16));
        for (var seed = 0; seed < Cases(12); seed++)
        {
            var mutated = new Mutator(3000 + seed).Bytes(bytes, targetEnd, edits: 1 + seed % 4);
            PimBinaryWriter.Reseal(mutated);
            var f = Path.Combine(CliRunner.TempDir(), "p.bin");
            File.WriteAllBytes(f, mutated);
            Check(f, "o.pasm", (i, o) => ["disasm", i, "-o", o], $"out.bin seed {3000 + seed} (disasm)");
            Check(f, "r.txt", (i, o) => ["sim", i, "--prompt-tokens", "2", "--gen-tokens", "1", "--exact", "-o", o], $"out.bin seed {3000 + seed} (sim)");
        }
    }

    [Fact]
    public void MutatedAssembly()
    {
        var text = Pimcc.Tests.Sim.SimPrograms.Header() + Program;
        for (var seed = 0; seed < Cases(16); seed++)
            Check(Case("p.pasm", new Mutator(4000 + seed).Text(text, structural: seed % 2 == 1)), "o.bin", (i, o) => ["asm", i, "-o", o], $"assembly seed {4000 + seed}");
    }
}
