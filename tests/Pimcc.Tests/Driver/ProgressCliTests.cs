using Pimcc.Driver;
using Pimcc.Driver.Progress;
using Spectre.Console.Testing;

namespace Pimcc.Tests.Driver;

/// <summary>
/// Progress goes to a terminal's stderr only: the Spectre.Console renderer is checked on a fake console, standard
/// output is byte-identical with and without it, and a piped stderr (a test, CI) gets no progress at all.
/// </summary>
public class ProgressCliTests
{
    private static TestConsole Terminal() => (TestConsole)new TestConsole().Interactive().EmitAnsiSequences();

    [Fact]
    public void TheRendererShowsEachStageWithItsShare()
    {
        var console = Terminal();
        var result = new TerminalProgress(console).Run(stages =>
        {
            var compile = stages.Stage("compiling model.json", 4);
            compile.Update(2, 4);
            var sim = stages.Stage("simulating", 1);
            sim.Update(3, 10); // the total is learnt as the work goes
            return 42;
        });
        result.ShouldBe(42);
        console.Output.ShouldContain("compiling model.json");
        console.Output.ShouldContain("simulating");
        console.Output.ShouldContain("50%");
        console.Output.ShouldContain("30%");
    }

    [Fact]
    public void NoneRunsTheWorkAndShowsNothing() =>
        ProgressDisplay.None.Run(stages => { stages.Stage("x", 3).Update(1, 3); return 7; }).ShouldBe(7);

    [Fact]
    public void CompileAndSimulateShowProgressOnTheTerminalAndLeaveStdoutByteIdentical()
    {
        var terminal = RunOnTerminal("run", CliRunner.Sample("gpt2.json"), "--prompt-tokens", "16", "--gen-tokens", "1", "--format", "json");
        terminal.ShouldContain("compiling gpt2.json for hpim");
        terminal.ShouldContain("simulating gpt2.json (16 in, 1 out)");
    }

    /// <summary>Runs the command piped and on a fake terminal: the same stdout bytes (progress went to the terminal
    /// only, no escape sequence in stdout); returns what the terminal showed.</summary>
    private static string RunOnTerminal(params string[] args)
    {
        var plain = CliRunner.Run(args);
        plain.ExitCode.ShouldBe(0, plain.Err);
        var console = Terminal();
        var o = new StringWriter();
        var e = new StringWriter();
        Cli.Run(args, o, e, progress: new TerminalProgress(console)).ShouldBe(0, e.ToString());
        o.ToString().ShouldBe(plain.Out);
        o.ToString().ShouldNotContain("\u001b");
        return console.Output;
    }

    [Fact]
    public void AFunctionalRunShowsItsProgramStepsOnTheTerminalAndLeavesStdoutByteIdentical()
    {
        var bin = Path.Combine(CliRunner.TempDir(), "tiny.bin");
        CliRunner.Run(RepoPaths.Combine("samples", "onnx", "tiny-gpt2.onnx"), "--target", "hpim", "--prompt-tokens", "4", "--gen-tokens", "3", "-o", bin).ExitCode.ShouldBe(0);
        var terminal = RunOnTerminal("sim", bin, "--functional", "--tokens", "5,6", "--no-race-check");
        // prefill, then 3 decode steps: the bar reaches 4 of 4 program steps
        terminal.ShouldContain("running tiny.bin on values (2 in, 3 out)");
        terminal.ShouldContain("100%");
    }

    /// <summary>stderr is a pipe here (as in CI): the driver as built prints no progress and no escape sequence.</summary>
    [Fact]
    public async Task APipedStderrGetsNoProgress()
    {
        var r = await DriverProcess.RunAsync(["run", CliRunner.Sample("gpt2.json"), "--prompt-tokens", "16", "--gen-tokens", "1"],
            new Dictionary<string, string?> { ["CI"] = null });
        r.ExitCode.ShouldBe(0, r.Err);
        r.Err.ShouldNotContain("\u001b");
        r.Err.ShouldNotContain("compiling");
        r.Err.ShouldNotContain("%");
        TerminalProgress.ForStandardError().ShouldBeSameAs(ProgressDisplay.None); // the test host's stderr is redirected too
    }
}
