namespace Pimcc.Targets.Dram;

/// <summary>
/// The shape of one LPDDR5 channel as a target describes it: bank groups, banks, rows and the bursts that fill a row
/// (a row of 2 KiB read in 32-byte BL16 bursts of a x16 channel holds 64). One rank per channel; rank switching
/// (tCS) is not modelled.
/// </summary>
public sealed record Lpddr5Organization(int BankGroups, int BanksPerBankGroup, long RowsPerBank, int BurstsPerRow)
{
    public int Banks => BankGroups * BanksPerBankGroup;
}

/// <summary>
/// An LPDDR5 timing set in command clocks (nCK of <see cref="TckPs"/>): the values a target description resolves,
/// named as in JESD209-5. <see cref="Lpddr5Standard"/> turns them into the shared engine's rule table.
/// </summary>
public sealed record Lpddr5Timing
{
    /// <summary>Command clock (CK) period in picoseconds.</summary>
    public required decimal TckPs { get; init; }
    /// <summary>Data bus occupancy of one burst (BL16: 2 CK at a 4:1 WCK:CK ratio).</summary>
    public required int BL { get; init; }
    public required int CL { get; init; }
    public required int CWL { get; init; }
    public required int RCD { get; init; }
    /// <summary>Per-bank precharge (PRE) to activate.</summary>
    public required int RPpb { get; init; }
    /// <summary>All-bank precharge (PREA) to activate.</summary>
    public required int RPab { get; init; }
    public required int RAS { get; init; }
    public required int RC { get; init; }
    public required int WR { get; init; }
    public required int RTP { get; init; }
    /// <summary>Column to column, different bank group (BL16: the burst).</summary>
    public required int CCDS { get; init; }
    /// <summary>Column to column, same bank group.</summary>
    public required int CCDL { get; init; }
    public required int RRD { get; init; }
    public required int WTRS { get; init; }
    public required int WTRL { get; init; }
    /// <summary>Read-to-write bus turnaround beyond RL + BL - WL (tWCKDQO / tCK).</summary>
    public required int RTW { get; init; }
    public required int FAW { get; init; }
    public required int PPD { get; init; }
    public required int RFCab { get; init; }
    public required int REFI { get; init; }
    public required int MaxPostponedRefreshes { get; init; }
    /// <summary>Command-bus clocks of an activate (ACT-1 and ACT-2).</summary>
    public required int RowCommand { get; init; }
    /// <summary>Command-bus clocks of any other command.</summary>
    public required int Command { get; init; }
}
