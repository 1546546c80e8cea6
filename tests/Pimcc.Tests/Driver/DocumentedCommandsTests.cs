namespace Pimcc.Tests.Driver;

/// <summary>
/// <see cref="DocumentedCommands"/>: a command run again with the same input gives the first run's exit code, output
/// and files in the new scratch folder; a command whose input file differs runs anew.
/// </summary>
public class DocumentedCommandsTests
{
    private const string Compile = "pimcc samples/onnx/tiny-opt.onnx --prompt-tokens 3 --gen-tokens 1 -o documented.bin";

    [Fact]
    public void TheSameCommandGivesTheSameFilesInItsOwnScratchFolder()
    {
        var (first, second) = (CliRunner.TempDir(), CliRunner.TempDir());
        DocumentedCommands.Run(Compile, first).ExitCode.ShouldBe(0);
        DocumentedCommands.Run(Compile, second).ExitCode.ShouldBe(0);
        File.ReadAllBytes(Path.Combine(second, "documented.bin")).ShouldBe(File.ReadAllBytes(Path.Combine(first, "documented.bin")));
        // The bytes a run in process writes itself.
        var direct = CliRunner.TempDir();
        CliRunner.Run(ExampleCommandLine.Arguments(Compile, direct)).ExitCode.ShouldBe(0);
        File.ReadAllBytes(Path.Combine(second, "documented.bin")).ShouldBe(File.ReadAllBytes(Path.Combine(direct, "documented.bin")));
    }

    [Fact]
    public void ACommandWhoseInputFileDiffersRunsAnew()
    {
        var (short1, short2) = (CliRunner.TempDir(), CliRunner.TempDir());
        DocumentedCommands.Run(Compile, short1).ExitCode.ShouldBe(0);
        DocumentedCommands.Run(Compile.Replace("--gen-tokens 1", "--gen-tokens 2", StringComparison.Ordinal), short2).ExitCode.ShouldBe(0);
        const string disasm = "pimcc disasm documented.bin -o documented.pasm";
        DocumentedCommands.Run(disasm, short1).ExitCode.ShouldBe(0);
        DocumentedCommands.Run(disasm, short2).ExitCode.ShouldBe(0);
        var (pasm1, pasm2) = (File.ReadAllText(Path.Combine(short1, "documented.pasm")), File.ReadAllText(Path.Combine(short2, "documented.pasm")));
        pasm2.ShouldNotBe(pasm1);
        var direct = CliRunner.TempDir();
        File.Copy(Path.Combine(short2, "documented.bin"), Path.Combine(direct, "documented.bin"));
        CliRunner.Run(ExampleCommandLine.Arguments(disasm, direct)).ExitCode.ShouldBe(0);
        pasm2.ShouldBe(File.ReadAllText(Path.Combine(direct, "documented.pasm")));
    }
}
