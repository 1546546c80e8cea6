using Pimcc.Isa.Container;
using Pimcc.Targets;
using Pimcc.Targets.Hpim;

namespace Pimcc.Tests.Hpim.Lowering;

/// <summary>The hbm memory space's one address function, checked by hand from the hpim preset's organisation and
/// against the memory image a compile writes.</summary>
public class HbmAddressMapTests
{
    private static HbmAddressMap Map() => new(TargetLoader.As<HpimTarget>(TargetLoader.LoadPreset("hpim", []), "hpim").Hbm.Organization);

    [Fact]
    public void AddressesFollowTheDocumentedFormulaOnThePreset()
    {
        var o = TargetLoader.As<HpimTarget>(TargetLoader.LoadPreset("hpim", []), "hpim").Hbm.Organization;
        var m = new HbmAddressMap(o);
        // (row x banks + bank) x page + column x 32, with the preset's 32 banks of 1 KiB pages and 32-byte columns.
        o.BanksPerChannel.ShouldBe(32);
        o.PageBytes.ShouldBe(1024);
        o.ColumnBytes.ShouldBe(32);
        m.Address(bank: 5, row: 3, column: 7).ShouldBe((3 * 32 + 5) * 1024 + 7 * 32);
        m.RowStride.ShouldBe(32 * 1024);
        // pc 1, bank group 2, bank 3 of 2 pseudo channels x 4 bank groups x 4 banks: 1 x 16 + 2 x 4 + 3.
        m.Bank(1, 2, 3).ShouldBe(27);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1024L * 33 + 64)]
    [InlineData(123456789L * 32)]
    public void PlacementAndAddressAreInverses(long address)
    {
        var m = Map();
        var p = m.Placement(2, 4, address);
        m.Address(p).ShouldBe(address);
        (p.Channel, p.ChannelCount).ShouldBe((2, 4));
    }

    [Fact]
    public void AnAddressInsideAColumnHasNoPlacement() =>
        Should.Throw<ArgumentException>(() => Map().Placement(0, 1, 33));

    [Fact]
    public void EveryPackedWeightRegionStartsWhereTheImageHoldsItsFirstBytes()
    {
        // The memory map (compiler layout) and the image (image builder) must agree through the address function:
        // a 1-D weight's region placement, mapped to an address, holds the weight's first bytes on channel 0.
        var sample = Pimcc.Tests.Functional.CompiledSample.Load("tiny-gpt2", prompt: 8, generated: 4);
        var bin = sample.Binary;
        var m = new HbmAddressMap(HpimPassTests.Hpim.Hbm.Organization);
        var checkedRegions = 0;
        foreach (var r in bin.MemoryMap.Where(r => r.Kind == RegionKind.Weight && r.Placement is HbmPlacement { Column: > 0 } or HbmPlacement { Bank: > 0 }))
        {
            var p = (HbmPlacement)r.Placement;
            var w = sample.Scheduled.Weights.FirstOrDefault(x => x.Name == r.Name);
            if (w is null || !w.HasData || w.Type.Rank > 1) continue;
            var address = m.Address(p);
            var chunk = bin.Image.Single(c => c.Space == HpimSpaces.Hbm && c.Index == 0 && c.Address <= address && address < c.End);
            var first = w.Data.AsSpan(0, 8).ToArray();
            chunk.Bytes.AsSpan((int)(address - chunk.Address), 8).ToArray().ShouldBe(first, r.Name);
            if (first.Any(b => b != 0)) checkedRegions++;
        }
        checkedRegions.ShouldBeGreaterThan(0);
    }
}
