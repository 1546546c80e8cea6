using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Diagnostics;

namespace Pimcc.Hpim.Sim.Functional;

/// <summary>A located execution fault: stream, word and (from the debug ranges) the IR op that emitted the word.</summary>
internal static class FunctionalFault
{
    public static PimccError At(string stream, int word, string? irOp, string message, string hint) =>
        new(ExitCode.ExecutionFault, $"{stream} word {word}" + (irOp is null ? "" : $" ({irOp})"), message, hint);
}

/// <summary>A stream of a functional run: runs until it blocks or finishes.</summary>
internal interface IFunctionalAgent
{
    string Name { get; }
    bool Done { get; }
    string? BlockedOn { get; }

    /// <summary>Runs until blocked or done; true when it executed at least one word.</summary>
    bool Run();
}
