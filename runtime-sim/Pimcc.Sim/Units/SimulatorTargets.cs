using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Targets;

namespace Pimcc.Sim.Units;

/// <summary>The registered target simulators (<see cref="ISimulatorTarget"/>), by description kind.</summary>
public static class SimulatorTargets
{
    private static readonly KindRegistry<ISimulatorTarget> Registry = new(s => s.Kind, "simulators");

    public static IReadOnlyList<ISimulatorTarget> All => Registry.All;

    public static ISimulatorTarget? Find(string kind) => Registry.Find(kind);

    /// <summary>The simulator for the binary's embedded target, with that target resolved.</summary>
    public static (ISimulatorTarget Simulator, TargetDescription Target) For(PimBinary binary, string fileName)
    {
        var target = EmbeddedTarget(binary, fileName);
        var sim = Find(target.Kind) ?? throw new PimccError(ExitCode.WrongTarget, $"{fileName}: section target",
            $"the binary was compiled for target '{target.Name}' of kind '{target.Kind}', which no registered simulator runs",
            $"kinds with a simulator: {Registry.Kinds}");
        return (sim, target);
    }

    /// <summary>The resolved target description embedded in the binary (parsed with <see cref="TargetLoader.Parse(string, string, IReadOnlyList{string})"/>).</summary>
    public static TargetDescription EmbeddedTarget(PimBinary binary, string fileName) =>
        binary.Target.Resolve($"{fileName}: section target", ExitCode.InvalidBinary, $"{fileName}: embedded target");
}
