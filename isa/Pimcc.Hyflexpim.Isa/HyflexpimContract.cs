using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Targets;

[assembly: TargetComponent(typeof(Pimcc.Hyflexpim.Isa.HyflexpimBinaryContract))]

namespace Pimcc.Hyflexpim.Isa;

/// <summary>hyflexpim's stream kinds (docs/binary-format.md, "Binary contracts"): per PU an analog, a digital, an SFU
/// and a link stream; a stream's index is the global PU number (chip x chip.pus + PU). Section ids and tags 40-43,
/// clear of hpim's (2/3, 0/1) and pimllm's (32-34).</summary>
public static class HyflexpimStreams
{
    public static StreamKind Analog { get; } = new(40, 40, "hfp_analog", HyflexpimIsa.Analog, "pu", (i, w) => new AnalogStream(i, w));

    public static StreamKind Digital { get; } = new(41, 41, "hfp_digital", HyflexpimIsa.Digital, "pu", (i, w) => new DigitalStream(i, w));

    public static StreamKind Sfu { get; } = new(42, 42, "hfp_sfu", HyflexpimIsa.Sfu, "pu", (i, w) => new SfuStream(i, w));

    public static StreamKind Link { get; } = new(43, 43, "hfp_link", HyflexpimIsa.Link, "pu", (i, w) => new LinkStream(i, w));

    public static IReadOnlyList<StreamKind> All { get; } = [Analog, Digital, Sfu, Link];
}

/// <summary>hyflexpim's memory spaces (tags 40-42): a PU's buffer in its digital modules (parameters and activations in
/// the first 16 MiB, the activation window; the KV cache above), a PU's analog crossbar arrays, and the host's
/// embedding tables.</summary>
public static class HyflexpimSpaces
{
    /// <summary>A PU's buffer: byte addresses in its digital modules (pu.digitalModules x digital arrays x array bytes).</summary>
    public static MemorySpace Buffer { get; } = new(40, "hfp_buf", "pu", ["addr"], (i, f) => new BufferPlacement(i, f[0]),
        (_, p) => ((BufferPlacement)p).Address, t => Of(t).DigitalBytesPerPu);

    /// <summary>A PU's crossbars: a region starts at an array of a module and covers size / array bytes arrays
    /// (<see cref="AnalogModuleConfig.ArrayBytes"/>); its byte address is (module x analog.arrays + array) x array bytes.</summary>
    public static MemorySpace Crossbar { get; } = new(41, "hfp_xbar", "pu", ["module", "array"], (i, f) => new CrossbarPlacement(i, f[0], f[1]),
        (t, p) => CrossbarAddress(Of(t), (CrossbarPlacement)p), t => Of(t).AnalogArraysPerPu * Of(t).Analog.ArrayBytes);

    /// <summary>The byte address of a crossbar placement: the one address function of compiler, image and simulator.</summary>
    public static long CrossbarAddress(HyflexpimTarget t, CrossbarPlacement p) =>
        p.Module < 0 || p.Array < 0 || p.Module >= t.Chip.AnalogModulesPerPu || p.Array >= t.Analog.Arrays
            ? -1 : (p.Module * t.Analog.Arrays + p.Array) * t.Analog.ArrayBytes;

    /// <summary>The host's embedding tables that <c>io.row</c> reads (index: the table number of its <c>table</c>
    /// operand; address: bytes in the table, rows of FP16 elements).</summary>
    public static MemorySpace Host { get; } = new(42, "hfp_host", "table", ["addr"], (i, f) => new HostPlacement(i, f[0]),
        (_, p) => ((HostPlacement)p).Address, _ => HostTableBytes);

    /// <summary>Tables io.row can name (its 9-bit operand).</summary>
    public const int HostTables = 1 << 9;

    /// <summary>Bytes one host table may hold (1 TiB: a bound for the address check, not a device).</summary>
    public const long HostTableBytes = 1L << 40;

    private static HyflexpimTarget Of(TargetDescription t) => TargetLoader.As<HyflexpimTarget>(t, t.Name);

    /// <summary>Whether the target has the index a placement names: a PU, or a host table.</summary>
    public static bool IndexExists(HyflexpimTarget t, MemorySpace space, int index) => index >= 0 && index < (space == Host ? HostTables : t.MaxPus);
}

/// <summary>The analog modules' stream of one PU: array-group GEMVs.</summary>
public sealed record AnalogStream(int Pu, IReadOnlyList<Op> Instructions) : InstructionStream(HyflexpimStreams.Analog, Pu, Instructions);

/// <summary>The digital modules' stream of one PU: attention dot products and KV writes.</summary>
public sealed record DigitalStream(int Pu, IReadOnlyList<Op> Instructions) : InstructionStream(HyflexpimStreams.Digital, Pu, Instructions);

/// <summary>The SFU stream of one PU.</summary>
public sealed record SfuStream(int Pu, IReadOnlyList<Op> Instructions) : InstructionStream(HyflexpimStreams.Sfu, Pu, Instructions);

/// <summary>The link stream of one PU: its sends over the bus, the interconnect and PCIe, and the host I/O.</summary>
public sealed record LinkStream(int Pu, IReadOnlyList<Op> Instructions) : InstructionStream(HyflexpimStreams.Link, Pu, Instructions);

/// <summary>A PU's buffer, byte address.</summary>
public sealed record BufferPlacement(int Pu, long Address) : Placement
{
    public override MemorySpace Space => HyflexpimSpaces.Buffer;
    public override int Index => Pu;
    public override IReadOnlyList<long> Fields => [Address];
}

/// <summary>A PU's crossbar arrays from array <paramref name="Array"/> of analog module <paramref name="Module"/>.</summary>
public sealed record CrossbarPlacement(int Pu, long Module, long Array) : Placement
{
    public override MemorySpace Space => HyflexpimSpaces.Crossbar;
    public override int Index => Pu;
    public override IReadOnlyList<long> Fields => [Module, Array];
}

/// <summary>Host embedding table <paramref name="Table"/> from byte <paramref name="Address"/>.</summary>
public sealed record HostPlacement(int Table, long Address) : Placement
{
    public override MemorySpace Space => HyflexpimSpaces.Host;
    public override int Index => Table;
    public override IReadOnlyList<long> Fields => [Address];
}

/// <summary>hyflexpim's binary contract: analog, digital, SFU and link streams per PU; PU buffers and crossbars.</summary>
public sealed class HyflexpimBinaryContract : IBinaryContract
{
    public string Kind => HyflexpimKind.Name;

    public IReadOnlyList<StreamKind> Streams => HyflexpimStreams.All;

    public IReadOnlyList<MemorySpace> Spaces { get; } = [HyflexpimSpaces.Buffer, HyflexpimSpaces.Crossbar, HyflexpimSpaces.Host];

    /// <summary>Streams name PUs the pipeline may have (system.maxChips x chip.pus), GEMVs read arrays the modules have
    /// with at most precision.inputBits input bits, KV operands lie in the PU's buffer, sends go to PUs that exist (the
    /// shared bus and the interconnect within a chip, PCIe to another chip), regions lie inside their memory.</summary>
    public void Check(TargetDescription description, PimBinary binary, string location, ExitCode code)
    {
        var t = TargetLoader.As<HyflexpimTarget>(description, location);
        var hint = $"'{t.Name}' has PUs 0-{t.MaxPus - 1} ({t.MaxChips} chips of {t.Chip.Pus}), each with analog modules 0-{t.Chip.AnalogModulesPerPu - 1} of {t.Analog.Arrays} arrays, " +
                   $"{t.Precision.InputBits}-bit inputs and a {t.DigitalBytesPerPu}-byte buffer";
        foreach (var s in binary.Streams)
        {
            if (s.Index >= t.MaxPus)
                throw new PimccError(code, location, $"section {s.Name} does not exist on the target", hint);
            for (var i = 0; i < s.Words.Count; i++)
                CheckWord(t, s.Index, s.Words[i], $"{location}: {s.Name} word {i}", hint, code);
        }
        BinaryContracts.CheckRegions(t, binary, p => HyflexpimSpaces.IndexExists(t, p.Space, p.Index), location, hint, code);
        CheckImage(t, binary.Image, location, code);
    }

    /// <summary>Image chunks lie in a PU the target has, inside its memory; a crossbar chunk covers whole arrays
    /// (docs/binary-format.md, "hyflexpim memory image").</summary>
    public static void CheckImage(HyflexpimTarget t, IReadOnlyList<MemoryChunk> image, string location, ExitCode code)
    {
        var array = t.Analog.ArrayBytes;
        foreach (var c in image)
        {
            var at = $"{location}: image chunk {MemoryImageRules.Name(c)}";
            if (!HyflexpimSpaces.IndexExists(t, c.Space, c.Index) || c.End > c.Space.BytesPerIndex(t))
                throw new PimccError(code, at, $"holds bytes {c.Address}-{c.End - 1} of {c.Space.IndexDomain} {c.Index}, outside the target's {c.Space.Name} memory",
                    $"'{t.Name}' has {c.Space.IndexDomain}s 0-{(c.Space == HyflexpimSpaces.Host ? HyflexpimSpaces.HostTables : t.MaxPus) - 1}, each with {c.Space.BytesPerIndex(t)} bytes of {c.Space.Name}");
            if (c.Space == HyflexpimSpaces.Crossbar && (c.Address % array != 0 || c.Bytes.Length % array != 0))
                throw new PimccError(code, at, $"holds {c.Bytes.Length} bytes of crossbar cells from byte {c.Address}, not whole arrays",
                    $"a crossbar chunk covers whole arrays of {array} bytes ({t.Analog.Rows} x {t.Analog.Columns} cells at {t.Analog.CellBits} bits); recompile");
        }
    }

    /// <summary>The operand of a digital row that addresses the KV cache (the format's 22-bit slot).</summary>
    private static string KvOperand(Op op) => op.Spec.Operands.Single(f => f.Width == HyflexpimFormats.KvAddressBits).Name;

    private static void CheckWord(HyflexpimTarget t, int pu, Op op, string where, string hint, ExitCode code)
    {
        var kvUnits = t.DigitalBytesPerPu / HyflexpimFormats.BufferUnitBytes;
        var chip = pu / t.Chip.Pus;
        switch (op.Spec.Hyflexpim.Action)
        {
            case HyflexpimAction.AnalogGemv when op["module"] >= t.Chip.AnalogModulesPerPu || op["last"] >= t.Analog.Arrays || op["first"] > op["last"]:
                throw new PimccError(code, where, $"'{op.Mnemonic}' reads arrays {op["first"]}-{op["last"]} of analog module {op["module"]}", hint);
            case HyflexpimAction.AnalogShape when op["bits"] > t.Precision.InputBits:
                throw new PimccError(code, where, $"'{op.Mnemonic}' applies {op["bits"]}-bit inputs", hint);
            case HyflexpimAction.ScoreDot or HyflexpimAction.WeightedSum or HyflexpimAction.KvWrite or HyflexpimAction.DigitalScale when op[KvOperand(op)] >= kvUnits:
                throw new PimccError(code, where, $"'{op.Mnemonic}' addresses buffer bytes from {op[KvOperand(op)] * HyflexpimFormats.BufferUnitBytes}", hint);
            case HyflexpimAction.BusSend or HyflexpimAction.InterPuSend or HyflexpimAction.PcieSend when op["pu"] >= t.MaxPus:
                throw new PimccError(code, where, $"'{op.Mnemonic}' sends to PU {op["pu"]}", hint);
            case HyflexpimAction.BusSend or HyflexpimAction.InterPuSend when op["pu"] / t.Chip.Pus != chip:
                throw new PimccError(code, where, $"'{op.Mnemonic}' sends from chip {chip} to PU {op["pu"]} on chip {op["pu"] / t.Chip.Pus}", "between chips use pcie.send");
            case HyflexpimAction.PcieSend when op["pu"] / t.Chip.Pus == chip:
                throw new PimccError(code, where, $"'{op.Mnemonic}' sends to PU {op["pu"]} on its own chip {chip}", "within a chip use noc.send or bus.send");
        }
    }
}

/// <summary>hyflexpim's streams of a binary under their own names.</summary>
public static class HyflexpimBinary
{
    extension(PimBinary bin)
    {
        /// <summary>The analog streams, ascending by PU.</summary>
        public IReadOnlyList<AnalogStream> AnalogStreams => bin.StreamsOf<AnalogStream>(HyflexpimStreams.Analog);

        public IReadOnlyList<DigitalStream> DigitalStreams => bin.StreamsOf<DigitalStream>(HyflexpimStreams.Digital);

        public IReadOnlyList<SfuStream> SfuStreams => bin.StreamsOf<SfuStream>(HyflexpimStreams.Sfu);

        public IReadOnlyList<LinkStream> LinkStreams => bin.StreamsOf<LinkStream>(HyflexpimStreams.Link);
    }
}
