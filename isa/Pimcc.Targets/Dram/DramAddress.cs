namespace Pimcc.Targets.Dram;

/// <summary>
/// A command's target inside one channel: a bank by its flat index (<see cref="DramOrganization"/>; for a command that
/// addresses a higher node, any bank under that node, conventionally the first), the row (for activates and accesses)
/// and the column (in the command's column space).
/// </summary>
public readonly record struct DramAddress(int Bank, int Row, int Column);
