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

    public static CoreProgram Run(CoreProgram p)
    {
        p = CleanUp(p);
        var heights = LoopConstantHoisting.Loops(p).Select(l => l.Height).DefaultIfEmpty(0).Max();
        for (var h = 1; h <= heights; h++)
            for (var round = 0; round < HoistRounds; round++)
            {
                var edit = LoopConstantHoisting.Run(p, h);
                if (!edit.Changed) break;
                p = CleanUp(Take(p, edit));
            }
        return p;
    }

    private static CoreProgram CleanUp(CoreProgram p)
    {
        p = Take(p, RedundantScalarElimination.Run(p));
        return Take(p, DeadScalarElimination.Run(p));
    }

    private static CoreProgram Take(CoreProgram p, CoreEdit edit) => edit.Changed ? p.Apply(edit) ?? p : p;
}
