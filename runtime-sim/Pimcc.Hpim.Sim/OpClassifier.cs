using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Sim;

/// <summary>
/// hpim's classification of words into <see cref="WorkClass"/>es: by the IR op name of their debug range
/// (<see cref="IrOpClass"/>, shared by every simulator), else by the unit they run on.
/// </summary>
public static class OpClassifier
{
    /// <summary>Class of an IR op name; null when no token is recognised.</summary>
    public static WorkClass? Classify(string irOpName) => IrOpClass.Classify(irOpName);

    /// <summary>Class of work on a unit with no (recognised) debug range.</summary>
    public static WorkClass ByUnit(Unit unit) => unit switch
    {
        Unit.Transfer or Unit.HbmInterface or Unit.Noc => WorkClass.DataMovement,
        Unit.Vcu => WorkClass.Nonlinear,
        _ => WorkClass.Other,
    };
}
