using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Passes;

/// <summary>
/// Self-check of the lowered channel streams: replayed on the HBM timing engine, no command breaks a timing rule
/// (<see cref="HbmLegality"/>; large binaries check a prefix of channel 0's programs, see
/// <see cref="HpimBackend.CheckTiming"/>). A failure is a compiler bug.
/// </summary>
public sealed class HpimCheckTiming : Pass
{
    public const string Checked = "hpim-timing-checked";

    public static readonly Statistic Channels = new("channels-checked", "channel streams replayed on the HBM timing engine");

    public override string Name => "hpim-check-timing";
    public override string Summary => "check that the emitted HBM command streams obey every timing rule of the target's HBM";
    public override ImmutableArray<Statistic> Statistics => [Channels];
    public override ImmutableArray<string> Requires => [HpimLower.Lowered];
    public override bool IsCheck => true;
    public override ImmutableArray<string> Establishes => [Checked];

    public override Module Run(Module module, PassContext context)
    {
        context.Stats.Set(Channels, HpimBackend.CheckTiming(HpimLower.Streams(context, Name), context.TargetAs<HpimTarget>()));
        return module;
    }
}
