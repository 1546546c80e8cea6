using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Targets;

[assembly: TargetComponent(typeof(Pimcc.Pimllm.Isa.PimllmBinaryContract))]

namespace Pimcc.Pimllm.Isa;

/// <summary>pimllm's stream kinds (docs/binary-format.md, "Binary contracts"): one crossbar-controller stream, one
/// systolic-array stream and one DMA stream per LPDDR channel. Section ids and tags start at 32, clear of hpim's.</summary>
public static class PimllmStreams
{
    public static StreamKind Crossbar { get; } = new(32, 32, "xbar", PimllmIsa.Crossbar, "controller", (i, w) => new CrossbarStream(i, w));

    public static StreamKind Systolic { get; } = new(33, 33, "systolic", PimllmIsa.Systolic, "array", (i, w) => new SystolicStream(i, w));

    public static StreamKind Dma { get; } = new(34, 34, "lpddr_dma", PimllmIsa.Dma, "LPDDR channel", (i, w) => new DmaStream(i, w));
}

/// <summary>pimllm's memory spaces: the on-chip SRAM (one, index 0), each LPDDR channel and each crossbar's cells; all byte-addressed.</summary>
public static class PimllmSpaces
{
    /// <summary>The SRAM: byte addresses as they are, as many bytes as the description has and the 17-bit SRAM
    /// operands reach (<see cref="PimllmFormats.SramAddressBits"/> x <see cref="PimllmFormats.SramUnitBytes"/>).</summary>
    public static MemorySpace Sram { get; } = new(32, "sram", "chip", ["addr"], (i, f) => new SramPlacement(i, f[0]),
        (_, p) => ((SramPlacement)p).Address, t => AddressableSramBytes(Of(t)));

    /// <summary>One LPDDR channel: byte addresses within the channel (lpddr.channelCapacity).</summary>
    public static MemorySpace Lpddr { get; } = new(33, "lpddr", "channel", ["addr"], (i, f) => new LpddrPlacement(i, f[0]),
        (_, p) => ((LpddrPlacement)p).Address, t => Of(t).Lpddr.ChannelBytes);

    /// <summary>One crossbar's programmed cells and its matrix's weight scale (<see cref="CrossbarCells"/>): the index
    /// is the crossbar number, the address a byte within its <see cref="CrossbarCells.Bytes"/>.</summary>
    public static MemorySpace Crossbar { get; } = new(34, "xbar_cells", "crossbar", ["addr"], (i, f) => new CrossbarCellsPlacement(i, f[0]),
        (_, p) => ((CrossbarCellsPlacement)p).Address, t => CrossbarCells.Bytes(Of(t).Crossbars));

    /// <summary>SRAM bytes instructions can address: the description's, at most what the SRAM operands reach.</summary>
    public static long AddressableSramBytes(PimllmTarget t) =>
        Math.Min(t.SramBytes, (1L << PimllmFormats.SramAddressBits) * PimllmFormats.SramUnitBytes);

    private static PimllmTarget Of(TargetDescription t) => TargetLoader.As<PimllmTarget>(t, t.Name);
}

/// <summary>The crossbar controller's stream: crossbar reads, accumulator stores and post-processing.</summary>
public sealed record CrossbarStream(int Controller, IReadOnlyList<Op> Instructions) : InstructionStream(PimllmStreams.Crossbar, Controller, Instructions);

/// <summary>The systolic array's stream: tile shapes, GEMM/GEMV tiles and softmax rows.</summary>
public sealed record SystolicStream(int Array, IReadOnlyList<Op> Instructions) : InstructionStream(PimllmStreams.Systolic, Array, Instructions);

/// <summary>The DMA stream of one LPDDR channel.</summary>
public sealed record DmaStream(int Channel, IReadOnlyList<Op> Instructions) : InstructionStream(PimllmStreams.Dma, Channel, Instructions);

/// <summary>The on-chip SRAM, byte address (index 0: the chip has one).</summary>
public sealed record SramPlacement(int Chip, long Address) : Placement
{
    public override MemorySpace Space => PimllmSpaces.Sram;
    public override int Index => Chip;
    public override IReadOnlyList<long> Fields => [Address];
}

/// <summary>One LPDDR channel, byte address within the channel.</summary>
public sealed record LpddrPlacement(int Channel, long Address) : Placement
{
    public override MemorySpace Space => PimllmSpaces.Lpddr;
    public override int Index => Channel;
    public override IReadOnlyList<long> Fields => [Address];
}

/// <summary>One crossbar's programmed bytes (<see cref="CrossbarCells"/>), byte address within them.</summary>
public sealed record CrossbarCellsPlacement(int Crossbar, long Address) : Placement
{
    public override MemorySpace Space => PimllmSpaces.Crossbar;
    public override int Index => Crossbar;
    public override IReadOnlyList<long> Fields => [Address];
}

/// <summary>pimllm's binary contract: crossbar, systolic and DMA streams; SRAM, LPDDR and the crossbars' cells.</summary>
public sealed class PimllmBinaryContract : IBinaryContract
{
    public string Kind => PimllmKind.Name;

    public IReadOnlyList<StreamKind> Streams { get; } = [PimllmStreams.Crossbar, PimllmStreams.Systolic, PimllmStreams.Dma];

    public IReadOnlyList<MemorySpace> Spaces { get; } = [PimllmSpaces.Sram, PimllmSpaces.Lpddr, PimllmSpaces.Crossbar];

    /// <summary>Streams name units the chip has (one crossbar controller, whose post-processing lanes tpu-llm keeps
    /// without crossbars, one systolic array, a DMA per LPDDR channel), crossbar reads and tile shapes fit the
    /// description, DMA transfers and regions lie inside SRAM and the channel's LPDDR.</summary>
    public void Check(TargetDescription description, PimBinary binary, string location, ExitCode code)
    {
        var t = TargetLoader.As<PimllmTarget>(description, location);
        var sramBytes = PimllmSpaces.AddressableSramBytes(t);
        var hint = $"'{t.Name}' has {t.Crossbars.Count} crossbars of {t.Crossbars.Rows} rows, a {t.Systolic.Rows} x {t.Systolic.Columns} systolic array, {sramBytes} bytes of SRAM and LPDDR channels 0-{t.Lpddr.Channels - 1} of {t.Lpddr.ChannelBytes} bytes";
        foreach (var s in binary.Streams)
        {
            var units = s.Kind == PimllmStreams.Dma ? t.Lpddr.Channels : 1;
            if (s.Index >= units)
                throw new PimccError(code, location, $"section {s.Name} does not exist on the target", hint);
            for (var i = 0; i < s.Words.Count; i++)
                CheckWord(t, s.Words[i], $"{location}: {s.Name} word {i}", hint, code);
        }
        BinaryContracts.CheckRegions(t, binary, p => !(p is SramPlacement { Chip: not 0 } || p is LpddrPlacement l && l.Channel >= t.Lpddr.Channels || p is CrossbarCellsPlacement x && x.Crossbar >= t.Crossbars.Count), location, hint, code);
        foreach (var c in binary.Image)
        {
            var indices = c.Space == PimllmSpaces.Sram ? 1 : c.Space == PimllmSpaces.Lpddr ? t.Lpddr.Channels : t.Crossbars.Count;
            if (c.Index >= indices || c.End > c.Space.BytesPerIndex(t))
                throw new PimccError(code, $"{location}: image chunk {MemoryImageRules.Name(c)}", $"{c.Bytes.Length} bytes outside the target's {c.Space.Name} memory",
                    $"{hint}; {c.Space.Name} holds {c.Space.BytesPerIndex(t)} bytes per {c.Space.IndexDomain}");
        }
    }

    private static void CheckWord(PimllmTarget t, Op op, string where, string hint, ExitCode code)
    {
        switch (op.Spec.Pimllm.Action)
        {
            case PimllmAction.CrossbarMvm when op["xbar"] + op["tiles"] > t.Crossbars.Count || op["rows"] > t.Crossbars.Rows:
                throw new PimccError(code, where, $"'{op.Mnemonic}' reads crossbars {op["xbar"]}-{op["xbar"] + op["tiles"] - 1} with {op["rows"]} rows", hint);
            case PimllmAction.TileShape when op["m"] > t.Systolic.Rows || op["n"] > t.Systolic.Columns:
                throw new PimccError(code, where, $"'{op.Mnemonic}' sets a {op["m"]} x {op["n"]} output tile", hint);
            case PimllmAction.LpddrLoad or PimllmAction.LpddrStore
                when (op["lpddr"] + op["len"]) * PimllmFormats.LpddrUnitBytes > t.Lpddr.ChannelBytes:
                throw new PimccError(code, where, $"'{op.Mnemonic}' transfers LPDDR bytes {op["lpddr"] * PimllmFormats.LpddrUnitBytes}-{(op["lpddr"] + op["len"]) * PimllmFormats.LpddrUnitBytes - 1}", hint);
            case PimllmAction.LpddrGatherRow or PimllmAction.LpddrLoadCache or PimllmAction.LpddrStoreRow
                when (op["table"] + op["len"]) * PimllmFormats.LpddrUnitBytes > t.Lpddr.ChannelBytes:
                throw new PimccError(code, where, $"'{op.Mnemonic}' reads a table at LPDDR byte {op["table"] * PimllmFormats.LpddrUnitBytes} whose first row ends past the channel", hint);
        }
    }
}

/// <summary>pimllm's streams of a binary under their own names.</summary>
public static class PimllmBinary
{
    extension(PimBinary bin)
    {
        public CrossbarStream? CrossbarStream => (CrossbarStream?)bin.Stream(PimllmStreams.Crossbar, 0);

        public SystolicStream? SystolicStream => (SystolicStream?)bin.Stream(PimllmStreams.Systolic, 0);

        /// <summary>The DMA streams, ascending by LPDDR channel.</summary>
        public IReadOnlyList<DmaStream> DmaStreams => bin.StreamsOf<DmaStream>(PimllmStreams.Dma);
    }
}
