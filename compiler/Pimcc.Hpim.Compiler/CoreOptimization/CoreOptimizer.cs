namespace Pimcc.Hpim.Compiler.CoreOptimization;

/// <summary>
/// The machine-level passes over one lowered core stream (docs/hpim-lowering.md, "Core code clean-up"): redundant scalar
/// elimination and dead scalar elimination, then per loop nesting height (innermost first) loop constant hoisting
/// followed by both again. Each pass is a <see cref="CoreEdit"/> the stream takes only when every moved branch still
/// reaches its target. Values are unchanged: the passes only drop scalar words whose effect is already there or
/// unused, and run the loads of loop-invariant constants once before their loop.
/// </summary>
internal static class CoreOptimizer
{
    /// <summary>Hoisting rounds per nesting height: a hoist can free a register or leave the last write of one.</summary>
    private const int HoistRounds = 3;

    /// <summary>Cleans <paramref name="p"/> up in place and returns it.</summary>
    public static CoreProgram Run(CoreProgram p)
    {
        CleanUp(p);
        var heights = LoopConstantHoisting.Loops(p).Select(l => l.Height).DefaultIfEmpty(0).Max();
        for (var h = 1; h <= heights; h++)
            for (var round = 0; round < HoistRounds; round++)
            {
                var edit = LoopConstantHoisting.Run(p, h);
                if (!edit.Changed) break;
                p.Apply(edit);
                CleanUp(p);
            }
        return p;
    }

    private static void CleanUp(CoreProgram p)
    {
        p.Apply(RedundantScalarElimination.Run(p));
        p.Apply(DeadScalarElimination.Run(p));
    }
}
