namespace Pimcc.Targets.Dram;

/// <summary>What a command does to the banks it covers; the engine's bank-state rules are written once per effect.</summary>
public enum DramBankEffect
{
    /// <summary>No bank state (a buffer write, a result read).</summary>
    None,
    /// <summary>Opens the addressed row in every covered bank; each must be precharged.</summary>
    Open,
    /// <summary>A column access to the open row; every covered bank must have the addressed row open.</summary>
    Access,
    /// <summary>Precharges every covered bank.</summary>
    Close,
    /// <summary>Refreshes the covered banks; each must be precharged. Counts toward the refresh schedule.</summary>
    Refresh,
}

/// <summary>
/// One command of a DRAM standard, as the timing engine sees it: which node it addresses, which banks it covers and
/// what it does to them. A PIM command (all-bank activate, MAC, global-buffer write) is a row like any other.
/// </summary>
/// <param name="Mnemonic">As in messages and rule descriptions.</param>
/// <param name="ScopeLevel">The level of the node the command addresses (the bank level for per-bank commands).</param>
/// <param name="CoversBanksBelow">The command touches every bank under its node (all-bank commands) rather than
/// only the node's shared logic; timing rules at deeper levels then apply to each of those banks.</param>
/// <param name="Effect">Bank-state effect on the covered banks.</param>
/// <param name="ColumnSpace">Name of the space the column operand indexes ("column", "global buffer column"); null
/// when the command takes no column.</param>
/// <param name="Columns">Size of that space.</param>
/// <param name="Bus">Command bus the command is sent on (HBM3: 0 row, 1 column); commands of one bus are spaced by
/// the preceding one's <paramref name="BusTicks"/>. -1: the standard spaces its commands by rule rows of its own.</param>
/// <param name="BusTicks">Engine ticks (<see cref="DramClocking.TicksPerClock"/>) the command holds its bus: HBM3's
/// ACT 1.5 clocks = 3 half-clock ticks, PRE 0.5 clock = 1 tick.</param>
/// <param name="OnClockEdge">The command is taken on a clock's rising edge only (HBM3 column commands), so with
/// ticks shorter than a clock it issues at the next whole clock.</param>
public sealed record DramCommandSpec(string Mnemonic, int ScopeLevel, bool CoversBanksBelow, DramBankEffect Effect,
    string? ColumnSpace = null, int Columns = 0, int Bus = -1, int BusTicks = 1, bool OnClockEdge = false);
