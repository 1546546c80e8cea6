using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;

namespace Pimcc.Isa.Container;

/// <summary>
/// Writes the canonical bytes of a <see cref="PimBinary"/> (docs/binary-format.md). Deterministic: streams are
/// ordered by index, debug ranges are sorted, strings are interned in first-use order.
/// A model that could not be read back (duplicate stream, branch out of the stream, debug range outside its
/// stream) is rejected with <see cref="ExitCode.InvalidBinary"/>.
/// </summary>
public static class PimBinaryWriter
{
    /// <param name="compress">Store large stream sections compressed (format 1.5, <see cref="SectionCompression"/>);
    /// false writes the older uncompressed form (tools and tests that need a 1.4-or-older file).</param>
    public static byte[] Write(PimBinary bin, bool compress = true)
    {
        var sections = new List<(ushort Kind, uint Index, byte[] Payload)>
        {
            ((ushort)SectionKind.Target, 0, TargetPayload(bin.Target)),
        };
        var flags = new Dictionary<int, ushort>();
        // The contract (the embedded description's kind, parsed from its JSON) is resolved once per write.
        var contract = StreamContract(bin, bin.Streams);
        var streams = Canonical(bin, contract);
        // Streams are checked, encoded and compressed side by side; the first bad stream in file order is reported.
        var payloads = SideBySide.Run(streams.Count, i => StreamPayload(streams[i], compress));
        for (var i = 0; i < streams.Count; i++)
        {
            if (payloads[i].Compressed) flags[sections.Count] = SectionCompression.Compressed;
            sections.Add((streams[i].Kind.Section, (uint)streams[i].Index, payloads[i].Bytes));
        }
        sections.Add(((ushort)SectionKind.MemoryMap, 0, MemoryMapPayload(bin.MemoryMap, contract)));
        sections.Add(((ushort)SectionKind.DebugInfo, 0, DebugPayload(bin, streams)));
        if (streams.Any(c => c.Entries.Count > 0))
            sections.Add(((ushort)SectionKind.EntryTable, 0, EntryPayload(streams)));
        if (bin.Image.Count > 0)
            sections.Add(((ushort)SectionKind.MemoryImage, 0, ImagePayload(bin.Image, contract)));
        if (bin.HasLayers)
            sections.Add(((ushort)SectionKind.LayerTable, 0, LayerPayload(streams)));
        if (bin.Workload is { } workload)
            sections.Add(((ushort)SectionKind.Workload, 0, WorkloadPayload(workload, streams)));

        var tableBytes = sections.Count * Layout.EntryBytes;
        var total = (long)Layout.HeaderBytes + tableBytes + sections.Sum(s => (long)s.Payload.Length);
        if (total > int.MaxValue)
            throw new PimccError(ExitCode.InvalidBinary, "out.bin", $"binary would be {total} bytes", "split the program");
        var file = new byte[total];
        Layout.Magic.CopyTo(file);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), PimBinary.MajorVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(10), flags.Count > 0 ? (ushort)5 : bin.WrittenMinorVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(12), (uint)sections.Count);
        var offset = Layout.HeaderBytes + tableBytes;
        for (var i = 0; i < sections.Count; i++)
        {
            var (kind, index, payload) = sections[i];
            var e = file.AsSpan(Layout.HeaderBytes + i * Layout.EntryBytes, Layout.EntryBytes);
            BinaryPrimitives.WriteUInt16LittleEndian(e, kind);
            BinaryPrimitives.WriteUInt16LittleEndian(e[2..], flags.GetValueOrDefault(i));
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
        var c = a.Stream.Section.CompareTo(b.Stream.Section);
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

    /// <summary>
    /// The streams in file order (their kind's place in the contract, then index), checked: one contract for all streams
    /// (the embedded description's, when it names a kind), non-negative indices, one stream per kind and index.
    /// </summary>
    internal static List<InstructionStream> Canonical(PimBinary bin) => Canonical(bin, StreamContract(bin, bin.Streams));

    private static List<InstructionStream> Canonical(PimBinary bin, IBinaryContract? contract)
    {
        var order = contract?.Streams.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i) ?? [];
        var streams = bin.Streams.OrderBy(s => order[s.Kind]).ThenBy(s => s.Index).ToList();
        for (var i = 0; i < streams.Count; i++)
        {
            var s = streams[i];
            if (s.Index < 0)
                throw new PimccError(ExitCode.InvalidBinary, s.Name, $"negative {s.Kind.IndexDomain} index", "indices start at 0");
            if (i > 0 && streams[i - 1].Kind == s.Kind && streams[i - 1].Index == s.Index)
                throw new PimccError(ExitCode.InvalidBinary, s.Name, $"two streams for {s.Kind.IndexDomain} {s.Index}", "merge them into one section");
        }
        return streams;
    }

    /// <summary>The contract the streams belong to: the embedded description's kind's, else that of the streams' kinds
    /// (all one); null for a binary without streams and without a kind.</summary>
    internal static IBinaryContract? StreamContract(PimBinary bin, IEnumerable<InstructionStream> streams)
    {
        var contract = bin.Target.Kind is { } kind ? BinaryContracts.Find(kind) : null;
        foreach (var s in streams)
        {
            var of = BinaryContracts.Of(s.Kind);
            contract ??= of;
            if (!ReferenceEquals(of, contract))
                throw new PimccError(ExitCode.InvalidBinary, s.Name,
                    $"stream kind '{s.Kind.Name}' belongs to target kind '{of.Kind}', not '{contract.Kind}'", "a binary holds the streams of one target kind");
        }
        return contract;
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

    /// <summary>A stream's section payload, checked: its encoded words, compressed when that makes them smaller.</summary>
    private static (byte[] Bytes, bool Compressed) StreamPayload(InstructionStream st, bool compress)
    {
        var where = st.Name;
        StreamRules.Check(st.Words, where, ExitCode.InvalidBinary);
        EntryRules.Check(st.Entries, st.Words, where, ExitCode.InvalidBinary);
        LayerRules.Check(st.Layers, st.Entries, st.Words, where, ExitCode.InvalidBinary);
        var words = Words(st.Words, st.Kind.Table);
        return compress && SectionCompression.Compress(words) is { } packed ? (packed, true) : (words, false);
    }

    private static byte[] Words(IReadOnlyList<Op> ops, OpTable table)
    {
        var bytesPerWord = table.WordBytes;
        var bytes = new byte[ops.Count * bytesPerWord];
        // a list's words as a span: no interface call per word
        ReadOnlySpan<Op> words = ops switch { List<Op> list => CollectionsMarshal.AsSpan(list), Op[] array => array, _ => [.. ops] };
        for (var i = 0; i < words.Length; i++)
        {
            var w = table.Encode(words[i]);
            if (bytesPerWord == 4)
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), (uint)w);
            else
                BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), w);
        }
        return bytes;
    }

    private static byte[] MemoryMapPayload(IReadOnlyList<MemoryRegion> regions, IBinaryContract? contract)
    {
        var s = new ByteSink();
        s.VarUInt((ulong)regions.Count);
        foreach (var r in regions)
        {
            if (!Enum.IsDefined(r.Kind))
                throw new PimccError(ExitCode.InvalidBinary, $"region '{r.Name}'", $"unknown region kind {(int)r.Kind}", "use weight, kv_cache, activation or scratch");
            var p = r.Placement ?? throw new PimccError(ExitCode.InvalidBinary, $"region '{r.Name}'", "region has no placement", "place it in one of the target's memory spaces");
            CheckSpace(p.Space, contract, $"region '{r.Name}'");
            s.String(r.Name);
            s.Byte((byte)r.Kind);
            s.Byte(p.Space.Tag);
            s.VarUInt(Unsigned(p.Index, r, p.Space.IndexDomain));
            var fields = p.Fields;
            for (var i = 0; i < fields.Count; i++)
                s.VarUInt(Unsigned(fields[i], r, p.Space.PlacementFields[i]));
            s.VarUInt(Unsigned(r.SizeBytes, r, "size"));
        }
        return s.ToArray();
    }

    /// <summary>A memory space must be one of the binary's contract's.</summary>
    private static void CheckSpace(MemorySpace space, IBinaryContract? contract, string where)
    {
        if (contract is null || !contract.Spaces.Contains(space))
            throw new PimccError(ExitCode.InvalidBinary, where, $"memory space '{space.Name}' is not one of target kind '{contract?.Kind ?? "(none)"}'",
                "place regions and image chunks in the target's own memory spaces");
    }

    private static ulong Unsigned(long v, MemoryRegion r, string what) => v >= 0 ? (ulong)v
        : throw new PimccError(ExitCode.InvalidBinary, $"region '{r.Name}'", $"{what} is negative ({v})", "use a non-negative value");

    private static byte[] EntryPayload(List<InstructionStream> streams) =>
        StreamTablePayload(streams, c => c.Entries, EntryRules.Order, (s, e) =>
        {
            s.String(e.Name);
            s.VarUInt((ulong)e.Word);
        });

    private static byte[] LayerPayload(List<InstructionStream> streams) =>
        StreamTablePayload(streams, c => c.Layers, LayerRules.Order, (s, r) =>
        {
            s.String(r.Entry);
            s.VarUInt((ulong)r.Layers);
            s.Byte((byte)r.Form);
            s.VarUInt((ulong)r.Word);
            s.VarUInt((ulong)r.Stride);
        });

    /// <summary>A table of per-stream lists (entries, layers): streams with a non-empty list, in file order, items in canonical order.</summary>
    private static byte[] StreamTablePayload<T>(List<InstructionStream> streams, Func<InstructionStream, IReadOnlyList<T>> itemsOf,
        IComparer<T> order, Action<ByteSink, T> write)
    {
        var listed = streams.Where(c => itemsOf(c).Count > 0).ToList();
        var s = new ByteSink();
        s.VarUInt((ulong)listed.Count);
        foreach (var st in listed)
        {
            var items = itemsOf(st);
            s.Byte(st.Kind.Tag);
            s.VarUInt((ulong)st.Index);
            s.VarUInt((ulong)items.Count);
            foreach (var item in items.Order(order))
                write(s, item);
        }
        return s.ToArray();
    }

    private static byte[] WorkloadPayload(CompiledWorkload w, List<InstructionStream> streams)
    {
        WorkloadRules.Check(w, "workload", ExitCode.InvalidBinary);
        WorkloadRules.CheckPrograms(w, streams, "workload", ExitCode.InvalidBinary);
        var s = new ByteSink();
        WorkloadRules.Write(s, w);
        return s.ToArray();
    }

    private static byte[] ImagePayload(IReadOnlyList<MemoryChunk> image, IBinaryContract? contract)
    {
        MemoryImageRules.Check(image, "memory image", ExitCode.InvalidBinary);
        var s = new ByteSink();
        s.VarUInt((ulong)image.Count);
        foreach (var c in image)
        {
            CheckSpace(c.Space, contract, $"image chunk {MemoryImageRules.Name(c)}");
            s.Byte(c.Space.Tag);
            s.VarUInt((ulong)c.Index);
            s.VarUInt((ulong)c.Address);
            s.VarUInt((ulong)c.Bytes.Length);
            s.Bytes(c.Bytes);
        }
        return s.ToArray();
    }

    private static byte[] DebugPayload(PimBinary bin, List<InstructionStream> streams)
    {
        var lengths = streams.ToDictionary(c => (c.Kind, c.Index), c => c.Words.Count);
        var ranges = bin.Debug.Order(DebugOrder).ToList();
        var strings = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in ranges)
        {
            string Where() => $"debug range {d.Stream.StreamName(d.StreamIndex)}[{d.First}, +{d.Count})";
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
            s.Byte(d.Stream.Tag);
            s.VarUInt((ulong)d.StreamIndex);
            s.VarUInt((ulong)d.First);
            s.VarUInt((ulong)d.Count);
            s.VarUInt((ulong)d.IrOpId);
            s.VarUInt((ulong)ids[d.IrOpName]);
        }
        return s.ToArray();
    }
}
