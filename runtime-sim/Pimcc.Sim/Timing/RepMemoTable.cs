namespace Pimcc.Sim.Timing;

/// <summary>
/// One program run's view of the rep memo (<see cref="SimOptions.RepMemo"/>): blocks timed by earlier runs (shared,
/// only read while runs are in flight) plus the blocks this run times itself. Runs that execute side by side each get
/// a view over the same shared table and commit their own blocks afterwards in run order, so which run timed a
/// block first never depends on thread timing, and results are the same with one thread or many.
/// </summary>
internal sealed class RepMemoTable(Dictionary<string, ChannelAgent.RepMemo> shared)
{
    private readonly Dictionary<string, ChannelAgent.RepMemo> _own = new(StringComparer.Ordinal);

    public bool TryGet(string key, out ChannelAgent.RepMemo memo) =>
        _own.TryGetValue(key, out memo!) || shared.TryGetValue(key, out memo!);

    public void Set(string key, ChannelAgent.RepMemo memo) => _own[key] = memo;

    /// <summary>Adds this run's blocks to the shared table (a block another run committed first is kept).</summary>
    public void Commit()
    {
        foreach (var (key, memo) in _own) shared.TryAdd(key, memo);
    }
}
