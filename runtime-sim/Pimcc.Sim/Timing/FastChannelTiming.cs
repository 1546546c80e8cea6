using Pimcc.Targets;
using Pimcc.Targets.Hbm;

namespace Pimcc.Sim.Timing;

/// <summary>
/// The simulator's hot-loop form of <see cref="HbmChannelTimingEngine"/>: the SAME rule rows
/// (<see cref="HbmTimingRules.Build"/>) and the same bank-state rules, compiled into flat arrays so one probe costs
/// a few hundred array reads instead of iterator and string allocations (the shared engine is written for clarity
/// and legality checks; at ~1e5 ns per command it cannot time a decode step of a large model).
/// FastChannelTimingTests checks it against the shared engine on random command sequences: same earliest cycle,
/// same legality, command for command. <see cref="SimOptions.ReferenceEngine"/> runs the simulator on the shared engine.
/// </summary>
internal sealed class FastChannelTiming : IChannelTiming
{
    private const long Never = long.MinValue / 4;
    private static readonly int CommandCount = Enum.GetValues<HbmCommand>().Length;
    private const int LevelCount = 4;

    private readonly record struct CompiledRule(int Level, int Preceding, int Latency, int Window, int WindowKey);

    private readonly CompiledRule[][] _byFollowing;
    private readonly long[][] _last;
    private readonly long[][][] _rings;   // [windowKey][node][slot]
    private readonly int[][] _heads;      // [windowKey][node]
    private readonly int[] _windowKeyOf;  // [level * CommandCount + command] -> window key or -1
    private readonly int[] _openRow;
    private readonly int _pch, _bgPer, _banksPerBg, _banksPerPc, _columns, _gbColumns;
    private readonly long _rows;
    private readonly HbmCommandScope[] _scope;
    private long _lastIssue = Never;

    public FastChannelTiming(HpimTarget target)
    {
        var org = target.Hbm.Organization;
        _pch = org.PseudoChannelsPerChannel;
        _bgPer = org.BankGroupsPerPseudoChannel;
        _banksPerBg = org.BanksPerBankGroup;
        _banksPerPc = _bgPer * _banksPerBg;
        _rows = org.RowsPerBank;
        _columns = org.ColumnsPerRow;
        _gbColumns = (int)(target.Hbm.GlobalBufferBytes / org.ColumnBytes);
        _scope = Enumerable.Range(0, CommandCount).Select(c => HbmCommands.Info((HbmCommand)c).Scope).ToArray();
        var rules = HbmTimingRules.Build(target);

        _windowKeyOf = Enumerable.Repeat(-1, LevelCount * CommandCount).ToArray();
        var sizes = new List<int>();
        var keyLevels = new List<int>();
        foreach (var r in rules.Where(r => r.Window > 1))
        {
            var k = (int)r.Level * CommandCount + (int)r.Preceding;
            if (_windowKeyOf[k] < 0) { _windowKeyOf[k] = sizes.Count; sizes.Add(r.Window); keyLevels.Add((int)r.Level); }
            else sizes[_windowKeyOf[k]] = Math.Max(sizes[_windowKeyOf[k]], r.Window);
        }
        _rings = new long[sizes.Count][][];
        _heads = new int[sizes.Count][];
        for (var k = 0; k < sizes.Count; k++)
        {
            var nodes = NodeCount(keyLevels[k]);
            _rings[k] = Enumerable.Range(0, nodes).Select(_ => Enumerable.Repeat(Never, sizes[k]).ToArray()).ToArray();
            _heads[k] = new int[nodes];
        }
        _byFollowing = new CompiledRule[CommandCount][];
        for (var c = 0; c < CommandCount; c++)
            _byFollowing[c] = rules.Where(r => (int)r.Following == c)
                .Select(r => new CompiledRule((int)r.Level, (int)r.Preceding, r.Latency, r.Window,
                    r.Window > 1 ? _windowKeyOf[(int)r.Level * CommandCount + (int)r.Preceding] : -1)).ToArray();
        _last = new long[LevelCount][];
        for (var l = 0; l < LevelCount; l++)
        {
            _last[l] = new long[NodeCount(l) * CommandCount];
            Array.Fill(_last[l], Never);
        }
        _openRow = Enumerable.Repeat(-1, _pch * _banksPerPc).ToArray();
    }

    public HbmProbe Probe(HbmCommand command, HbmAddress a, long now)
    {
        if (CheckAddress(command, a) is { } bad) return new HbmProbe(long.MaxValue, null, bad);
        if (CheckState(command, a) is { } illegal) return new HbmProbe(long.MaxValue, null, illegal);
        var earliest = Math.Max(now, _lastIssue);
        var scope = _scope[(int)command];
        foreach (var r in _byFollowing[(int)command])
        {
            var (first, count) = Nodes(r.Level, scope, a);
            for (var node = first; node < first + count; node++)
            {
                long since;
                if (r.WindowKey >= 0)
                {
                    var ring = _rings[r.WindowKey][node];
                    since = ring.Length != r.Window ? Never : ring[(_heads[r.WindowKey][node] + 1) % ring.Length];
                }
                else since = _last[r.Level][node * CommandCount + r.Preceding];
                if (since == Never) continue;
                var t = since + r.Latency;
                if (t > earliest) earliest = t;
            }
        }
        return new HbmProbe(earliest, null, null);
    }

    public void Issue(HbmCommand command, HbmAddress a, long cycle)
    {
        var scope = _scope[(int)command];
        for (var l = 0; l < LevelCount; l++)
        {
            var (first, count) = Nodes(l, scope, a);
            var key = _windowKeyOf[l * CommandCount + (int)command];
            var last = _last[l];
            for (var node = first; node < first + count; node++)
            {
                last[node * CommandCount + (int)command] = cycle;
                if (key >= 0)
                {
                    var ring = _rings[key][node];
                    var h = (_heads[key][node] + 1) % ring.Length;
                    _heads[key][node] = h;
                    ring[h] = cycle;
                }
            }
        }
        switch (command)
        {
            case HbmCommand.Act: _openRow[Bank(a)] = a.Row; break;
            case HbmCommand.Pre: _openRow[Bank(a)] = -1; break;
            case HbmCommand.PreA or HbmCommand.PreAb: Array.Fill(_openRow, -1, a.PseudoChannel * _banksPerPc, _banksPerPc); break;
            case HbmCommand.ActAb: Array.Fill(_openRow, a.Row, a.PseudoChannel * _banksPerPc, _banksPerPc); break;
        }
        _lastIssue = cycle;
    }

    private (int First, int Count) Nodes(int level, HbmCommandScope scope, HbmAddress a)
    {
        switch (level)
        {
            case 0: return (0, 1);
            case 1: return (a.PseudoChannel, 1);
            case 2:
                return scope switch
                {
                    HbmCommandScope.Bank => (a.PseudoChannel * _bgPer + a.BankGroup, 1),
                    HbmCommandScope.AllBanks => (a.PseudoChannel * _bgPer, _bgPer),
                    _ => (0, 0),
                };
            default:
                return scope switch
                {
                    HbmCommandScope.Bank => (Bank(a), 1),
                    HbmCommandScope.AllBanks => (a.PseudoChannel * _banksPerPc, _banksPerPc),
                    _ => (0, 0),
                };
        }
    }

    private int Bank(HbmAddress a) => (a.PseudoChannel * _bgPer + a.BankGroup) * _banksPerBg + a.Bank;

    private int NodeCount(int level) => level switch { 0 => 1, 1 => _pch, 2 => _pch * _bgPer, _ => _pch * _banksPerPc };

    private string? CheckState(HbmCommand command, HbmAddress a)
    {
        switch (command)
        {
            case HbmCommand.Act when _openRow[Bank(a)] != -1:
                return $"bank already has row {_openRow[Bank(a)]} open; precharge first";
            case HbmCommand.Rd or HbmCommand.Wr or HbmCommand.MacSb:
                var open = _openRow[Bank(a)];
                return open == a.Row ? null : open == -1 ? "bank is precharged; activate the row first" : $"bank has row {open} open, not row {a.Row}";
            case HbmCommand.ActAb or HbmCommand.Ref:
                for (var b = a.PseudoChannel * _banksPerPc; b < (a.PseudoChannel + 1) * _banksPerPc; b++)
                    if (_openRow[b] != -1) return "a bank of the pseudo-channel is open; precharge all first";
                return null;
            case HbmCommand.MacAb:
                for (var b = a.PseudoChannel * _banksPerPc; b < (a.PseudoChannel + 1) * _banksPerPc; b++)
                    if (_openRow[b] != a.Row) return $"not every bank of the pseudo-channel has row {a.Row} open; use ACTAB first";
                return null;
        }
        return null;
    }

    private string? CheckAddress(HbmCommand command, HbmAddress a)
    {
        if ((uint)a.PseudoChannel >= _pch) return $"pseudo-channel {a.PseudoChannel} out of range 0..{_pch - 1}";
        if (_scope[(int)command] == HbmCommandScope.Bank && ((uint)a.BankGroup >= _bgPer || (uint)a.Bank >= _banksPerBg))
            return $"bank group {a.BankGroup} / bank {a.Bank} out of range ({_bgPer} x {_banksPerBg} per pseudo-channel)";
        if (command is HbmCommand.Act or HbmCommand.ActAb && (a.Row < 0 || a.Row >= _rows)) return $"row {a.Row} out of range 0..{_rows - 1}";
        if (command is HbmCommand.Rd or HbmCommand.Wr or HbmCommand.MacSb or HbmCommand.MacAb && (uint)a.Column >= _columns)
            return $"column {a.Column} out of range 0..{_columns - 1}";
        if (command == HbmCommand.WrGb && (uint)a.Column >= _gbColumns) return $"global buffer column {a.Column} out of range 0..{_gbColumns - 1}";
        return null;
    }
}

/// <summary>What the channel model needs from a timing engine: a non-mutating probe and a strict issue.</summary>
internal interface IChannelTiming
{
    HbmProbe Probe(HbmCommand command, HbmAddress address, long now);
    void Issue(HbmCommand command, HbmAddress address, long cycle);
}

/// <summary>The shared engine behind <see cref="IChannelTiming"/> (reference mode).</summary>
internal sealed class SharedEngineTiming(HpimTarget target) : IChannelTiming
{
    private readonly HbmChannelTimingEngine _engine = new(target, enforceRefresh: false);

    public HbmProbe Probe(HbmCommand command, HbmAddress address, long now) => _engine.Probe(command, address, now);

    public void Issue(HbmCommand command, HbmAddress address, long cycle) => _engine.Issue(command, address, cycle);
}
