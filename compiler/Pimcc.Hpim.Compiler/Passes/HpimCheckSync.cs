using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Ir;

namespace Pimcc.Hpim.Compiler.Passes;

/// <summary>
/// Self-check of the lowered streams: every core program ends in <c>halt</c>, and the events, barriers and
/// collectives of the prefill and of the first and last decode step balance without deadlock
/// (<see cref="SyncChecker"/>). A failure is a compiler bug, reported with the program and op.
/// </summary>
public sealed class HpimCheckSync : Pass
{
    public const string Checked = "hpim-sync-checked";

    public static readonly Statistic SyncOps = new("sync-ops", "events, barriers and collectives replayed over the checked programs");

    public override string Name => "hpim-check-sync";
    public override string Summary => "check that every emitted program halts and its synchronisation balances without deadlock";
    public override ImmutableArray<Statistic> Statistics => [SyncOps];
    public override ImmutableArray<string> Requires => [HpimLower.Lowered];
    public override bool IsCheck => true;
    public override ImmutableArray<string> Establishes => [Checked];

    public override Module Run(Module module, PassContext context)
    {
        context.Stats.Set(SyncOps, HpimBackend.CheckSync(HpimLower.Streams(context, Name), module));
        return module;
    }
}
