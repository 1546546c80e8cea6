using Pimcc.Diagnostics;
using Pimcc.Targets;

namespace Pimcc.Tests.Targets;

public class TargetLoaderTests
{
    private static HpimTarget Hpim(params string[] overrides) => TargetLoader.LoadPreset<HpimTarget>("hpim", overrides);

    private static PimccError Fails(Action a) => Should.Throw<PimccError>(a);

    [Fact]
    public void HpimPresetHoldsThePaperHardwareTable()
    {
        var t = Hpim();
        t.ClockHz.ShouldBe(1_000_000_000);
        t.Sram.Cores.ShouldBe(32);
        t.Sram.PimUnit.Multipliers.ShouldBe(2048);
        t.Sram.PimUnit.CapacityBytes.ShouldBe(1024 * 1024);
        t.Sram.Tcu.MacsPerCycle.ShouldBe(4096);
        t.Sram.LocalMemory.ActivationBytes.ShouldBe(384 * 1024);
        t.Sram.LocalMemory.TempBytes.ShouldBe(32 * 1024);
        var org = t.Hbm.Organization;
        (org.Channels, org.PseudoChannels, org.Banks).ShouldBe((64, 128, 2048));
        org.BanksPerPseudoChannel.ShouldBe(16);
        org.CapacityBytes.ShouldBe(96L << 30);
        org.ColumnsPerRow.ShouldBe(32);
        org.ExternalBytesPerSecond.ShouldBe(3276.8e9, 1e3);
        t.Hbm.GlobalBufferBytes.ShouldBe(1024);
        t.Hbm.Pu.Multipliers.ShouldBe(16);
        t.Hbm.ChannelsOfCore(0).ShouldBe([0, 1]);
        t.Hbm.ChannelsOfCore(31).ShouldBe([62, 63]);
    }

    [Fact]
    public void TimesGivenForCycleKeysAreRoundedUpWithTheHbmClock()
    {
        var t = Hpim();
        t.Hbm.Timing.TckPs.ShouldBe(625m);
        t.Hbm.Timing.RFC.ShouldBe(976); // 610 ns / 0.625 ns
        Hpim("hbm.timing.nRCDRD=15ns").Hbm.Timing.RCDRD.ShouldBe(24); // 15 / 0.625 = 24
        Hpim("hbm.timing.nRCDRD=14.5ns").Hbm.Timing.RCDRD.ShouldBe(24); // 23.2 -> 24
        Hpim("hbm.timing.nRCDRD=25").Hbm.Timing.RCDRD.ShouldBe(25); // bare number: the key's unit (nCK)
    }

    [Fact]
    public void OverrideWithUnitSuffixIsConvertedAndDerivedTotalsFollow()
    {
        var t = Hpim("sram.localMemory.activation=512KiB");
        t.Sram.LocalMemory.ActivationBytes.ShouldBe(512 * 1024);
        t.Parameters["totals.onChipSram"].Number.ShouldBe(32m * (1024 * 1024 + 544 * 1024));
        t.Parameters["totals.onChipSram"].Source.ShouldStartWith("derived after overrides");
        t.Parameters["sram.localMemory.activation"].Source.ShouldStartWith("override --set sram.localMemory.activation=512KiB");
    }

    [Fact]
    public void RegistryListsHpimWithItsSummary()
    {
        TargetRegistry.Names.ShouldContain("hpim");
        TargetRegistry.Presets.Single(p => p.Name == "hpim").Summary.ShouldContain("32 SRAM-PIM cores");
    }

    [Fact]
    public void CanonicalJsonIsDeterministicAndLoadsBackToTheSameBytes()
    {
        var a = Hpim();
        var b = Hpim();
        a.CanonicalJson.ShouldBe(b.CanonicalJson);
        a.Sha256.ShouldBe(b.Sha256);
        a.Sha256.Length.ShouldBe(64);
        var again = TargetLoader.Parse<HpimTarget>(a.CanonicalJson, "canonical.json");
        again.CanonicalJson.ShouldBe(a.CanonicalJson);
        a.CanonicalJson.ShouldContain("\"nRFC\": {\n");
        a.CanonicalJson.ShouldContain("\"value\": 976,");
        a.CanonicalJson.ShouldNotContain("\r");
    }

    [Fact]
    public void AnOverrideChangesTheHash()
    {
        Hpim("hbm.timing.nRCDRD=24").Sha256.ShouldNotBe(Hpim().Sha256);
    }

    [Fact]
    public void FileMayExtendAPresetAndChangeOnlySomeKeys()
    {
        var t = TargetLoader.Parse<HpimTarget>("""
            { "format": "pimcc-target/1", "extends": "hpim", "name": "hpim-slow-noc",
              "noc": { "hopLatency": { "value": 5, "unit": "cycle", "source": "what-if study" } } }
            """, "slow.json");
        t.Name.ShouldBe("hpim-slow-noc");
        t.Noc.HopLatencyCycles.ShouldBe(5);
        t.Sram.Cores.ShouldBe(32);
    }

    [Fact]
    public void UnknownKeyInAFileIsNamedWithTheClosestValidKey()
    {
        var e = Fails(() => TargetLoader.Parse<HpimTarget>("""
            { "format": "pimcc-target/1", "extends": "hpim",
              "hbm": { "timing": { "nRCD": { "value": 20, "unit": "nCK", "source": "x" } } } }
            """, "my.json"));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Location.ShouldBe("my.json: key 'hbm.timing.nRCD'");
        e.Hint.ShouldContain("'hbm.timing.nRCDRD'");
    }

    [Fact]
    public void UnknownOverrideKeyIsNamedWithTheClosestValidKey()
    {
        var e = Fails(() => Hpim("sram.core=16"));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Location.ShouldBe("--set sram.core");
        e.Hint.ShouldContain("'sram.cores'");
    }

    [Fact]
    public void UnknownPresetIsUnknownTarget()
    {
        var e = Fails(() => TargetLoader.Load<HpimTarget>("hpimm"));
        e.Code.ShouldBe(ExitCode.UnknownTarget);
        e.Hint.ShouldContain("hpim");
    }

    [Fact]
    public void MissingFileIsInputNotFound() =>
        Fails(() => TargetLoader.Load<HpimTarget>("/nonexistent/target.json")).Code.ShouldBe(ExitCode.InputNotFound);

    [Theory]
    [InlineData("hbm.pageSize=3KiB", "hbm.pageSize", "power of two")]
    [InlineData("sram.cores=0", "sram.cores", "positive")]
    [InlineData("sram.cores=-4", "sram.cores", "positive")]
    [InlineData("sram.cores=2.5", "sram.cores", "whole number")]
    [InlineData("hbm.pageSize=3ns", "hbm.pageSize", "not a unit of Bytes")]
    [InlineData("hbm.pageSize=lots", "hbm.pageSize", "not a number")]
    [InlineData("hbm.timing.powerLimited=maybe", "hbm.timing.powerLimited", "not true or false")]
    [InlineData("noc.topology=torus", "noc.topology", "one of: mesh, ring, crossbar")]
    [InlineData("sram.cores", "sram.cores", "key=value")]
    public void BadOverrideValuesAreRejectedAtTheKey(string set, string key, string message)
    {
        var e = Fails(() => Hpim(set));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Location.ShouldBe($"--set {key}");
        e.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("hbm.timing.nRC=50", "hbm.timing.nRC", "smaller than nRAS")]
    [InlineData("hbm.timing.nCCDL=1", "hbm.timing.nCCDL", "smaller than nCCDS")]
    [InlineData("hbm.timing.nREFI=900", "hbm.timing.nREFI", "smaller than nRFC")]
    [InlineData("hbm.columnAccess=64", "hbm.columnAccess", "moves 32 B, not 64 B")]
    [InlineData("sram.cores=24", "hbm.channelToCore", "equal contiguous blocks")]
    [InlineData("sram.cores=128", "sram.cores", "only 64 HBM channels")]
    [InlineData("noc.meshColumns=5", "noc.meshColumns", "do not fill a mesh")]
    public void InconsistentOverridesAreRejected(string set, string key, string message)
    {
        var e = Fails(() => Hpim(set));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Location.ShouldEndWith(key + (e.Location.StartsWith("--set") ? "" : "'"));
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void DataRateThatDisagreesWithTckIsRejectedAtTck()
    {
        var e = Fails(() => Hpim("hbm.dataRate=5.2"));
        e.Location.ShouldBe("preset 'hpim': key 'hbm.timing.tCK'");
        e.Message.ShouldContain("0.7692 ns");
    }

    [Fact]
    public void InterleavedMappingAllowsCoreCountsThatDoNotDivideTheChannels()
    {
        var t = Hpim("sram.cores=24", "hbm.channelToCore=interleaved", "noc.meshColumns=6");
        t.Hbm.ChannelsOfCore(0).ShouldBe([0, 24, 48]);
        t.Hbm.ChannelsOfCore(23).ShouldBe([23, 47]);
    }

    [Fact]
    public void StatedTotalThatDisagreesInAFileIsAnError()
    {
        var e = Fails(() => TargetLoader.Parse<HpimTarget>("""
            { "format": "pimcc-target/1", "extends": "hpim",
              "sram": { "localMemory": { "activation": { "value": 512, "unit": "KiB", "source": "what-if" } } } }
            """, "big.json"));
        e.Location.ShouldBe("big.json: key 'totals.onChipSram'");
        e.Message.ShouldContain("does not match");
        e.Hint.ShouldContain("49");
    }

    [Theory]
    [InlineData("""{ "format": "pimcc-target/2", "name": "x" }""", "format", "unsupported format")]
    [InlineData("""{ "name": "x" }""", "format", "missing \"format\"")]
    [InlineData("""{ "format": "pimcc-target/1", "extends": "hpim", "sram": { "cores": { "value": 8, "unit": "count" } } }""", "sram.cores", "no source")]
    [InlineData("""{ "format": "pimcc-target/1", "extends": "hpim", "sram": { "cores": { "value": 8, "source": "s" } } }""", "sram.cores", "no unit")]
    [InlineData("""{ "format": "pimcc-target/1", "extends": "hpim", "sram": { "cores": { "value": 8, "unit": "count", "source": "s", "min": 1 } } }""", "sram.cores", "unexpected field 'min'")]
    [InlineData("""{ "format": "pimcc-target/1", "extends": "hpim", "sram": { "cores": 8 } }""", "sram.cores", "expected an object")]
    [InlineData("""{ "format": "pimcc-target/1", "extends": "hpim", "sram": { "cores": { "value": [8], "unit": "count", "source": "s" } } }""", "sram.cores", "must be a number")]
    [InlineData("""{ "format": "pimcc-target/1", "extends": "hpim", "sram": { "cores": { "value": 8, "unit": "count", "source": "s" } }, "sram": { "cores": { "value": 9, "unit": "count", "source": "s" } } }""", "sram.cores", "defined twice")]
    [InlineData("""{ "format": "pimcc-target/1", "name": "partial", "kind": "hpim", "sram": { "cores": { "value": 8, "unit": "count", "source": "s" } } }""", "system.clock", "missing key")]
    public void StructuralErrorsNameTheKey(string json, string key, string message)
    {
        var e = Fails(() => TargetLoader.Parse<HpimTarget>(json, "t.json"));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Location.ShouldBe($"t.json: key '{key}'");
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void MalformedJsonReportsTheLine()
    {
        var e = Fails(() => TargetLoader.Parse<HpimTarget>("{\n  \"format\": \"pimcc-target/1\",\n  oops\n}", "t.json"));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Location.ShouldBe("t.json:3");
    }

    [Fact]
    public void ExtendingAnUnknownPresetIsUnknownTarget()
    {
        var e = Fails(() => TargetLoader.Parse<HpimTarget>("""{ "format": "pimcc-target/1", "extends": "nope" }""", "t.json"));
        e.Code.ShouldBe(ExitCode.UnknownTarget);
        e.Location.ShouldBe("t.json: key 'extends'");
    }
}

public class ScaledPresetTests
{
    [Fact]
    public void OneStackPresetExtendsHpimAndPassesItsOwnTotals()
    {
        var t = TargetLoader.LoadPreset<HpimTarget>("hpim-1stack");
        t.Sram.Cores.ShouldBe(4);
        t.Hbm.Organization.Channels.ShouldBe(16);
        t.Hbm.ChannelsOfCore(1).ShouldBe([4, 5, 6, 7]);
        t.Hbm.Timing.ShouldBe(TargetLoader.LoadPreset<HpimTarget>("hpim").Hbm.Timing);
        t.Sha256.ShouldNotBe(TargetLoader.LoadPreset<HpimTarget>("hpim").Sha256);
    }
}
