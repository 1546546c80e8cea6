using System.Runtime.InteropServices;
using Pimcc.Pimllm.Isa;
using Pimcc.Targets.Dram;
using Cmd = Pimcc.Targets.Dram.Lpddr5Command;

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// One LPDDR5 channel driven command by command on the shared DRAM engine (<see cref="DramTimingEngine"/> with the
/// description's <see cref="Lpddr5Standard"/> table): a DMA transfer becomes ACT, RD16/WR16 and PRE commands.
/// <para>Address map: consecutive pages (one row of one bank, <c>lpddr.pageSize</c>) rotate over the bank groups
/// first, then over the banks within a group, then advance the row, so a long transfer keeps every bank group busy.
/// Controller: closed page (a row is precharged once its last burst is issued, when that is the earliest command); up to <see cref="Window"/> rows open at once;
/// the next command is the one legal earliest (a burst before an activate on a tie), bursts round-robin over the open
/// rows; when a refresh is due no new row is opened until every bank is closed and the refresh has been issued.</para>
/// <para>Fast path: a transfer of more than <see cref="ExactPages"/> pages takes the time the same transfer takes from
/// an idle channel (<see cref="LpddrTransferTimes"/>, timed once command by command, its refreshes included); the
/// refreshes due meanwhile are taken as done and the engine's clock skips the span
/// (<see cref="DramRefreshSchedule.Skip"/>). What it leaves out: overlap with the previous transfer's last commands (the
/// DMA streams issue transfers one after another anyway) and the refresh phase. Tests check it against the exact path.</para>
/// <para>Memo: a shorter transfer whose shape and relative channel state were seen before, with no refresh due within
/// the recorded span, replays the recorded commands (<see cref="LpddrTransferMemo"/>: the same commands at the same
/// offsets as the exact path, so the same figures).</para>
/// </summary>
public sealed partial class LpddrChannel : IDramRefreshListener
{
    /// <summary>Longest transfer, in pages, timed command by command when transfer times are given.</summary>
    public const int ExactPages = 8;

    /// <summary>Rows the controller keeps open at once (one per bank group, twice over: tFAW allows four activates per window).</summary>
    public const int Window = 8;

    private readonly DramTimingEngine _engine;
    private readonly Lpddr5Organization _org;
    private readonly Lpddr5Timing _t;
    private readonly int _burstBytes;

    private readonly LpddrTransferTimes? _times;
    private long _closedFormActivates;

    private readonly LpddrTransferMemo? _memo;
    private readonly long[] _key = [];

    /// <param name="times">The times of long transfers; null: every transfer command by command.</param>
    /// <param name="memo">Short transfers' command sequences by relative state; null: each derived anew.</param>
    public LpddrChannel(LpddrConfig lpddr, LpddrTransferTimes? times = null, LpddrTransferMemo? memo = null)
    {
        _times = times;
        _memo = memo;
        _org = lpddr.Organization;
        _t = lpddr.Timing;
        _burstBytes = lpddr.BurstBytes;
        _engine = new DramTimingEngine(lpddr.Standard());
        if (memo is not null) _key = new long[4 + _engine.HistoryLength];
    }

    /// <summary>Bytes of one page: a row of one bank.</summary>
    public long PageBytes => (long)_org.BurstsPerRow * _burstBytes;

    public decimal TckPs => _t.TckPs;

    /// <summary>All-bank refreshes issued so far.</summary>
    public long Refreshes { get; private set; }

    /// <summary>Bursts transferred so far.</summary>
    public long Bursts { get; private set; }

    /// <summary>Activates issued so far.</summary>
    public long Activates => _engine.IssuedCount((int)Cmd.Act) + _closedFormActivates;

    public void Issued(int command, int node, DramAddress address, long cycle)
    {
        if (command == (int)Cmd.RefAb) Refreshes++;
    }

    /// <summary>The bank and row of a page.</summary>
    public DramAddress Page(long page, int burst)
    {
        var groups = _org.BankGroups;
        var group = (int)(page % groups);
        var bank = (int)(page / groups % _org.BanksPerBankGroup);
        var row = page / _org.Banks;
        if (row >= _org.RowsPerBank) throw new ArgumentOutOfRangeException(nameof(page), $"page {page} is beyond the channel's {_org.RowsPerBank} rows per bank");
        return new DramAddress(Lpddr5Standard.BankIndex(_org, group, bank), (int)row, burst);
    }

    /// <summary>
    /// Reads (or writes) <paramref name="bytes"/> from byte <paramref name="address"/> of the channel, no command
    /// before command clock <paramref name="fromCycle"/>: the clock at which the last burst's data has moved.
    /// </summary>
    public long Transfer(long address, long bytes, bool write, long fromCycle)
    {
        if (bytes <= 0) return fromCycle;
        var firstBurst = address / _burstBytes;
        var lastBurst = (address + bytes - 1) / _burstBytes;
        var bursts = lastBurst - firstBurst + 1;
        var skipped = _engine.Refresh.SkippedCycles;
        if (_times is { } times && bursts > (long)ExactPages * _org.BurstsPerRow)
        {
            // As from an idle channel (every transfer ends with its rows precharged).
            var span = times.Cycles(address, bytes, write, PageBytes);
            var now = fromCycle - skipped;
            Refreshes += _engine.Refresh.SkipDueBefore(now + span);
            _engine.Refresh.Skip(span);
            Bursts += bursts;
            _closedFormActivates += (lastBurst / _org.BurstsPerRow) - (firstBurst / _org.BurstsPerRow) + 1;
            return fromCycle + span;
        }
        return Short(firstBurst, lastBurst, write, fromCycle - skipped) + skipped;
    }

    // A transfer of at most ExactPages pages: replayed from the memo when it holds the shape from the same relative
    // state and no refresh falls due within the recorded span; else command by command (and recorded).
    private long Short(long firstBurst, long lastBurst, bool write, long fromCycle)
    {
        var bursts = lastBurst - firstBurst + 1;
        if (_memo is null || bursts > (long)ExactPages * _org.BurstsPerRow) return Exact(firstBurst, lastBurst, write, fromCycle);
        // The refreshes owed are the exact path's first step (every bank is closed between transfers); issued here,
        // the rest of the transfer depends on the history they leave.
        if (_engine.Refresh.AnyDue(fromCycle) && _engine.AllBanksClosed) _engine.IssueDueRefreshes(fromCycle, this);
        var firstPage = firstBurst / _org.BurstsPerRow;
        var key = _key;
        (key[0], key[1], key[2], key[3]) = (firstPage % _org.Banks, firstBurst % _org.BurstsPerRow, bursts, write ? 1 : 0);
        var length = 4 + _engine.WriteHistory(fromCycle, key.AsSpan(4));
        var nextDue = _engine.Refresh.NextDue() - fromCycle;
        // A page beyond the channel: the exact path says which.
        var rowsLeft = (lastBurst / _org.BurstsPerRow) / _org.Banks < _org.RowsPerBank;
        if (rowsLeft && _memo.Find(key, length, nextDue) is { } e)
        {
            _engine.Replay(e.Change, fromCycle);
            Bursts += e.Bursts;
            return fromCycle + e.Done;
        }
        var closed = _engine.AllBanksClosed;
        (_recording, _horizon) = (true, fromCycle);
        _recorded.Clear();
        var bursted = Bursts;
        var done = Exact(firstBurst, lastBurst, write, fromCycle);
        _recording = false;
        if (closed && _horizon - fromCycle < nextDue && _engine.Change(CollectionsMarshal.AsSpan(_recorded), fromCycle) is { } change)
            _memo.Add(key, length, new LpddrTransferMemo.Entry(change, Bursts - bursted, done - fromCycle, _horizon - fromCycle));
        return done;
    }

    // The exact path's record for the memo: on while a short transfer is recorded, the commands issued, and the
    // latest clock or probe answer seen.
    private bool _recording;
    private long _horizon;
    private readonly List<(int Command, int Bank, long Cycle)> _recorded = [];

    private bool Probe(int command, DramAddress a, long now, out long at)
    {
        var legal = _engine.TryProbeEarliest(command, a, now, out at);
        if (_recording && at != long.MaxValue && at > _horizon) _horizon = at;
        return legal;
    }

    private void Issue(int command, DramAddress a, long cycle)
    {
        _engine.Issue(command, a, cycle);
        if (_recording) _recorded.Add((command, a.Bank, cycle));
    }
}
