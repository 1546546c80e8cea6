using Pimcc.Targets.Dram;

namespace Pimcc.Targets.Hbm;

/// <summary>Commands an HBM-PIM channel accepts: JEDEC HBM3 ones plus the PIM compute-mode ones.</summary>
public enum HbmCommand
{
    /// <summary>Activate one row in one bank.</summary>
    Act,
    /// <summary>Precharge one bank.</summary>
    Pre,
    /// <summary>Precharge all banks of a pseudo-channel (normal mode).</summary>
    PreA,
    /// <summary>Read one column of one bank over the data bus.</summary>
    Rd,
    /// <summary>Write one column of one bank over the data bus.</summary>
    Wr,
    /// <summary>All-bank refresh of a pseudo-channel.</summary>
    Ref,
    /// <summary>PIM: activate the same row in every bank of a pseudo-channel.</summary>
    ActAb,
    /// <summary>PIM: precharge every bank of a pseudo-channel after compute.</summary>
    PreAb,
    /// <summary>PIM: one column access in one bank, multiplied by its PU with the global buffer.</summary>
    MacSb,
    /// <summary>PIM: one column access in every bank of a pseudo-channel, each into its own PU.</summary>
    MacAb,
    /// <summary>PIM: write one column of activations into the pseudo-channel's global buffer.</summary>
    WrGb,
    /// <summary>PIM: read the PUs' result registers out over the data bus.</summary>
    RdRes,
}

/// <summary>What part of a pseudo-channel a command touches.</summary>
public enum HbmCommandScope
{
    /// <summary>One bank (the address's bank group and bank).</summary>
    Bank,
    /// <summary>Every bank of the address's pseudo-channel.</summary>
    AllBanks,
    /// <summary>The pseudo-channel's shared logic (global buffer, result path), no bank.</summary>
    PseudoChannel,
}

/// <summary>Command bus a command is sent on (HBM has separate row and column command buses).</summary>
public enum HbmCommandBus { Row, Column }

/// <summary>One row of the command table: the static facts about a command, including what it does to bank state.</summary>
public sealed record HbmCommandInfo(HbmCommand Command, string Mnemonic, HbmCommandScope Scope, HbmCommandBus Bus, DramBankEffect Effect, string Summary);

/// <summary>The command table; the single place that says what each command touches.</summary>
public static class HbmCommands
{
    public static IReadOnlyList<HbmCommandInfo> Table { get; } =
    [
        new(HbmCommand.Act,   "ACT",   HbmCommandScope.Bank,          HbmCommandBus.Row,    DramBankEffect.Open,    "activate a row in one bank"),
        new(HbmCommand.Pre,   "PRE",   HbmCommandScope.Bank,          HbmCommandBus.Row,    DramBankEffect.Close,   "precharge one bank"),
        new(HbmCommand.PreA,  "PREA",  HbmCommandScope.AllBanks,      HbmCommandBus.Row,    DramBankEffect.Close,   "precharge all banks of the pseudo-channel"),
        new(HbmCommand.Rd,    "RD",    HbmCommandScope.Bank,          HbmCommandBus.Column, DramBankEffect.Access,  "read a column over the data bus"),
        new(HbmCommand.Wr,    "WR",    HbmCommandScope.Bank,          HbmCommandBus.Column, DramBankEffect.Access,  "write a column over the data bus"),
        new(HbmCommand.Ref,   "REF",   HbmCommandScope.AllBanks,      HbmCommandBus.Row,    DramBankEffect.Refresh, "all-bank refresh of the pseudo-channel"),
        new(HbmCommand.ActAb, "ACTAB", HbmCommandScope.AllBanks,      HbmCommandBus.Row,    DramBankEffect.Open,    "activate the same row in every bank (compute mode)"),
        new(HbmCommand.PreAb, "PREAB", HbmCommandScope.AllBanks,      HbmCommandBus.Row,    DramBankEffect.Close,   "precharge every bank (compute mode)"),
        new(HbmCommand.MacSb, "MACSB", HbmCommandScope.Bank,          HbmCommandBus.Column, DramBankEffect.Access,  "MAC one column of one bank with the global buffer"),
        new(HbmCommand.MacAb, "MACAB", HbmCommandScope.AllBanks,      HbmCommandBus.Column, DramBankEffect.Access,  "MAC one column of every bank with the global buffer"),
        new(HbmCommand.WrGb,  "WRGB",  HbmCommandScope.PseudoChannel, HbmCommandBus.Column, DramBankEffect.None,    "write one column of activations to the global buffer"),
        new(HbmCommand.RdRes, "RDRES", HbmCommandScope.PseudoChannel, HbmCommandBus.Column, DramBankEffect.None,    "read the PU result registers"),
    ];

    public static HbmCommandInfo Info(HbmCommand c) => Table[(int)c];
}

/// <summary>
/// Hierarchy levels a timing rule can apply at. The stack ID (the die of an 8-high or taller stack a bank sits on,
/// JESD238 SID) splits a pseudo-channel's bank groups; the ISA's bank-group field counts across it, so a bank's
/// flat index is the same whether the description declares one stack ID or more.
/// </summary>
public enum HbmLevel { Channel, PseudoChannel, StackId, BankGroup, Bank }

/// <summary>
/// A command's target inside one channel. Bank group is counted within the pseudo-channel.
/// For all-bank and pseudo-channel commands only <see cref="PseudoChannel"/> (and the row for
/// ACTAB/MACAB, the column for MACAB/WRGB) matter.
/// </summary>
public readonly record struct HbmAddress(int PseudoChannel, int BankGroup, int Bank, int Row, int Column)
{
    public static HbmAddress AllBanks(int pseudoChannel, int row = 0, int column = 0) => new(pseudoChannel, 0, 0, row, column);
    public override string ToString() => $"pch{PseudoChannel}.bg{BankGroup}.b{Bank} row {Row} col {Column}";
}
