using Pimcc.Diagnostics;
using Pimcc.Targets;

namespace Pimcc.Tests.Sim;

/// <summary>Issue 16 §3: the timing simulator refuses an instruction that touches local memory the core does not have.</summary>
public class LocalMemoryBoundsTests
{
    private static string Load(long localAddress, long bytes) => $"""
        .core 0
            li.lo r1, {localAddress & 0xFFFF}
            li.hi r1, {localAddress >> 16}
            li.lo r2, 0
            li.lo r3, {bytes}
            li.lo r4, 0
            hbm.ld r1, r2, r3, r4
            halt
        """;

    [Fact]
    public void AnHbmLoadBeyondLocalMemoryIsRefusedNamingCoreAndWord()
    {
        var local = TargetLoader.LoadPreset<HpimTarget>("hpim").Sram.LocalMemory.TotalBytes; // 416 KiB, from the description
        var e = Should.Throw<PimccError>(() => SimPrograms.Run(Load(32L << 20, 64)));
        e.Code.ShouldBe(ExitCode.InvalidBinary);
        e.Location.ShouldBe("core 0 word 5");
        e.Message.ShouldContain($"outside the core's {local} bytes of local memory");
        // The last 64 bytes of local memory are fine; one byte further is not.
        SimPrograms.Run(Load(local - 64, 64));
        Should.Throw<PimccError>(() => SimPrograms.Run(Load(local - 63, 64))).Message.ShouldContain($"touches local bytes {local - 63}-{local}");
    }
}
