using System.CommandLine;

namespace Pimcc.Driver.Commands;

/// <summary>Every subcommand of pimcc, in the order --help lists them.</summary>
public static class Subcommands
{
    public static IEnumerable<Command> All(ConsoleIo io) =>
    [
        SimCommand.Create(io),
        RunCommand.Create(io),
        CheckCommand.Create(io),
        EvalCommand.Create(io),
        SweepCommand.Create(io),
        CompareCommand.Create(io),
        AsmCommands.Asm(io),
        AsmCommands.Disasm(io),
        TargetsCommand.Create(io),
        PassesCommand.Create(io),
    ];
}
