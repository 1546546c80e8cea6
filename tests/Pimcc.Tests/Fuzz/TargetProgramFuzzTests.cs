using System.Text.RegularExpressions;
using Pimcc.Diagnostics;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Fuzz;

/// <summary>The disassembly of a compiled tiny model per target, made once for the class.</summary>
public sealed class CompiledTargetPrograms
{
    private readonly Dictionary<string, string> _text = [];

    /// <summary>tiny-opt.onnx (5 in, 2 out) for <paramref name="target"/>, disassembled.</summary>
    public string Disassembly(string target)
    {
        lock (_text)
        {
            if (_text.TryGetValue(target, out var text)) return text;
            var dir = CliRunner.TempDir();
            var bin = Path.Combine(dir, "p.bin");
            // pimllm with one row per systolic block: the prefill has a repeated (rep) body
            string[] set = target == "pimllm" ? ["--set", "systolic.rows=1"] : [];
            CliRunner.Run([RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), "--target", target, "--prompt-tokens", "5", "--gen-tokens", "2", .. set, "-o", bin]).ExitCode.ShouldBe(0);
            var asm = Path.Combine(dir, "p.pasm");
            CliRunner.Run("disasm", bin, "-o", asm).ExitCode.ShouldBe(0);
            return _text[target] = File.ReadAllText(asm);
        }
    }
}

/// <summary>
/// The compiled programs of the targets that run on values (pimllm, hyflexpim) with operands of their words set to
/// extreme or boundary values: whatever assembles must then simulate (timing, `--exact`) and run on values to a result
/// or a diagnostic, never an internal error, within the fuzz bound (<see cref="FuzzTests.Check"/>). Cases it found
/// are kept below as regression tests.
/// </summary>
public partial class TargetProgramFuzzTests(CompiledTargetPrograms programs) : IClassFixture<CompiledTargetPrograms>
{
    [Theory]
    [InlineData("pimllm", 5000)]
    [InlineData("hyflexpim", 6000)]
    public void MutatedOperands(string target, int firstSeed)
    {
        var text = programs.Disassembly(target);
        for (var seed = firstSeed; seed < firstSeed + FuzzTests.Cases(4); seed++)
            if (Assembled(new Mutator(seed).Operands(text, 1 + seed % 3)) is { } bin)
                RunBoth(bin, $"{target} seed {seed}");
    }

    [Fact]
    public void VectorLengthBeyondTheSramIsABinaryError()
    {
        // pimllm: a pp.len whose vector runs past the end of the SRAM (was an internal error in the values mode)
        var bin = Assembled(new Regex(@"pp\.len len=\d+").Replace(programs.Disassembly("pimllm"), "pp.len len=16777215", 1))!;
        FuzzTests.Check(bin, "r.txt", Timing, "pp.len beyond the SRAM (sim)");
        CliRunner.Run(Functional(bin, Path.Combine(Path.GetDirectoryName(bin)!, "l.json"))).ShouldBeOneLineError(ExitCode.InvalidBinary, "outside the");
    }

    [Fact]
    public void SoftmaxOverMoreQueriesThanRowsIsABinaryError()
    {
        // hyflexpim: sfu.softmax splitting its rows among more queries than there are rows (was a division by zero)
        var bin = Assembled(new Regex(@"(sfu\.softmax dst=\d+, src=\d+, queries=)\d+").Replace(programs.Disassembly("hyflexpim"), "${1}4095", 1))!;
        FuzzTests.Check(bin, "r.txt", Timing, "sfu.softmax queries > rows (sim)");
        CliRunner.Run(Functional(bin, Path.Combine(Path.GetDirectoryName(bin)!, "l.json"))).ShouldBeOneLineError(ExitCode.InvalidBinary, "queries");
    }

    [Theory]
    [InlineData("pimllm")]
    [InlineData("hyflexpim")]
    public void ASignalNobodyWaitsForIsRefusedByBothSimulators(string target)
    {
        // one signal word written twice: a stream may run ahead of what it was to wait for, so no figure and no value
        // may come out of it (the timing simulators reported figures at exit 0)
        var lines = programs.Disassembly(target).Split('\n').ToList();
        var first = lines.FindIndex(l => Signal().IsMatch(l));
        lines.Insert(first, lines[first]);
        var bin = Assembled(string.Join('\n', lines))!;
        CliRunner.Run(Timing(bin, Path.Combine(Path.GetDirectoryName(bin)!, "r.txt"))).ShouldBeOneLineError(ExitCode.InvalidBinary, "ends the run at 1, not 0");
        CliRunner.Run(Functional(bin, Path.Combine(Path.GetDirectoryName(bin)!, "l.json"))).ShouldBeOneLineError(ExitCode.InvalidBinary, "ends the run at 1, not 0");
        Directory.GetFiles(Path.GetDirectoryName(bin)!).ShouldBe([bin]);
    }

    [Fact]
    public void ASignalNobodyWaitsForIsRefusedByTheHpimTimingSimulator()
    {
        // hpim's values mode already refused it (exit 62); its timing simulator reported figures
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "p.bin");
        var program = FuzzTests.Program.Replace("sig event=1, count=1", "sig event=1, count=1\n    sig event=1, count=1");
        File.WriteAllBytes(bin, Pimcc.Isa.Container.PimBinaryWriter.Write(Pimcc.Tests.Sim.SimPrograms.Assemble(program)));
        CliRunner.Run("sim", bin, "--prompt-tokens", "2", "--gen-tokens", "1", "--exact", "-o", Path.Combine(dir, "r.txt"))
            .ShouldBeOneLineError(ExitCode.InvalidBinary, "event 1 ends the run at 1, not 0");
        Directory.GetFiles(dir).ShouldBe([bin]);
    }

    [GeneratedRegex(@"^\s+(ev\.)?sig\b")]
    private static partial Regex Signal();

    /// <summary>The assembled binary (alone in a fresh folder), or null when the assembler refused the text (checked to be a diagnostic).</summary>
    private static string? Assembled(string asm)
    {
        var source = Path.Combine(CliRunner.TempDir(), "p.pasm");
        File.WriteAllText(source, asm);
        var bin = Path.Combine(CliRunner.TempDir(), "p.bin");
        var r = CliRunner.Run("asm", source, "-o", bin);
        r.ExitCode.ShouldNotBe((int)ExitCode.InternalError, r.Err);
        return r.ExitCode == 0 ? bin : null;
    }

    private static void RunBoth(string bin, string what)
    {
        FuzzTests.Check(bin, "r.txt", Timing, $"{what} (sim)");
        FuzzTests.Check(bin, "l.json", Functional, $"{what} (values)");
    }

    private static string[] Timing(string bin, string report) => ["sim", bin, "--exact", "-o", report];

    private static string[] Functional(string bin, string logits) => ["sim", bin, "--functional", "--tokens", "1,2,3,4,5", "--gen-tokens", "2", "--logits", logits];
}
