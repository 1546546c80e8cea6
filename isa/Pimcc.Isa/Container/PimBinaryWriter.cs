using System.Buffers.Binary;
using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;

namespace Pimcc.Isa.Container;

/// <summary>
/// Writes the canonical bytes of a <see cref="PimBinary"/> (docs/binary-format.md). Deterministic: streams are
/// ordered by index, debug ranges are sorted, strings are interned in first-use order.
/// A model that could not be read back (duplicate stream, branch out of the stream, debug range outside its
/// stream) is rejected with <see cref="ExitCode.InvalidBinary"/>.
/// </summary>
public static class PimBinaryWriter
{
    public static byte[] Write(PimBinary bin)
    {
        var sections = new List<(SectionKind Kind, uint Index, byte[] Payload)>
        {
            (SectionKind.Target, 0, TargetPayload(bin.Target)),
        };
        var cores = bin.Cores.OrderBy(c => c.Core).ToList();
        var channels = bin.Channels.OrderBy(c => c.Channel).ToList();
        CheckUnique(cores.Select(c => c.Core), "core");
        CheckUnique(channels.Select(c => c.Channel), "channel");
        foreach (var c in cores)
        {
            StreamRules.CheckCoreStream(c.Instructions, $"core{c.Core}", ExitCode.InvalidBinary);
            EntryRules.Check(c.Entries, c.Instructions, channel: false, $"core{c.Core}", ExitCode.InvalidBinary);
            LayerRules.Check(c.Layers, c.Entries, c.Instructions, channel: false, $"core{c.Core}", ExitCode.InvalidBinary);
            sections.Add((SectionKind.CoreStream, (uint)c.Core, Words(c.Instructions, SramIsa.Table, 4)));
        }
        foreach (var c in channels)
        {
            StreamRules.CheckChannelStream(c.Commands, $"channel{c.Channel}", ExitCode.InvalidBinary);
            EntryRules.Check(c.Entries, c.Commands, channel: true, $"channel{c.Channel}", ExitCode.InvalidBinary);
            LayerRules.Check(c.Layers, c.Entries, c.Commands, channel: true, $"channel{c.Channel}", ExitCode.InvalidBinary);
            sections.Add((SectionKind.ChannelStream, (uint)c.Channel, Words(c.Commands, HbmCommandSet.Table, 8)));
        }
        sections.Add((SectionKind.MemoryMap, 0, MemoryMapPayload(bin.MemoryMap)));
        sections.Add((SectionKind.DebugInfo, 0, DebugPayload(bin, cores, channels)));
        if (cores.Any(c => c.Entries.Count > 0) || channels.Any(c => c.Entries.Count > 0))
            sections.Add((SectionKind.EntryTable, 0, EntryPayload(cores, channels)));
        if (bin.Image.Count > 0)
            sections.Add((SectionKind.MemoryImage, 0, ImagePayload(bin.Image)));
        if (bin.HasLayers)
            sections.Add((SectionKind.LayerTable, 0, LayerPayload(cores, channels)));
        if (bin.Workload is { } workload)
            sections.Add((SectionKind.Workload, 0, WorkloadPayload(workload, cores, channels)));

        var tableBytes = sections.Count * Layout.EntryBytes;
        var total = (long)Layout.HeaderBytes + tableBytes + sections.Sum(s => (long)s.Payload.Length);
        if (total > int.MaxValue)
            throw new PimccError(ExitCode.InvalidBinary, "out.bin", $"binary would be {total} bytes", "split the program");
        var file = new byte[total];
        Layout.Magic.CopyTo(file);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), PimBinary.MajorVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(10), bin.WrittenMinorVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(12), (uint)sections.Count);
        var offset = Layout.HeaderBytes + tableBytes;
        for (var i = 0; i < sections.Count; i++)
        {
            var (kind, index, payload) = sections[i];
            var e = file.AsSpan(Layout.HeaderBytes + i * Layout.EntryBytes, Layout.EntryBytes);
            BinaryPrimitives.WriteUInt16LittleEndian(e, (ushort)kind);
            BinaryPrimitives.WriteUInt32LittleEndian(e[4..], index);
            BinaryPrimitives.WriteUInt64LittleEndian(e[8..], (ulong)offset);
            BinaryPrimitives.WriteUInt32LittleEndian(e[16..], (uint)payload.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(e[20..], Crc32.Compute(payload));
            payload.CopyTo(file, offset);
            offset += payload.Length;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(Layout.HeaderCrcOffset), HeaderCrc(file, sections.Count));
        return file;
    }

    /// <summary>The order of debug ranges in a file: stream kind, stream index, first word, count, op id, op name (ordinal).</summary>
    internal static IComparer<DebugRange> DebugOrder { get; } = Comparer<DebugRange>.Create((a, b) =>
    {
        var c = a.Stream.CompareTo(b.Stream);
        if (c == 0) c = a.StreamIndex.CompareTo(b.StreamIndex);
        if (c == 0) c = a.First.CompareTo(b.First);
        if (c == 0) c = a.Count.CompareTo(b.Count);
        if (c == 0) c = a.IrOpId.CompareTo(b.IrOpId);
        return c != 0 ? c : string.CompareOrdinal(a.IrOpName, b.IrOpName);
    });

    /// <summary>CRC-32 of the header (without its CRC field) followed by the section table.</summary>
    internal static uint HeaderCrc(ReadOnlySpan<byte> file, int sectionCount)
    {
        var crc = Crc32.Append(Crc32.Start, file[..Layout.HeaderCrcOffset]);
        crc = Crc32.Append(crc, file.Slice(Layout.HeaderBytes, sectionCount * Layout.EntryBytes));
        return Crc32.Finish(crc);
    }

    /// <summary>Recomputes every checksum in place (for tools and tests that patch section contents on purpose).</summary>
    internal static void Reseal(byte[] file)
    {
        var count = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(12));
        for (var i = 0; i < count; i++)
        {
            var e = file.AsSpan(Layout.HeaderBytes + i * Layout.EntryBytes, Layout.EntryBytes);
            var off = (int)BinaryPrimitives.ReadUInt64LittleEndian(e[8..]);
            var len = (int)BinaryPrimitives.ReadUInt32LittleEndian(e[16..]);
            BinaryPrimitives.WriteUInt32LittleEndian(e[20..], Crc32.Compute(file.AsSpan(off, len)));
        }
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(Layout.HeaderCrcOffset), HeaderCrc(file, count));
    }

    private static void CheckUnique(IEnumerable<int> sortedIndices, string what)
    {
        int? prev = null;
        foreach (var i in sortedIndices)
        {
            if (i < 0)
                throw new PimccError(ExitCode.InvalidBinary, $"{what}{i}", $"negative {what} index", "indices start at 0");
            if (prev == i)
                throw new PimccError(ExitCode.InvalidBinary, $"{what}{i}", $"two streams for {what} {i}", "merge them into one section");
            prev = i;
        }
    }

    private static byte[] TargetPayload(TargetBlob t)
    {
        var s = new ByteSink();
        s.String(t.Name);
        s.Bytes(t.Sha256);
        s.VarUInt((ulong)t.Json.Length);
        s.Bytes(t.Json);
        return s.ToArray();
    }

    private static byte[] Words(IReadOnlyList<Op> ops, OpTable table, int bytesPerWord)
    {
        var bytes = new byte[ops.Count * bytesPerWord];
        for (var i = 0; i < ops.Count; i++)
        {
            var w = table.Encode(ops[i]);
            if (bytesPerWord == 4)
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), (uint)w);
            else
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), w);
        }
        return bytes;
    }

    private static byte[] MemoryMapPayload(IReadOnlyList<MemoryRegion> regions)
    {
        var s = new ByteSink();
        s.VarUInt((ulong)regions.Count);
        foreach (var r in regions)
        {
            if (!Enum.IsDefined(r.Kind))
                throw new PimccError(ExitCode.InvalidBinary, $"region '{r.Name}'", $"unknown region kind {(int)r.Kind}", "use weight, kv_cache, activation or scratch");
            s.String(r.Name);
            s.Byte((byte)r.Kind);
            switch (r.Placement)
            {
                case HbmPlacement h:
                    s.Byte(0);
                    s.VarUInt(Unsigned(h.Channel, r, "channel"));
                    s.VarUInt(Unsigned(h.ChannelCount, r, "channel count"));
                    s.VarUInt(Unsigned(h.PseudoChannel, r, "pseudo channel"));
                    s.VarUInt(Unsigned(h.BankGroup, r, "bank group"));
                    s.VarUInt(Unsigned(h.Bank, r, "bank"));
                    s.VarUInt(Unsigned(h.Row, r, "row"));
                    s.VarUInt(Unsigned(h.Column, r, "column"));
                    break;
                case LocalPlacement l:
                    s.Byte(1);
                    s.VarUInt(Unsigned(l.Core, r, "core"));
                    s.VarUInt(Unsigned(l.Address, r, "address"));
                    break;
                default:
                    throw new PimccError(ExitCode.InvalidBinary, $"region '{r.Name}'", "region has no placement", "place it in HBM or local memory");
            }
            s.VarUInt(Unsigned(r.SizeBytes, r, "size"));
        }
        return s.ToArray();
    }

    private static ulong Unsigned(long v, MemoryRegion r, string what) => v >= 0 ? (ulong)v
        : throw new PimccError(ExitCode.InvalidBinary, $"region '{r.Name}'", $"{what} is negative ({v})", "use a non-negative value");

    private static byte[] EntryPayload(List<CoreStream> cores, List<ChannelStream> channels) =>
        StreamTablePayload(cores.Select(c => (c.Core, c.Entries)), channels.Select(c => (c.Channel, c.Entries)), EntryRules.Order, (s, e) =>
        {
            s.String(e.Name);
            s.VarUInt((ulong)e.Word);
        });

    private static byte[] LayerPayload(List<CoreStream> cores, List<ChannelStream> channels) =>
        StreamTablePayload(cores.Select(c => (c.Core, c.Layers)), channels.Select(c => (c.Channel, c.Layers)), LayerRules.Order, (s, r) =>
        {
            s.String(r.Entry);
            s.VarUInt((ulong)r.Layers);
            s.Byte((byte)r.Form);
            s.VarUInt((ulong)r.Word);
            s.VarUInt((ulong)r.Stride);
        });

    /// <summary>A table of per-stream lists (entries, layers): streams with a non-empty list, cores then channels by index, items in canonical order.</summary>
    private static byte[] StreamTablePayload<T>(IEnumerable<(int Index, IReadOnlyList<T> Items)> cores, IEnumerable<(int Index, IReadOnlyList<T> Items)> channels,
        IComparer<T> order, Action<ByteSink, T> write)
    {
        var streams = cores.Where(c => c.Items.Count > 0).Select(c => (Kind: StreamKind.Core, c.Index, c.Items))
            .Concat(channels.Where(c => c.Items.Count > 0).Select(c => (Kind: StreamKind.Channel, c.Index, c.Items))).ToList();
        var s = new ByteSink();
        s.VarUInt((ulong)streams.Count);
        foreach (var (kind, index, items) in streams)
        {
            s.Byte((byte)kind);
            s.VarUInt((ulong)index);
            s.VarUInt((ulong)items.Count);
            foreach (var item in items.Order(order))
                write(s, item);
        }
        return s.ToArray();
    }

    private static byte[] WorkloadPayload(CompiledWorkload w, List<CoreStream> cores, List<ChannelStream> channels)
    {
        WorkloadRules.Check(w, "workload", ExitCode.InvalidBinary);
        WorkloadRules.CheckPrograms(w, cores, channels, "workload", ExitCode.InvalidBinary);
        var s = new ByteSink();
        WorkloadRules.Write(s, w);
        return s.ToArray();
    }

    private static byte[] ImagePayload(IReadOnlyList<MemoryChunk> image)
    {
        MemoryImageRules.Check(image, "memory image", ExitCode.InvalidBinary);
        var s = new ByteSink();
        s.VarUInt((ulong)image.Count);
        foreach (var c in image)
        {
            s.Byte((byte)c.Space);
            s.VarUInt((ulong)c.Index);
            s.VarUInt((ulong)c.Address);
            s.VarUInt((ulong)c.Bytes.Length);
            s.Bytes(c.Bytes);
        }
        return s.ToArray();
    }

    private static byte[] DebugPayload(PimBinary bin, List<CoreStream> cores, List<ChannelStream> channels)
    {
        var lengths = new Dictionary<(StreamKind, int), int>();
        foreach (var c in cores)
            lengths[(StreamKind.Core, c.Core)] = c.Instructions.Count;
        foreach (var c in channels)
            lengths[(StreamKind.Channel, c.Channel)] = c.Commands.Count;
        var ranges = bin.Debug.Order(DebugOrder).ToList();
        var strings = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in ranges)
        {
            string Where() => $"debug range {d.Stream.ToString().ToLowerInvariant()}{d.StreamIndex}[{d.First}, +{d.Count})";
            if (!lengths.TryGetValue((d.Stream, d.StreamIndex), out var len))
                throw new PimccError(ExitCode.InvalidBinary, Where(), "points into a stream that does not exist", "add the stream or drop the range");
            if (d.First < 0 || d.Count < 0 || (long)d.First + d.Count > len || d.IrOpId < 0)
                throw new PimccError(ExitCode.InvalidBinary, Where(), $"lies outside the stream of {len} words (or has a negative op id)", "fix the range");
            if (!ids.ContainsKey(d.IrOpName))
            {
                ids[d.IrOpName] = strings.Count;
                strings.Add(d.IrOpName);
            }
        }
        var s = new ByteSink();
        s.VarUInt((ulong)strings.Count);
        foreach (var str in strings)
            s.String(str);
        s.VarUInt((ulong)ranges.Count);
        foreach (var d in ranges)
        {
            s.Byte((byte)d.Stream);
            s.VarUInt((ulong)d.StreamIndex);
            s.VarUInt((ulong)d.First);
            s.VarUInt((ulong)d.Count);
            s.VarUInt((ulong)d.IrOpId);
            s.VarUInt((ulong)ids[d.IrOpName]);
        }
        return s.ToArray();
    }
}
