using Pimcc.Isa.Container;
using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Tests.Sim;

namespace Pimcc.Tests.Isa;

/// <summary>Issue 16, section 3: with a target description embedded, the assembler refuses what the target does not have.</summary>
public class AssemblerTargetTests
{
    // hpim (samples/targets/hpim.json): 32 cores, 4 stacks x 8 dies x 2 channels = 64 channels, 384 + 32 KiB local memory.
    [Theory]
    [InlineData(".core 32\n    halt\n", "section core32 does not exist")]
    [InlineData(".channel 64\n    res.clr pc=0\n", "section channel64 does not exist")]
    [InlineData(".region \"w\", weight, hbm, channel=999, channels=1, pc=0, bg=0, bank=0, row=0, col=0, size=32\n", "spans channels 999-999")]
    [InlineData(".region \"w\", weight, hbm, channel=60, channels=8, pc=0, bg=0, bank=0, row=0, col=0, size=32\n", "spans channels 60-67")]
    [InlineData(".region \"a\", activation, local, core=0, addr=33554432, size=64\n", "outside the target's local memory")]
    [InlineData(".region \"a\", activation, local, core=0, addr=425960, size=32\n", "outside the target's local memory")]
    [InlineData(".region \"a\", activation, local, core=40, addr=0, size=64\n", "is on core 40")]
    // One channel holds 96 GiB / 64 = 1.5 GiB: (row x 32 banks + bank) x 1 KiB; row 49151, bank 31 is its last KiB.
    [InlineData(".region \"w\", weight, hbm, channel=0, channels=1, pc=1, bg=3, bank=3, row=49151, col=0, size=2048\n", "outside the target's hbm memory")]
    public void WhatTheTargetDoesNotHaveIsRefused(string body, string message)
    {
        var e = Should.Throw<PimccError>(() => SimPrograms.Assemble(body));
        e.Code.ShouldBe(ExitCode.MalformedInput);
        e.Message.ShouldContain(message);
        e.Hint.ShouldContain("cores 0-31 and channels 0-63");
    }

    [Fact]
    public void TheLastCoreChannelAndLocalByteAreAccepted() =>
        SimPrograms.Assemble(".region \"a\", activation, local, core=31, addr=425920, size=64\n" + // 416 KiB = 425984 bytes
                             ".region \"w\", weight, hbm, channel=56, channels=8, pc=0, bg=0, bank=0, row=0, col=0, size=32\n" +
                             ".region \"z\", weight, hbm, channel=0, channels=1, pc=1, bg=3, bank=3, row=49151, col=0, size=1024\n" +
                             ".core 31\n    halt\n.channel 63\n    res.clr pc=0\n").Cores.Single().Core.ShouldBe(31);

    [Fact]
    public void WithoutADescriptionNothingIsCheckedAgainst() =>
        Assembler.Assemble(".target \"hpim\"\n.target_json \"e30=\"\n.core 99\n    halt\n", "t.pasm").Cores.Single().Core.ShouldBe(99);
}
