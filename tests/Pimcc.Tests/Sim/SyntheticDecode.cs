using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;

namespace Pimcc.Tests.Sim;

/// <summary>
/// An OPT-shaped decode program built directly as a <see cref="PimBinary"/> (the compiler backend is not merged
/// yet): per layer, the QKV, output-projection, FC1 and FC2 weights are striped over all 64 channels and run as
/// GEMV tile reps on both pseudo-channels; each core feeds its two channels (events), then runs attention over kv
/// (r30) with the PIM unit and VCU. Used for the speed benchmark and for scale tests.
/// </summary>
internal static class SyntheticDecode
{
    private static Op S(string m, params long[] v) => SramIsa.Table.Make(m, v);
    private static Op H(string m, params long[] v) => HbmCommandSet.Table.Make(m, v);

    public static PimBinary Build(int dModel, int layers)
    {
        var target = SimPrograms.Target();
        var channels = target.Hbm.Organization.Channels;
        var cores = target.Sram.Cores;
        var rowBytes = target.Hbm.Organization.BanksPerPseudoChannel * target.Hbm.Organization.PageBytes;
        (string Name, long Out, long In)[] mats = [("q", 3L * dModel, dModel), ("out_proj", dModel, dModel), ("fc1", 4L * dModel, dModel), ("fc2", dModel, 4L * dModel)];
        var debug = new List<DebugRange>();
        var chStreams = new List<ChannelStream>();
        for (var ch = 0; ch < channels; ch++)
        {
            var ops = new List<Op>();
            long rowBase = 0;
            for (var l = 0; l < layers; l++)
                foreach (var (name, o, i) in mats)
                {
                    var first = ops.Count;
                    var tiles = Math.Max(1, 2 * o * i / (channels * 2L * rowBytes));
                    ops.Add(H("wait", 100 + ch, 1));
                    ops.Add(H("rep", 32, 2, 0, 0, 1, 1, 1));
                    ops.Add(H("gwr", 0, 0, ch / 2, 0));
                    ops.Add(H("gwr", 1, 0, ch / 2, 0));
                    ops.Add(H("res.clr", 0));
                    ops.Add(H("res.clr", 1));
                    ops.Add(H("rep", tiles, 9, 1, 0, 0, 16, 16));
                    ops.Add(H("act.ab", 0, rowBase % 40000));
                    ops.Add(H("act.ab", 1, rowBase % 40000));
                    ops.Add(H("rep", 32, 2, 0, 1, 1, 0, 0));
                    ops.Add(H("mac.ab", 0, 0, 0));
                    ops.Add(H("mac.ab", 1, 0, 0));
                    ops.Add(H("pre.ab", 0));
                    ops.Add(H("pre.ab", 1));
                    ops.Add(H("res.rd.ab", 0, ch / 2, 0));
                    ops.Add(H("res.rd.ab", 1, ch / 2, 512));
                    ops.Add(H("sig", 200 + ch, 1));
                    rowBase += tiles;
                    debug.Add(new DebugRange(HpimStreams.Channel, ch, first, ops.Count - first, l * 10 + 1, $"l{l}.attn.{name}"));
                }
            chStreams.Add(new ChannelStream(ch, ops));
        }
        var coreStreams = new List<CoreStream>();
        for (var c = 0; c < cores; c++)
        {
            var ops = new List<Op>();
            void Li(int r, long v) => ops.AddRange(SramIsa.LoadImmediate(r, (uint)v));
            for (var l = 0; l < layers; l++)
                for (var j = 0; j < mats.Length; j++)
                {
                    var first = ops.Count;
                    ops.Add(S("ev.sig", 100 + 2 * c, 1));
                    ops.Add(S("ev.sig", 101 + 2 * c, 1));
                    ops.Add(S("ev.wait", 200 + 2 * c, 1));
                    ops.Add(S("ev.wait", 201 + 2 * c, 1));
                    debug.Add(new DebugRange(HpimStreams.Core, c, first, ops.Count - first, l * 10 + 2, $"l{l}.attn.{mats[j].Name}"));
                    if (j == 0)
                    {
                        // Attention over kv in tiles of 64 positions: scores on the PIM unit, softmax on the VCU.
                        first = ops.Count;
                        Li(1, 6);
                        ops.Add(S("shr", 10, 30, 1));       // r10 = kv / 64
                        ops.Add(S("addi", 10, 10, 1));
                        Li(2, 0); Li(3, 4096); Li(4, 64 << 16 | 128); Li(5, 0); Li(6, 64);
                        var loop = ops.Count;
                        ops.Add(S("pim.gemv", 3, 2, 4, 5, 0, 0));
                        ops.Add(S("vexp", 3, 3, 6, 0));
                        ops.Add(S("loop", 10, loop - ops.Count));
                        debug.Add(new DebugRange(HpimStreams.Core, c, first, ops.Count - first, l * 10 + 3, $"l{l}.attn.qk"));
                    }
                    if (j == 2)
                    {
                        first = ops.Count;
                        Li(7, 8192); Li(8, 4L * dModel / cores);
                        ops.Add(S("vrelu", 7, 7, 8, 0));
                        debug.Add(new DebugRange(HpimStreams.Core, c, first, ops.Count - first, l * 10 + 4, $"l{l}.ffn.relu"));
                    }
                }
            ops.Add(S("halt"));
            coreStreams.Add(new CoreStream(c, ops));
        }
        var json = System.Text.Encoding.UTF8.GetBytes(target.CanonicalJson);
        return HpimBinary.Create(new TargetBlob("hpim", json), coreStreams, chStreams, [], debug);
    }
}
