using System.Diagnostics;
using Pimcc.Diagnostics;
using Pimcc.Driver;

namespace Pimcc.Tests.Driver;

/// <summary>
/// Issue 16, outputs: special files are written through, not replaced; symbolic links are followed; <c>-o -</c> is
/// standard output; empty paths, outputs equal to inputs and bad paths are refused before any work, leaving nothing.
/// </summary>
public class OutputFileCliTests
{
    private const string Program = ".target \"hpim\"\n.core 0\n  li.lo r1, 64\n  vadd r2, r3, r4, r1, fp16\n  halt\n";

    private static (string Dir, string Pasm, string Bin) Assembled()
    {
        var dir = CliRunner.TempDir();
        var pasm = Path.Combine(dir, "p.pasm");
        File.WriteAllText(pasm, Program);
        var bin = Path.Combine(dir, "p.bin");
        CliRunner.Run("asm", pasm, "-o", bin).ExitCode.ShouldBe(0);
        return (dir, pasm, bin);
    }

    private static string CompiledOpt125m(string dir)
    {
        var bin = Path.Combine(dir, "o.bin");
        var r = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "-o", bin, "--prompt-tokens", "8", "--gen-tokens", "2");
        r.ExitCode.ShouldBe(0, r.Err);
        return bin;
    }

    internal static void MakeFifo(string path)
    {
        using var p = Process.Start("mkfifo", path)!;
        p.WaitForExit();
        p.ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task AFifoOutputIsWrittenThroughAndStaysAFifo()
    {
        if (!OperatingSystem.IsLinux()) return;
        var (dir, _, bin) = Assembled();
        var fifo = Path.Combine(dir, "pipe");
        MakeFifo(fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var r = CliRunner.Run("disasm", bin, "-o", fifo);
        r.ExitCode.ShouldBe(0, r.Err);
        (await reader.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(CliRunner.Run("disasm", bin).Out);
        FileStatus.Of(fifo).Type.ShouldBe(FileType.Fifo);
    }

    [Fact]
    public void ACharacterDeviceOutputIsWrittenThroughAndStaysADevice()
    {
        // A private node for the null device (char 1,3), never /dev/null itself: a regression would replace it.
        if (!OperatingSystem.IsLinux()) return;
        var (dir, _, bin) = Assembled();
        var device = Path.Combine(dir, "null");
        using (var mknod = Process.Start("mknod", ["-m", "666", device, "c", "1", "3"])!) mknod.WaitForExit();
        if (!File.Exists(device)) return; // not allowed to make device nodes here (not root)
        var before = FileStatus.Of(device);
        before.Type.ShouldBe(FileType.CharacterDevice);
        CliRunner.Run("disasm", bin, "-o", device).ExitCode.ShouldBe(0);
        CliRunner.Run("asm", Path.Combine(dir, "p.pasm"), "-o", device).ExitCode.ShouldBe(0);
        FileStatus.Of(device).ShouldBe(before);
        Directory.GetFileSystemEntries(dir).Length.ShouldBe(3);
    }

    [Fact]
    public void ASymbolicLinkOutputIsFollowedAndTheLinkKept()
    {
        var (dir, pasm, _) = Assembled();
        var real = Path.Combine(dir, "real.bin");
        File.WriteAllText(real, "old");
        var link = Path.Combine(dir, "link.bin");
        File.CreateSymbolicLink(link, real);
        CliRunner.Run("asm", pasm, "-o", link).ExitCode.ShouldBe(0);
        new FileInfo(link).LinkTarget.ShouldBe(real);
        File.ReadAllBytes(real).ShouldBe(File.ReadAllBytes(Path.Combine(dir, "p.bin")));
    }

    [Fact]
    public void DashIsStandardOutputForBinariesIrAssemblyAndReports()
    {
        var (_, pasm, bin) = Assembled();
        var (asm, bytes) = CliRunner.RunBinary("asm", pasm, "-o", "-");
        asm.ExitCode.ShouldBe(0, asm.Err);
        bytes.ShouldBe(File.ReadAllBytes(bin));
        var disasm = CliRunner.Run("disasm", bin, "-o", "-");
        disasm.ExitCode.ShouldBe(0, disasm.Err);
        disasm.Out.ShouldBe(CliRunner.Run("disasm", bin).Out);
        File.Exists("-").ShouldBeFalse();
        var ir = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--emit", "ir", "-o", "-");
        ir.Out.ShouldStartWith("pimir 1\n");
        var (compile, binary) = CliRunner.RunBinary(CliRunner.Sample("opt-125m.json"), "-o", "-", "--prompt-tokens", "8", "--gen-tokens", "2");
        compile.ExitCode.ShouldBe(0, compile.Err);
        binary.AsSpan(0, 8).ToArray().ShouldBe("PIMCCBIN"u8.ToArray());
    }

    [Fact]
    public void ABinaryIsNotWrittenToATerminal()
    {
        var (_, pasm, _) = Assembled();
        var e = new StringWriter();
        var code = Cli.Run(["asm", pasm, "-o", "-"], new StringWriter(), e, new MemoryStream(), stdoutIsTerminal: true);
        code.ShouldBe((int)ExitCode.Usage);
        e.ToString().ShouldContain("will not write a binary to a terminal");
    }

    [Fact]
    public void AnEmptyOutputPathIsAUsageErrorOnEveryCommand()
    {
        var (_, pasm, bin) = Assembled();
        var model = CliRunner.Sample("opt-125m.json");
        CliRunner.Run(model, "-o", "").ShouldBeOneLineError(ExitCode.Usage, "empty output path");
        CliRunner.Run("run", model, "-o", "").ShouldBeOneLineError(ExitCode.Usage, "empty output path");
        CliRunner.Run("run", model, "--trace", "").ShouldBeOneLineError(ExitCode.Usage, "empty output path");
        CliRunner.Run("sim", bin, "-o", "").ShouldBeOneLineError(ExitCode.Usage, "empty output path");
        CliRunner.Run("sim", bin, "--functional", "--tokens", "1", "--logits", "").ShouldBeOneLineError(ExitCode.Usage, "empty output path");
        CliRunner.Run("asm", pasm, "-o", "").ShouldBeOneLineError(ExitCode.Usage, "empty output path");
        CliRunner.Run("disasm", bin, "-o", "").ShouldBeOneLineError(ExitCode.Usage, "empty output path");
    }

    [Fact]
    public void AnOutputThatIsAnInputIsRefusedAndTheInputKept()
    {
        var (dir, pasm, bin) = Assembled();
        var model = Path.Combine(dir, "m.json");
        File.Copy(CliRunner.Sample("opt-125m.json"), model);
        var inputs = new[] { model, pasm, bin }.ToDictionary(f => f, File.ReadAllBytes);
        CliRunner.Run(model, "-o", model).ShouldBeOneLineError(ExitCode.Usage, "is the input");
        CliRunner.Run(model, "--emit", "ir", "-o", model).ShouldBeOneLineError(ExitCode.Usage, "is the input");
        CliRunner.Run("sim", bin, "-o", bin).ShouldBeOneLineError(ExitCode.Usage, "is the input");
        CliRunner.Run("sim", bin, "--trace", bin).ShouldBeOneLineError(ExitCode.Usage, "is the input");
        CliRunner.Run("sim", bin, "--functional", "--tokens", "1", "--logits", bin).ShouldBeOneLineError(ExitCode.Usage, "is the input");
        CliRunner.Run("disasm", bin, "-o", bin).ShouldBeOneLineError(ExitCode.Usage, "is the input");
        CliRunner.Run("asm", pasm, "-o", pasm).ShouldBeOneLineError(ExitCode.Usage, "is the input");
        CliRunner.Run("run", model, "-o", model).ShouldBeOneLineError(ExitCode.Usage, "is the input");
        // the same file under another name: a relative path, a symbolic link, a hard link
        var link = Path.Combine(dir, "link.pasm");
        File.CreateSymbolicLink(link, pasm);
        CliRunner.Run("asm", link, "-o", pasm).ShouldBeOneLineError(ExitCode.Usage, "is the input");
        CliRunner.Run("asm", pasm, "-o", link).ShouldBeOneLineError(ExitCode.Usage, "is the input");
        if (OperatingSystem.IsLinux())
        {
            var hard = Path.Combine(dir, "hard.pasm");
            using (var ln = Process.Start("ln", [pasm, hard])!) ln.WaitForExit();
            CliRunner.Run("asm", hard, "-o", pasm).ShouldBeOneLineError(ExitCode.Usage, "is the input");
        }
        foreach (var (f, bytes) in inputs) File.ReadAllBytes(f).ShouldBe(bytes);
    }

    [Fact]
    public void TwoOutputsOnOneFileOrBothOnStandardOutputAreRefused()
    {
        var (dir, _, bin) = Assembled();
        var report = Path.Combine(dir, "r.txt");
        CliRunner.Run("sim", bin, "-o", report, "--trace", report).ShouldBeOneLineError(ExitCode.Usage, "is also the -o output");
        CliRunner.Run("sim", bin, "--trace", "-").ShouldBeOneLineError(ExitCode.Usage, "already writes to standard output");
        File.Exists(report).ShouldBeFalse();
    }

    [Fact]
    public void ABadTracePathFailsBeforeTheSimulationAndLeavesNoReport()
    {
        var dir = CliRunner.TempDir();
        var bin = CompiledOpt125m(dir);
        var report = Path.Combine(dir, "r.txt");
        var sw = Stopwatch.StartNew();
        CliRunner.Run("sim", bin, "--prompt-tokens", "8", "--gen-tokens", "2", "-o", report, "--trace", Path.Combine(dir, "no", "t.json"))
            .ShouldBeOneLineError(ExitCode.OutputNotWritable, "output folder does not exist");
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3)); // the simulation itself takes several seconds
        Directory.GetFileSystemEntries(dir).ShouldBe([bin]);
        CliRunner.Run("sim", bin, "-o", dir).ShouldBeOneLineError(ExitCode.OutputNotWritable, "is a folder");
    }

    [Fact]
    public void ReportAndTraceAreBothWrittenAndNoTemporaryFileRemains()
    {
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "p.bin");
        File.WriteAllBytes(bin, Pimcc.Isa.Container.PimBinaryWriter.Write(Pimcc.Tests.Sim.SimPrograms.Assemble(Pimcc.Tests.Fuzz.FuzzTests.Program)));
        var report = Path.Combine(dir, "r.json");
        var trace = Path.Combine(dir, "t.json");
        var r = CliRunner.Run("sim", bin, "--prompt-tokens", "2", "--gen-tokens", "1", "--format", "json", "-o", report, "--trace", trace);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldBeEmpty();
        File.ReadAllText(report).ShouldStartWith("{");
        File.ReadAllText(trace).ShouldContain("traceEvents");
        Directory.GetFileSystemEntries(dir).Order().ShouldBe(new[] { bin, report, trace }.Order());
    }
}
