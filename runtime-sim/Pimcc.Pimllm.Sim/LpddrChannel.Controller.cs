using Pimcc.Targets.Dram;
using Cmd = Pimcc.Targets.Dram.Lpddr5Command;

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// The exact path: the controller issues a transfer's commands one by one (see <see cref="LpddrChannel"/>), from a
/// state it can pause at the top of a step and resume later (<see cref="FromIdle"/>).
/// </summary>
public sealed partial class LpddrChannel
{
    // The controller between two steps: the next burst whose row is not open yet and that row, the transfer's last
    // burst, the open rows and the rows to close, whose turn it is among the open rows, the clock and the data end.
    internal sealed class Controller
    {
        public long Next, Last;
        public (DramAddress At, int Next, int End) Row;
        public bool Write;
        public readonly List<(DramAddress At, int Next, int End)> Open = new(Window);
        public readonly List<DramAddress> Closing = new(Window);
        public int Turn;
        public long Now, Done;

        public void CopyFrom(Controller o)
        {
            (Next, Last, Row, Write, Turn, Now, Done) = (o.Next, o.Last, o.Row, o.Write, o.Turn, o.Now, o.Done);
            Open.Clear();
            Open.AddRange(o.Open);
            Closing.Clear();
            Closing.AddRange(o.Closing);
        }
    }

    private readonly Controller _c = new();

    // The row of burst c.Next, to the transfer's last burst or the end of its page.
    private void NextRow(Controller c)
    {
        if (c.Next > c.Last) return;
        var page = c.Next / _org.BurstsPerRow;
        var start = (int)(c.Next % _org.BurstsPerRow);
        var end = (int)Math.Min(_org.BurstsPerRow, c.Last - page * _org.BurstsPerRow + 1);
        c.Row = (Page(page, start), start, end);
    }

    // Command by command, in engine clocks.
    private long Exact(long firstBurst, long lastBurst, bool write, long fromCycle)
    {
        var c = _c;
        Start(c, firstBurst, lastBurst, write, fromCycle);
        Run(c, -1);
        return c.Done;
    }

    private void Start(Controller c, long firstBurst, long lastBurst, bool write, long fromCycle)
    {
        // A page beyond the channel is refused before any command.
        Page(lastBurst / _org.BurstsPerRow, 0);
        (c.Next, c.Last, c.Write, c.Turn, c.Now, c.Done) = (firstBurst, lastBurst, write, 0, fromCycle, fromCycle);
        c.Open.Clear();
        c.Closing.Clear();
        NextRow(c);
    }

    // Steps the controller until the transfer's last burst's data has moved, or until the top of a step at which burst
    // pauseAt is next to open (true; calling again continues as if not paused).
    private bool Run(Controller c, long pauseAt)
    {
        var (open, closing) = (c.Open, c.Closing);
        var access = (int)(c.Write ? Cmd.Wr : Cmd.Rd);
        var dataLatency = (c.Write ? _t.CWL : _t.CL) + _t.BL;
        var now = c.Now;
        var turn = c.Turn;
        try
        {
            while (c.Next <= c.Last || open.Count > 0 || closing.Count > 0)
            {
                if (c.Next == pauseAt) return true;
                if (_recording && now > _horizon) _horizon = now;
                var refreshDue = _engine.Refresh.AnyDue(now);
                if (refreshDue && open.Count == 0 && closing.Count == 0 && _engine.AllBanksClosed)
                {
                    _engine.IssueDueRefreshes(now, this);
                    refreshDue = false;
                }
                // Candidates: the next burst of the open row whose turn it is, or an activate of the next row.
                var burstAt = long.MaxValue;
                var index = -1;
                for (var k = 0; k < open.Count; k++)
                {
                    var i = (turn + k) % open.Count;
                    if (Probe(access, open[i].At with { Column = open[i].Next }, now, out var at) && at < burstAt) (burstAt, index) = (at, i);
                }
                var actAt = long.MaxValue;
                if (!refreshDue && c.Next <= c.Last && open.Count < Window)
                {
                    if (Probe((int)Cmd.Act, c.Row.At, now, out var at)) actAt = at;
                }
                var preAt = long.MaxValue;
                var closeIndex = -1;
                for (var i = 0; i < closing.Count; i++)
                {
                    Probe((int)Cmd.Pre, closing[i], now, out var at);
                    if (at < preAt) (preAt, closeIndex) = (at, i);
                }
                if (index < 0 && actAt == long.MaxValue && closeIndex < 0)
                    throw new InvalidOperationException($"LPDDR controller stalled at clock {now}: nothing legal to issue (simulator bug)");
                if (preAt < burstAt && preAt <= actAt)
                {
                    Issue((int)Cmd.Pre, closing[closeIndex], preAt);
                    closing.RemoveAt(closeIndex);
                    now = preAt;
                    continue;
                }
                if (actAt < burstAt)
                {
                    Issue((int)Cmd.Act, c.Row.At, actAt);
                    open.Add(c.Row);
                    c.Next = c.Next / _org.BurstsPerRow * _org.BurstsPerRow + c.Row.End;
                    NextRow(c);
                    now = actAt;
                    continue;
                }
                var row = open[index];
                Issue(access, row.At with { Column = row.Next }, burstAt);
                Bursts++;
                now = burstAt;
                c.Done = Math.Max(c.Done, burstAt + dataLatency);
                row = row with { Next = row.Next + 1 };
                if (row.Next < row.End)
                {
                    open[index] = row;
                    turn = index + 1;
                    continue;
                }
                open.RemoveAt(index);
                turn = index;
                closing.Add(row.At);
            }
            return false;
        }
        finally
        {
            (c.Now, c.Turn) = (now, turn);
        }
    }

    /// <summary>
    /// A run from an idle channel paused at the top of the controller step at which its last page was next to open:
    /// the engine and the controller then (<see cref="FromIdle"/>).
    /// </summary>
    internal sealed class Pause(DramStandard standard)
    {
        internal readonly DramTimingEngine Engine = new(standard);
        internal readonly Controller State = new();
        internal long FirstBurst = -1;
    }

    /// <summary>
    /// Clocks from the first command to the last burst's data of a transfer from this channel's engine as
    /// <paramref name="idle"/> leaves it at clock 0 (an idle channel), resumed from <paramref name="pause"/> when that
    /// holds a run of the same first burst and direction that this transfer reaches the paused page of. Exact: up to
    /// the pause the two runs make the same decisions, since a step reads the rows to open only through the next one
    /// (the same page and first burst in both) and whether there is one (there is, in both), and the rows before the
    /// shorter run's last page are whole pages in both. Leaves <paramref name="pause"/> at this transfer's last page when
    /// that is as far or further (a shorter transfer runs from idle and leaves it as it is).
    /// </summary>
    internal long FromIdle(long firstBurst, long lastBurst, bool write, LpddrChannel idle, Pause pause)
    {
        var c = _c;
        var pauseAt = Math.Max(firstBurst, lastBurst / _org.BurstsPerRow * _org.BurstsPerRow);
        var resume = pause.FirstBurst == firstBurst && pause.State.Write == write && pause.State.Next <= pauseAt;
        if (resume)
        {
            Page(lastBurst / _org.BurstsPerRow, 0);
            _engine.CopyFrom(pause.Engine);
            c.CopyFrom(pause.State);
            c.Last = lastBurst;
            NextRow(c);
        }
        else
        {
            _engine.CopyFrom(idle._engine);
            Start(c, firstBurst, lastBurst, write, 0);
        }
        if ((resume || pause.FirstBurst < 0) && Run(c, pauseAt))
        {
            pause.Engine.CopyFrom(_engine);
            pause.State.CopyFrom(c);
            pause.FirstBurst = firstBurst;
        }
        Run(c, -1);
        return c.Done;
    }
}
