namespace Pimcc.Driver.Progress;

/// <summary>
/// Progress of long work (compile passes, simulated runs, sweep points), shown on standard error only when it is a
/// terminal (<see cref="TerminalProgress"/>); everywhere else (pipes, CI, tests) <see cref="None"/>, which shows
/// nothing. Progress never writes to standard output, so stdout is byte-identical with and without it.
/// </summary>
public abstract class ProgressDisplay
{
    /// <summary>Shows nothing: the work runs as it would without progress.</summary>
    public static ProgressDisplay None { get; } = new Silent();

    /// <summary>Runs <paramref name="work"/>, which reports through the stages it opens.</summary>
    public abstract T Run<T>(Func<IProgressStages, T> work);

    private sealed class Silent : ProgressDisplay, IProgressStages, IProgressStage
    {
        public override T Run<T>(Func<IProgressStages, T> work) => work(this);
        public IProgressStage Stage(string description, int total) => this;
        public void Update(int done, int total) { }
    }
}

/// <summary>Opens the stages of a piece of work (one bar each).</summary>
public interface IProgressStages
{
    IProgressStage Stage(string description, int total);
}

/// <summary>One stage: <paramref name="done"/> of <paramref name="total"/> steps (the total may grow as it is learnt).</summary>
public interface IProgressStage
{
    void Update(int done, int total);
}
