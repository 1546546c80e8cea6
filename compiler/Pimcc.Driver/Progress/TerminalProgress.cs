using Spectre.Console;

namespace Pimcc.Driver.Progress;

/// <summary>Spectre.Console progress bars on a console (the process's stderr, or a test's fake console); cleared
/// when the work ends, so what remains on the terminal is what pimcc printed.</summary>
public sealed class TerminalProgress(IAnsiConsole console) : ProgressDisplay
{
    /// <summary>Progress on standard error when it is a terminal; otherwise <see cref="ProgressDisplay.None"/>.</summary>
    public static ProgressDisplay ForStandardError() =>
        Console.IsErrorRedirected || Environment.GetEnvironmentVariable("CI") is { Length: > 0 }
            ? None
            : new TerminalProgress(AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Error),
                Interactive = InteractionSupport.Yes,
            }));

    public override T Run<T>(Func<IProgressStages, T> work) =>
        console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx => work(new Stages(ctx)));

    private sealed class Stages(ProgressContext ctx) : IProgressStages
    {
        public IProgressStage Stage(string description, int total) => new Bar(ctx.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total)));
    }

    private sealed class Bar(ProgressTask task) : IProgressStage
    {
        public void Update(int done, int total)
        {
            task.MaxValue = Math.Max(1, total);
            task.Value = Math.Min(done, task.MaxValue);
        }
    }
}
