using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Compiler.Passes;

namespace Pimcc.Tests.Pimllm;

/// <summary>Output-stationary schedules on a 32 x 32 array, counted by hand: a tile costs K + 31 + 31 cycles.</summary>
public class SystolicScheduleTests
{
    [Fact]
    public void ADecodeGemvUsesOneRowOfEachTile()
    {
        // 1 x 64 by 64 x 129: ceil(129 / 32) = 5 tiles of 64 + 62 cycles.
        var s = SystolicSchedule.Gemm(1, 64, 129, 32, 32);
        s.ShouldBe(new SystolicSchedule(5, 5 * 126, 64 * 129));
        s.Utilization(32, 32).ShouldBe(64.0 * 129 / (630 * 1024), 1e-12);
    }

    [Fact]
    public void CausalPrefillSkipsTheMaskedTiles()
    {
        // 64 queries, no past: block 0 sees 32 keys (1 tile), block 1 sees 64 (2 tiles); K = d = 64.
        var qk = SystolicSchedule.CausalScores(64, 0, 64, 32, 32);
        qk.Tiles.ShouldBe(3);
        qk.Cycles.ShouldBe(3 * 126);
        qk.Macs.ShouldBe(64 * 65 / 2 * 64);                         // 2080 unmasked pairs x d
        // S·V: block 0 reduces over 32 keys, block 1 over 64; 2 column tiles of d = 64 each.
        var sv = SystolicSchedule.CausalValues(64, 0, 64, 32, 32);
        sv.Tiles.ShouldBe(4);
        sv.Cycles.ShouldBe(2 * (32 + 62) + 2 * (64 + 62));
        sv.Macs.ShouldBe(qk.Macs);
        // With 100 cached keys the first block already sees 132 keys: 5 tiles, then 164: 6.
        SystolicSchedule.CausalScores(64, 100, 64, 32, 32).Tiles.ShouldBe(11);
    }

    [Fact]
    public void DecodeAttentionRunsQkAndSvPerKvHead()
    {
        // gpt2-medium at 128 cached tokens: 16 heads of 64; 129 keys. Q·Kᵀ: 5 tiles x 126; S·V: 2 tiles x (129 + 62).
        var a = PimllmLowerAttention.Schedule(1, 128, 16, 16, 64, 32, 32);
        a.Products.Tiles.ShouldBe(16 * (5 + 2));
        a.Products.Cycles.ShouldBe(16 * (5 * 126 + 2 * 191));
        a.Products.Macs.ShouldBe(16 * 2 * 64 * 129);
        a.SoftmaxElements.ShouldBe(16 * 129);
        // Grouped-query attention stacks the 4 query heads of a KV head as rows: same tiles, 4x the MACs.
        var g = PimllmLowerAttention.Schedule(1, 128, 32, 8, 128, 32, 32);
        g.Products.Tiles.ShouldBe(8 * (5 + 4));
        g.Products.Macs.ShouldBe(32 * 2 * 128 * 129);
    }
}
