using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Compiler.Targets.Hpim.Lowering;

/// <summary>
/// The <c>prefill</c> program. Not lowered yet (docs/hpim-lowering.md, "Status"): every core passes one all-core
/// barrier, then hands its channels a token (the same input-ready / output-ready events a GEMV uses) and waits
/// for it back, and halts; so the ABI's two entry points exist, no program is empty (an empty program would share
/// its entry word with the next one) and the simulator can run the decode program after it. The TCU lowering with streamed, double-buffered weights
/// (hpim.tile_m/n/k, sched.prefetch) replaces this.
/// </summary>
internal sealed class PrefillLowering(Module m, HpimTarget t, HbmLayout l, CoreCode[] cores, ChannelCode[] chans, Constants consts)
{
    public LocalBuffers Buffers { get; } = new(t, Module.Prefill);

    public void Emit(Function f)
    {
        _ = (m, l, consts, f);
        foreach (var c in cores)
        {
            c.Entry(Module.Prefill);
            c.I("bar", 0, cores.Length);
            var owned = t.Hbm.ChannelsOfCore(c.Core);
            foreach (var ch in owned) c.I("ev.sig", Events.InputReady(ch), 1);
            if (owned.Count > 0) c.I("ev.wait", Events.OutputReady(chans.Length, c.Core), owned.Count);
            c.I("halt");
        }
        foreach (var ch in chans)
        {
            ch.Entry(Module.Prefill);
            ch.C("wait", Events.InputReady(ch.Channel), 1);
            ch.C("sig", Events.OutputReady(chans.Length, t.Hbm.ChannelOwner[ch.Channel]), 1);
        }
    }
}
