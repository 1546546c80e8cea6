using System.Text;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;
using Xunit.Abstractions;

namespace Pimcc.Tests.Isa;

/// <summary>
/// Size model of a 30B-parameter program (OPT-30B, spec/hpim.md: 48 layers, 56 heads, d_emb 7168) on 32 cores and
/// 64 channels, with per-layer op counts of the shape the HPIM backend emits (rep nests for GEMVs, loops for GEMM
/// tiles, one debug range per op per stream). Word contents do not change the size; the counts do.
/// </summary>
public class ProgramSizeTests(ITestOutputHelper output)
{
    private const int Layers = 48, Heads = 56, Cores = 32, Channels = 64;
    private const int CoreWordsPerLayer = 400;      // prefill GEMM tile loops + decode attention, softmax, norms
    private const int ChannelWordsPerLayer = 160;   // 6 weight GEMVs x 2 pCH x (10-command nest + sync) + KV append
    private const int OpsPerLayer = 20;             // IR ops per layer that leave words in a stream

    [Fact]
    public void ThirtyBillionParameterProgramStaysWellUnderSixteenMegabytes()
    {
        var rng = new Random(30);
        // One layer's worth of words, repeated per layer (sizes, not contents, are under test).
        var coreLayer = Words(rng, SramIsa.Table, CoreWordsPerLayer);
        var channelLayer = Words(rng, HbmCommandSet.Table, ChannelWordsPerLayer);
        var cores = Enumerable.Range(0, Cores).Select(c => new CoreStream(c, Repeat(coreLayer))).ToList();
        var channels = Enumerable.Range(0, Channels).Select(c => new ChannelStream(c, Repeat(channelLayer))).ToList();
        var regions = new List<MemoryRegion>();
        for (var l = 0; l < Layers; l++)
        {
            foreach (var w in new[] { "q_proj", "k_proj", "v_proj", "out_proj", "fc1", "fc2" })
            {
                regions.Add(new MemoryRegion($"layers.{l}.{w}.weight", RegionKind.Weight, new HbmPlacement(0, Channels, 0, 0, 0, 4096L * l, 0), 1_600_000));
                regions.Add(new MemoryRegion($"layers.{l}.{w}.bias", RegionKind.Weight, new HbmPlacement(0, Channels, 1, 7, 3, 4096L * l + 4000, 0), 448));
            }
            for (var h = 0; h < Heads; h++)
                foreach (var kv in new[] { "k", "v" })
                    regions.Add(new MemoryRegion($"kv.layers.{l}.{kv}.head{h}", RegionKind.KvCache, new HbmPlacement(h % Channels, 1, 1, h % 8, 0, 200_000 + l * 64, 0), 2048 * 128 * 2));
        }
        for (var c = 0; c < Cores; c++)
            foreach (var a in new[] { "x", "q", "kT", "v", "scores", "attn_out", "residual", "ffn" })
                regions.Add(new MemoryRegion($"core{c}.{a}", RegionKind.Activation, new LocalPlacement(c, rng.Next(1 << 18)), 28_672));
        var debug = new List<DebugRange>();
        foreach (var (kind, index, len) in cores.Select(c => (HpimStreams.Core, c.Core, c.Instructions.Count))
                     .Concat(channels.Select(c => (HpimStreams.Channel, c.Channel, c.Commands.Count))))
        {
            var per = len / (Layers * OpsPerLayer);
            for (var i = 0; i < Layers * OpsPerLayer; i++)
                debug.Add(new DebugRange(kind, index, i * per, per, 1000 + i, $"layers.{i / OpsPerLayer}.op{i % OpsPerLayer}"));
        }
        var bin = HpimBinary.Create(new TargetBlob("hpim", Encoding.UTF8.GetBytes(new string(' ', 8000))), cores, channels, regions, debug);

        var bytes = PimBinaryWriter.Write(bin);
        var read = PimBinaryReader.Read(bytes, "opt-30b.bin");

        long streamBytes = cores.Sum(c => c.Instructions.Count * 4L) + channels.Sum(c => c.Commands.Count * 8L);
        output.WriteLine($"OPT-30B-shaped out.bin: {bytes.Length:N0} bytes ({streamBytes:N0} stream words, {regions.Count:N0} regions, {debug.Count:N0} debug ranges)");
        bytes.Length.ShouldBeLessThan(8 * 1024 * 1024, "must stay well under 16 MB");
        read.Debug.Count.ShouldBe(debug.Count);
        read.MemoryMap.Count.ShouldBe(regions.Count);
    }

    private static List<Op> Repeat(List<Op> layer)
    {
        var all = new List<Op>(layer.Count * Layers);
        for (var l = 0; l < Layers; l++)
            all.AddRange(layer);
        return all;
    }

    private static List<Op> Words(Random rng, OpTable table, int n)
    {
        // Straight-line ops (no branches or reps): the stream rules are not what this test measures.
        var rows = table.Rows.Where(r => r.Mnemonic != "rep" && r.Operands.All(o => o.Kind != FieldKind.Offset)).ToList();
        var ops = new List<Op>(n);
        for (var i = 0; i < n; i++)
        {
            var spec = rows[rng.Next(rows.Count)];
            ops.Add(Op.Create(spec, spec.Operands.Select(f => RandomPrograms.Value(rng, f)).ToArray()));
        }
        return ops;
    }
}
