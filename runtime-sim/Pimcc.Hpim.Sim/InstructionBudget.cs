using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
namespace Pimcc.Hpim.Sim;

/// <summary>
/// How many instructions one core may execute in one program run before the simulators call it a runaway (a loop
/// whose counter was corrupted, a jump to itself). Derived from what the binary can legitimately do: every loop of a
/// compiled program runs at most once per layer and per token position, so a core executes at most about
/// stream words x layers x (positions + 1); the budget is <see cref="Slack"/> times that, and never below
/// <see cref="Floor"/> so small hand-written programs are not cut short. Measured: OPT-125M runs 8 to 20 instructions per
/// word per run, against a budget of 480 to 540 (8-token prompt, 12 layers).
/// </summary>
public static class InstructionBudget
{
    public const long Slack = 4;
    public const long Floor = 1 << 20;

    /// <param name="words">Words in the core's stream.</param>
    /// <param name="layers">Layers this run executes (all of them, or the sampled few).</param>
    public static long For(int words, int layers, ProgramRegisters registers)
    {
        var positions = (long)Math.Max(registers.PromptLength, registers.Kv) + 1;
        var legit = (decimal)words * Math.Max(1, layers) * positions * Slack;
        return (long)Math.Min(Math.Max(legit, Floor), long.MaxValue);
    }

    public static string Explain(long budget) =>
        $"more than {budget} instructions, {Slack}x what the program can run (stream words x layers x (positions + 1)); it does not halt";
}
