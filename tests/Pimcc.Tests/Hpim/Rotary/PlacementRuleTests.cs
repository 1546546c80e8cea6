using Pimcc.Hpim.Compiler;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Tests.Hpim.Lowering;

namespace Pimcc.Tests.Hpim.Rotary;

/// <summary>The planner and the lowering size GEMV weights with one rule (<see cref="HbmRowBudget.FeaturesPerChannel"/>).</summary>
public class PlacementRuleTests
{
    [Fact]
    public void FeaturesPerChannelFollowsAlgorithm1AndStriping()
    {
        var budget = HbmRowBudget.Of(HpimPassTests.Hpim.Hbm.Organization);
        // OPT-13B q_proj: 40 heads of 128, rounds [32, 8] heads on [2, 8] channels per head: 64 + 16 columns per channel
        budget.FeaturesPerChannel(5120, [2, 8], 40).ShouldBe(80);
        // TP: 20480 fc1 features over 64 channels; 50272 vocabulary rows: 786 on the fullest channel
        budget.FeaturesPerChannel(20480, null, 1).ShouldBe(320);
        budget.FeaturesPerChannel(50272, null, 1).ShouldBe(786);
        // 80 features on 32 banks take 3 row groups; 5120 inputs are 10 page-sized chunks
        budget.RowsForLinearWeight(5120, 5120 * 2, [2, 8], 40).ShouldBe(30);
    }

    [Fact]
    public void ThePlannersRowsAreExactlyWhatTheLoweringsGemvPlanAddresses()
    {
        var m = HpimPassTests.Compile(DecoderModels.Build(new DecoderModels.Shape(5120, 40, 20480, 2, 50272, 64), prompt: 8, generated: 4));
        var layout = new HbmLayout(HpimPassTests.Hpim);
        var gemvs = m.FindFunction("decode")!.Body.Where(Pimcc.Hpim.Compiler.Passes.HpimTileWeights.IsWeightLinear).ToList();
        gemvs.Count.ShouldBe(13);
        foreach (var op in gemvs)
        {
            var g = GemvPlan.Of(op, m, layout, HpimPassTests.Hpim);
            var rows = HbmLayout.Rows(g.Weight);
            rows.ShouldBe(HbmRowBudget.Ceil(g.FeaturesPerChannel, layout.Banks) * g.Chunks, op.Id);
        }
    }
}
