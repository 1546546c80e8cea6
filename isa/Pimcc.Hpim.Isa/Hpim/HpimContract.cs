using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;
using Pimcc.Targets;

[assembly: TargetComponent(typeof(Pimcc.Isa.Container.HpimBinaryContract))]

namespace Pimcc.Isa.Container;

/// <summary>hpim's stream kinds (docs/binary-format.md): one SRAM-PIM instruction stream per core, one HBM-PIM command
/// stream per channel (both pseudo channels; each command names its pc).</summary>
public static class HpimStreams
{
    public static StreamKind Core { get; } = new(2, 0, "core", SramIsa.Table, "core", (i, words) => new CoreStream(i, words));

    public static StreamKind Channel { get; } = new(3, 1, "channel", HbmCommandSet.Table, "channel", (i, words) => new ChannelStream(i, words));
}

/// <summary>hpim's memory spaces: HBM (per channel: pseudo channel, bank group, bank, row, 32-byte column) and each
/// SRAM-PIM core's local memory (byte address).</summary>
public static class HpimSpaces
{
    // One address map per resolved description (a description is immutable); the contract check asks per region.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TargetDescription, Pimcc.Targets.Hpim.HbmAddressMap> AddressMaps = new();

    /// <summary>HBM: in-channel byte addresses through <see cref="Pimcc.Targets.Hpim.HbmAddressMap"/>.</summary>
    public static MemorySpace Hbm { get; } = new(0, "hbm", "channel", ["channels", "pc", "bg", "bank", "row", "col"],
        (i, f) => new HbmPlacement(i, (int)f[0], (int)f[1], (int)f[2], (int)f[3], f[4], f[5]),
        (t, p) => AddressMaps.GetValue(t, d => new Pimcc.Targets.Hpim.HbmAddressMap(Of(d).Hbm.Organization)).Address((HbmPlacement)p),
        t => Of(t).Hbm.Organization.CapacityBytes / Of(t).Hbm.Organization.Channels);

    /// <summary>A core's local memory: byte addresses as they are.</summary>
    public static MemorySpace Local { get; } = new(1, "local", "core", ["addr"], (i, f) => new LocalPlacement(i, f[0]),
        (_, p) => ((LocalPlacement)p).Address, t => Of(t).Sram.LocalMemory.TotalBytes);

    private static HpimTarget Of(TargetDescription t) => TargetLoader.As<HpimTarget>(t, t.Name);
}

/// <summary>Instruction stream of one SRAM-PIM core.</summary>
public sealed record CoreStream : InstructionStream
{
    public CoreStream(int core, IReadOnlyList<Op> instructions) : base(HpimStreams.Core, core, instructions) { }

    public int Core => Index;

    public IReadOnlyList<Op> Instructions => Words;
}

/// <summary>Command stream of one HBM channel (both pseudo channels; each command names its pc). A program ends where
/// the next entry begins.</summary>
public sealed record ChannelStream : InstructionStream
{
    public ChannelStream(int channel, IReadOnlyList<Op> commands) : base(HpimStreams.Channel, channel, commands) { }

    public int Channel => Index;

    public IReadOnlyList<Op> Commands => Words;
}

/// <summary>HBM: channels [Channel, Channel + ChannelCount), pseudo channel, bank group, bank, row, column (32-byte units).</summary>
public sealed record HbmPlacement(int Channel, int ChannelCount, int PseudoChannel, int BankGroup, int Bank, long Row, long Column) : Placement
{
    public override MemorySpace Space => HpimSpaces.Hbm;
    public override int Index => Channel;
    public override IReadOnlyList<long> Fields => [ChannelCount, PseudoChannel, BankGroup, Bank, Row, Column];
}

/// <summary>Local memory of one SRAM-PIM core, byte address.</summary>
public sealed record LocalPlacement(int Core, long Address) : Placement
{
    public override MemorySpace Space => HpimSpaces.Local;
    public override int Index => Core;
    public override IReadOnlyList<long> Fields => [Address];
}

/// <summary>hpim's streams of a binary under their own names.</summary>
public static class HpimBinary
{
    /// <summary>A binary of hpim's core and channel streams.</summary>
    public static PimBinary Create(TargetBlob target, IReadOnlyList<CoreStream> cores, IReadOnlyList<ChannelStream> channels,
        IReadOnlyList<MemoryRegion> memoryMap, IReadOnlyList<DebugRange> debug) =>
        new(target, [.. cores, .. channels], memoryMap, debug);

    extension(PimBinary bin)
    {
        /// <summary>The core streams, ascending by core.</summary>
        public IReadOnlyList<CoreStream> Cores => bin.StreamsOf<CoreStream>(HpimStreams.Core);

        /// <summary>The channel streams, ascending by channel.</summary>
        public IReadOnlyList<ChannelStream> Channels => bin.StreamsOf<ChannelStream>(HpimStreams.Channel);

        public CoreStream? Core(int core) => (CoreStream?)bin.Stream(HpimStreams.Core, core);

        public ChannelStream? Channel(int channel) => (ChannelStream?)bin.Stream(HpimStreams.Channel, channel);

        /// <summary>This binary with its core and channel streams replaced.</summary>
        public PimBinary WithStreams(IReadOnlyList<CoreStream> cores, IReadOnlyList<ChannelStream> channels) =>
            bin with { Streams = [.. cores, .. channels] };
    }
}

/// <summary>hpim's binary contract: core and channel streams, HBM and local memory.</summary>
public sealed class HpimBinaryContract : IBinaryContract
{
    public string Kind => Pimcc.Targets.Hpim.HpimKind.Name;

    public IReadOnlyList<StreamKind> Streams { get; } = [HpimStreams.Core, HpimStreams.Channel];

    public IReadOnlyList<MemorySpace> Spaces { get; } = [HpimSpaces.Hbm, HpimSpaces.Local];

    /// <summary>Streams and regions name cores and channels the target has, local regions lie inside a core's local
    /// memory, and each core's stream fits its instruction memory (hpim.md: "on-chip instruction memory holds the streams").</summary>
    public void Check(TargetDescription description, PimBinary binary, string location, ExitCode code)
    {
        var t = TargetLoader.As<HpimTarget>(description, location);
        int cores = t.Sram.Cores, channels = t.Hbm.Organization.Channels;
        var hint = $"'{t.Name}' has cores 0-{cores - 1} and channels 0-{channels - 1}";
        foreach (var s in binary.Streams)
            if (s.Index >= (s.Kind == HpimStreams.Core ? cores : channels))
                throw new PimccError(code, location, $"section {s.Name} does not exist on the target", hint);
        foreach (var s in binary.Streams.Where(s => s.Kind == HpimStreams.Core))
        {
            var bytes = (long)s.Words.Count * s.Kind.Table.WordBytes;
            if (bytes > t.Sram.InstructionMemoryBytes)
                throw new PimccError(code, location,
                    $"core {s.Index}'s program is {bytes} bytes ({s.Words.Count} instructions), more than its {t.Sram.InstructionMemoryBytes}-byte instruction memory",
                    $"'{t.Name}' has sram.instructionMemory = {t.Sram.InstructionMemoryBytes / 1024} KiB per core; give a larger one (--set sram.instructionMemory={NextKiB(bytes)}KiB) or a smaller model or workload");
        }
        foreach (var r in binary.MemoryMap)
        {
            var p = r.Placement;
            if (p is HbmPlacement h && h.Channel + (long)h.ChannelCount > channels)
                throw new PimccError(code, location, $"region \"{r.Name}\" spans channels {h.Channel}-{h.Channel + (long)h.ChannelCount - 1}", hint);
            if (p is LocalPlacement l && l.Core >= cores)
                throw new PimccError(code, location, $"region \"{r.Name}\" is on core {l.Core}", hint);
            if (!p.Space.Holds(t, p, r.SizeBytes))
            {
                var at = p.Space.Address(t, p);
                throw new PimccError(code, location,
                    $"region \"{r.Name}\" ({p.Space.IndexDomain} {p.Index}, bytes {at}-{at + r.SizeBytes - 1}) is outside the target's {p.Space.Name} memory",
                    $"{hint}; {p.Space.Name} holds {p.Space.BytesPerIndex(t)} bytes per {p.Space.IndexDomain}");
            }
        }
    }

    /// <summary>The smallest power-of-two KiB that holds <paramref name="bytes"/>.</summary>
    private static long NextKiB(long bytes)
    {
        var kib = 1L;
        while (kib * 1024 < bytes) kib *= 2;
        return kib;
    }
}
