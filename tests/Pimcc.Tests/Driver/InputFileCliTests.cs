using Pimcc.Isa.Container;
using System.Diagnostics;
using System.Text;
using Pimcc.Diagnostics;
using Pimcc.Driver;

namespace Pimcc.Tests.Driver;

/// <summary>
/// Issue 16, inputs: a path that is not a regular file (device, FIFO, a symbolic link to one) is refused at once,
/// an input larger than its kind's bound is refused before it is read, and assembly is read line by line.
/// </summary>
public class InputFileCliTests
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(5);

    private static CliResult Timed(params string[] args)
    {
        var sw = Stopwatch.StartNew();
        var r = CliRunner.Run(args);
        sw.Elapsed.ShouldBeLessThan(AtOnce, string.Join(' ', args));
        return r;
    }

    [Fact]
    public void DevicesFifosAndLinksToThemAreRefusedAsInputsOfEveryKind()
    {
        if (!OperatingSystem.IsLinux()) return;
        var dir = CliRunner.TempDir();
        var fifo = Path.Combine(dir, "pipe.json");
        OutputFileCliTests.MakeFifo(fifo);
        foreach (var ext in new[] { "json", "onnx", "pimir", "bin", "pasm" })
            File.CreateSymbolicLink(Path.Combine(dir, "zero." + ext), "/dev/zero");
        Timed(Path.Combine(dir, "zero.json")).ShouldBeOneLineError(ExitCode.InputNotFound, "is a character device, not a regular file");
        Timed(Path.Combine(dir, "zero.onnx")).ShouldBeOneLineError(ExitCode.InputNotFound, "not a regular file");
        Timed(Path.Combine(dir, "zero.pimir")).ShouldBeOneLineError(ExitCode.InputNotFound, "not a regular file");
        Timed(fifo).ShouldBeOneLineError(ExitCode.InputNotFound, "is a FIFO");
        Timed("run", fifo).ShouldBeOneLineError(ExitCode.InputNotFound, "is a FIFO");
        Timed("sim", Path.Combine(dir, "zero.bin")).ShouldBeOneLineError(ExitCode.InputNotFound, "not a regular file");
        Timed("sim", "/dev/urandom").ShouldBeOneLineError(ExitCode.InputNotFound, "not a regular file");
        Timed("disasm", Path.Combine(dir, "zero.bin")).ShouldBeOneLineError(ExitCode.InputNotFound, "not a regular file");
        Timed("asm", Path.Combine(dir, "zero.pasm"), "-o", Path.Combine(dir, "o.bin")).ShouldBeOneLineError(ExitCode.InputNotFound, "not a regular file");
        Timed(CliRunner.Sample("opt-125m.json"), "--emit", "ir", "--target-config", fifo).ShouldBeOneLineError(ExitCode.InputNotFound, "is a FIFO");
        Timed("targets", "show", Path.Combine(dir, "zero.json")).ShouldBeOneLineError(ExitCode.InputNotFound, "not a regular file");
        File.Exists(Path.Combine(dir, "o.bin")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("big.json", 16)]
    [InlineData("big.pimir", 256)]
    public void AModelLargerThanItsKindAllowsIsRefusedBeforeReading(string name, int boundMiB)
    {
        var f = Path.Combine(CliRunner.TempDir(), name);
        using (var s = File.Create(f)) s.SetLength(((long)boundMiB << 20) + 1); // sparse: no disk, no reading
        Timed(f, "--emit", "ir").ShouldBeOneLineError(ExitCode.InputTooLarge, $"({(long)boundMiB << 20} bytes)");
    }

    [Fact]
    public void ATargetDescriptionLargerThan16MiBIsRefused()
    {
        var f = Path.Combine(CliRunner.TempDir(), "t.json");
        using (var s = File.Create(f)) s.SetLength((16L << 20) + 1);
        Timed(CliRunner.Sample("opt-125m.json"), "--emit", "ir", "--target-config", f).ShouldBeOneLineError(ExitCode.InputTooLarge, "target description");
    }

    [Fact]
    public void AFolderAsTargetConfigSaysSo() =>
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--emit", "ir", "--target-config", CliRunner.TempDir())
            .ShouldBeOneLineError(ExitCode.InputNotFound, "is a folder, not a file");

    [Fact]
    public void TargetTogetherWithTargetConfigIsAUsageError()
    {
        var model = CliRunner.Sample("opt-125m.json");
        var desc = RepoPaths.Combine("samples", "targets", "hpim-1stack.json");
        CliRunner.Run(model, "--emit", "ir", "--target", "hpim", "--target-config", desc).ShouldBeOneLineError(ExitCode.Usage, "both --target and --target-config");
        CliRunner.Run(model, "--emit", "ir", "--target-config", desc).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void AssemblyIsReadLineByLineAndAHugeLineIsNotEchoed()
    {
        var dir = CliRunner.TempDir();
        var pasm = Path.Combine(dir, "long.pasm");
        File.WriteAllText(pasm, ".target \"hpim\"\n.core 0\n  li.lo r1, " + new string('9', 10 << 20) + "\n");
        var r = Timed("asm", pasm, "-o", Path.Combine(dir, "o.bin"));
        r.ShouldBeOneLineError(ExitCode.MalformedInput, "long.pasm:3: error: line is longer than");
        r.Err.Length.ShouldBeLessThan(400);
    }

    [Fact]
    public void AQuarterMillionLineProgramAssemblesWithEveryLineCounted()
    {
        var dir = CliRunner.TempDir();
        var pasm = Path.Combine(dir, "big.pasm");
        const int n = 250_000; // 10^6 lines: 9.3 s and 143 MB peak as a process (docs: README, "Inputs and outputs")
        // An opaque description ({}): the stream is far beyond any instruction memory; this test is about reading lines.
        var sb = new StringBuilder(".target \"hpim\"\n.target_json \"e30=\"\n.core 0\n");
        for (var i = 0; i < n - 4; i++) sb.Append("  li.lo r1, ").Append(i % 1000).Append('\n');
        sb.Append("  halt\n");
        File.WriteAllText(pasm, sb.ToString());
        var bin = Path.Combine(dir, "big.bin");
        var r = CliRunner.Run("asm", pasm, "-o", bin);
        r.ExitCode.ShouldBe(0, r.Err);
        // one 32-bit word per instruction line (docs/isa.md): n - 3 instructions
        Pimcc.Isa.Container.PimBinaryReader.ReadFile(bin).Cores.Single().Instructions.Count.ShouldBe(n - 3);
        // an error on the last line still names it
        File.AppendAllText(pasm, "  bogus r1\n");
        CliRunner.Run("asm", pasm, "-o", bin).ShouldBeOneLineError(ExitCode.MalformedInput, $"big.pasm:{n + 1}:");
    }
}
