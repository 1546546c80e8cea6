using Pimcc.Diagnostics;
using Pimcc.Gpu.Isa;
using Pimcc.Targets;
using Shouldly;
using Xunit;

namespace Pimcc.Tests.Gpu;

/// <summary>The a100 and h100 presets hold the datasheet values (NVIDIA A100 and H100 datasheets), and bad values are refused at their key.</summary>
public class GpuDescriptionTests
{
    private static GpuTarget Load(string preset, params string[] overrides) => TargetLoader.LoadPreset<GpuTarget>(preset, overrides);

    [Fact]
    public void A100PresetHoldsTheDatasheetValuesAndLlmCompassOverheads()
    {
        var t = Load("a100");
        t.Kind.ShouldBe("gpu");
        t.FlopsPerSecond.ShouldBe(312e12);
        t.BytesPerSecond.ShouldBe(2039e9);
        t.CapacityBytes.ShouldBe(80L << 30);
        t.PowerWatts.ShouldBe(400);
        t.Overheads.Enabled.ShouldBeFalse();
        t.Overheads.Of(KernelClass.Matmul).ShouldBe(0);
        var on = Load("a100", "overhead.enabled=true").Overheads;
        on.Of(KernelClass.Matmul).ShouldBe(21e-6, 1e-15);
        on.Of(KernelClass.Softmax).ShouldBe(12e-6, 1e-15);
        on.Of(KernelClass.LayerNorm).ShouldBe(45e-6, 1e-15);
        on.Of(KernelClass.Gelu).ShouldBe(45e-6, 1e-15);
        on.Of(KernelClass.Elementwise).ShouldBe(0);
    }

    [Fact]
    public void H100PresetExtendsA100WithItsOwnDatasheetValues()
    {
        var h = Load("h100");
        h.Kind.ShouldBe("gpu");
        h.FlopsPerSecond.ShouldBe(989.4e12);
        h.BytesPerSecond.ShouldBe(3350e9);
        h.PowerWatts.ShouldBe(700);
        h.Overheads.ShouldBe(Load("a100").Overheads);
        h.Sha256.ShouldNotBe(Load("a100").Sha256);
    }

    [Theory]
    [InlineData("memory.bandwidth=0GB/s", "memory.bandwidth")]
    [InlineData("compute.tensorFp16=-1TFLOPS", "compute.tensorFp16")]
    [InlineData("overhead.matmul=5GB/s", "overhead.matmul")]
    public void ABadValueIsRefusedAtItsKey(string setting, string key)
    {
        var e = Should.Throw<PimccError>(() => Load("a100", setting));
        e.Location.ShouldContain(key);
        e.OneLine.ShouldNotContain("\n");
    }
}
