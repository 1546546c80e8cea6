namespace Pimcc.Targets.Dram;

/// <summary>The engine's refresh controller (<see cref="DramTimingEngine"/>): due refreshes issued before a command,
/// open rows interrupted and reopened under <see cref="DramRefreshPolicy.InterruptOpenRows"/>, idle refreshes.</summary>
public sealed partial class DramTimingEngine
{
    /// <summary>
    /// The refresh controller: before a command at <paramref name="now"/>, each node (in order) whose refresh is due
    /// gets it, at its earliest legal cycle, as many as it owes. A node with open banks postpones it (up to the
    /// postponement limit, then <see cref="DramProtocolViolation"/>) or, under
    /// <see cref="DramRefreshPolicy.InterruptOpenRows"/>, is precharged, refreshed and has its rows reopened. Every
    /// command the controller issues is reported to <paramref name="listener"/>; each is tried from the cycle of the
    /// previous one.
    /// </summary>
    public void IssueDueRefreshes(long now, IDramRefreshListener listener)
    {
        if (Refresh.AnyDue(now)) IssueDue(now, listener);
    }

    private void IssueDue(long now, IDramRefreshListener listener)
    {
        var interrupt = _standard.Refresh.Policy == DramRefreshPolicy.InterruptOpenRows;
        // Rows to reopen, per node, once every due node is refreshed: commands issue in cycle order, so a node's
        // reopening activate (after its tRFC) must not hold back the next node's refresh.
        List<(int Node, int[] Rows)>? reopen = null;
        for (var q = 0; q < _openBanks.Length; q++)
        {
            if (!Refresh.IsDue(q, now)) continue;
            var a = new DramAddress(q * _banksPerRefreshNode, 0, 0);
            if (_openBanks[q] > 0)
            {
                if (!interrupt)
                {
                    if (now > Refresh.Deadline(q))
                        throw new DramProtocolViolation(_standard.Commands[_refreshCommand].Mnemonic, Describe(a), now,
                            DramProbe.Illegal($"{_org.Levels[_standard.Refresh.Level].Name} {q} kept a row open past the refresh postponement limit "
                                + $"({_standard.Refresh.MaxPostponed} x tREFI)"));
                    continue;
                }
                (reopen ??= []).Add((q, _openRow.AsSpan(a.Bank, _banksPerRefreshNode).ToArray()));
                now = IssueFor(listener, q, _standard.Refresh.PrechargeCommand, a, now);
            }
            while (Refresh.IsDue(q, now)) now = IssueFor(listener, q, _refreshCommand, a, now);
        }
        if (reopen is null) return;
        foreach (var (q, rows) in reopen) now = Reopen(listener, q, q * _banksPerRefreshNode, rows, now);
    }

    // Reopens the rows a refresh closed, each with the command that opened it: one all-bank activate for the banks it
    // covered (the same row in each), a per-bank activate for the others.
    private long Reopen(IDramRefreshListener listener, int node, int firstBank, ReadOnlySpan<int> rows, long now)
    {
        var openers = _openedBy.AsSpan(firstBank, rows.Length).ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] == ClosedRow || _openRow[firstBank + i] != ClosedRow) continue;
            var opener = openers[i];
            var scopeFirst = _nodeOf[_scopeLevel[opener] * _banks + firstBank + i] * _scopeBanks[opener];
            now = IssueFor(listener, node, opener, new DramAddress(scopeFirst, rows[i], 0), now);
        }
        return now;
    }

    private long IssueFor(IDramRefreshListener listener, int node, int command, DramAddress a, long now)
    {
        if (!TryIssueEarliest(command, a, now, out var cycle))
            throw new DramProtocolViolation(_standard.Commands[command].Mnemonic, Describe(a), now, Probe(command, a, now));
        listener.Issued(command, node, a, cycle);
        return cycle;
    }

    /// <summary>
    /// Refreshes of nodes with every bank precharged that fall due at or after <paramref name="from"/> and complete
    /// (tRFC) by <paramref name="to"/> while the channel sits idle: done in the background, off the command stream.
    /// Returns how many.
    /// </summary>
    public long RefreshWhileIdle(long from, long to) => Refresh.InBackground(from, to, _openBanks);
}
