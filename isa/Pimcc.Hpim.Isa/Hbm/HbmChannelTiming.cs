using Pimcc.Targets.Dram;

namespace Pimcc.Targets.Hbm;

/// <summary>
/// One HBM-PIM channel on the shared <see cref="DramTimingEngine"/>, addressed the HBM way (<see cref="HbmCommand"/>,
/// <see cref="HbmAddress"/>). It only translates: every timing, bank-state and refresh rule is the engine's. Cycles
/// are engine ticks: command clocks, or half clocks when the description puts row commands on half clocks
/// (<see cref="TicksPerClock"/>).
/// </summary>
public sealed class HbmChannelTiming
{
    private static readonly bool[] PerBank = HbmCommands.Table.Select(c => c.Scope == HbmCommandScope.Bank).ToArray();
    private readonly int _pch, _bgs, _banksPerBg;

    public HbmChannelTiming(HpimTarget target, bool enforceRefresh = true)
        : this(target, HbmTimingRules.Standard(target), enforceRefresh) { }

    /// <summary>A channel of <paramref name="standard"/>, built by <see cref="HbmTimingRules.Standard"/> for this target and shared by many channels.</summary>
    public HbmChannelTiming(HpimTarget target, DramStandard standard, bool enforceRefresh = true)
    {
        var org = target.Hbm.Organization;
        _pch = org.PseudoChannelsPerChannel;
        _bgs = org.BankGroupsPerPseudoChannel;
        _banksPerBg = org.BanksPerBankGroup;
        Engine = new DramTimingEngine(standard, enforceRefresh);
    }

    public DramTimingEngine Engine { get; }

    /// <summary>Engine ticks per HBM command clock (1, or 2 with row commands on half clocks).</summary>
    public int TicksPerClock => Engine.Standard.Clocking.TicksPerClock;

    /// <summary>The engine's address of an HBM one, or why it lies outside the channel.</summary>
    public string? Locate(HbmCommand command, HbmAddress a, out DramAddress address)
    {
        address = default;
        if ((uint)a.PseudoChannel >= (uint)_pch) return $"pseudo-channel {a.PseudoChannel} out of range 0..{_pch - 1}";
        var bank = a.PseudoChannel * _bgs * _banksPerBg;
        if (PerBank[(int)command])
        {
            if ((uint)a.BankGroup >= (uint)_bgs || (uint)a.Bank >= (uint)_banksPerBg)
                return $"bank group {a.BankGroup} / bank {a.Bank} out of range ({_bgs} x {_banksPerBg} per pseudo-channel)";
            bank += a.BankGroup * _banksPerBg + a.Bank;
        }
        address = new DramAddress(bank, a.Row, a.Column);
        return null;
    }

    /// <summary>Earliest cycle &gt;= <paramref name="now"/> at which the command may issue. Never changes the state.</summary>
    public DramProbe Probe(HbmCommand command, HbmAddress a, long now) =>
        Locate(command, a, out var d) is { } bad ? DramProbe.Illegal(bad) : Engine.Probe((int)command, d, now);

    /// <summary>Issues the command at <paramref name="cycle"/>; throws <see cref="DramProtocolViolation"/> when it is not legal then.</summary>
    public void Issue(HbmCommand command, HbmAddress a, long cycle)
    {
        if (Locate(command, a, out var d) is { } bad)
            throw new DramProtocolViolation(HbmCommands.Info(command).Mnemonic, a.ToString(), cycle, DramProbe.Illegal(bad));
        Engine.Issue((int)command, d, cycle);
    }

    /// <summary>Commands issued so far, by kind.</summary>
    public long IssuedCount(HbmCommand c) => Engine.IssuedCount((int)c);

    /// <summary>Open row of a bank, or null when precharged.</summary>
    public int? OpenRow(int pseudoChannel, int bankGroup, int bank)
    {
        var r = Engine.OpenRow((pseudoChannel * _bgs + bankGroup) * _banksPerBg + bank);
        return r == DramTimingEngine.ClosedRow ? null : r;
    }
}
