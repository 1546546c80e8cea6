using System.Buffers.Binary;
using System.Security.Cryptography;
using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;

namespace Pimcc.Isa.Container;

/// <summary>
/// Reads and fully validates an <c>out.bin</c>. Checks run in a fixed order so each kind of corruption has its
/// own exit code: magic (<see cref="ExitCode.BadMagic"/>), version (<see cref="ExitCode.UnsupportedBinaryVersion"/>),
/// sizes (<see cref="ExitCode.TruncatedSection"/>), checksums (<see cref="ExitCode.ChecksumMismatch"/>), then
/// contents (<see cref="ExitCode.UnknownOpcode"/>, <see cref="ExitCode.OperandOutOfRange"/>,
/// <see cref="ExitCode.InvalidBinary"/>). Only canonical files (as <see cref="PimBinaryWriter"/> writes them) are
/// accepted, so <c>Write(Read(bytes))</c> gives the same bytes back.
/// </summary>
public static class PimBinaryReader
{
    /// <summary>Reads a file from disk; a missing or unreadable file is <see cref="ExitCode.InputNotFound"/>.</summary>
    public static PimBinary ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PimccError(ExitCode.InputNotFound, path, $"cannot read the binary: {e.Message}", "check the path");
        }
        return Read(bytes, path);
    }

    public static PimBinary Read(ReadOnlySpan<byte> file, string fileName)
    {
        if (file.Length < Layout.Magic.Length || !file[..Layout.Magic.Length].SequenceEqual(Layout.Magic))
            throw new PimccError(ExitCode.BadMagic, fileName, "not a pimcc binary (magic 'PIMCCBIN' missing)",
                "pass an out.bin written by `pimcc MODEL -o out.bin` or `pimcc asm`");
        if (file.Length < 12)
            throw Truncated(fileName, "header", 12, file.Length);
        var major = BinaryPrimitives.ReadUInt16LittleEndian(file[8..]);
        var minor = BinaryPrimitives.ReadUInt16LittleEndian(file[10..]);
        if (major != PimBinary.MajorVersion || minor > PimBinary.MinorVersion)
            throw new PimccError(ExitCode.UnsupportedBinaryVersion, fileName,
                $"binary format version {major}.{minor} is not supported (this pimcc reads {PimBinary.MajorVersion}.0 to {PimBinary.MajorVersion}.{PimBinary.MinorVersion})",
                "recompile the program with this pimcc");
        if (file.Length < Layout.HeaderBytes)
            throw Truncated(fileName, "header", Layout.HeaderBytes, file.Length);
        var count = BinaryPrimitives.ReadUInt32LittleEndian(file[12..]);
        var tableEnd = Layout.HeaderBytes + (long)count * Layout.EntryBytes;
        if (tableEnd > file.Length)
            throw Truncated(fileName, "section table", tableEnd, file.Length);
        if (BinaryPrimitives.ReadUInt32LittleEndian(file[16..]) != 0)
            throw Invalid(fileName, "header", "reserved header field is not zero");
        var headerCrc = BinaryPrimitives.ReadUInt32LittleEndian(file[Layout.HeaderCrcOffset..]);
        if (PimBinaryWriter.HeaderCrc(file, (int)count) != headerCrc)
            throw new PimccError(ExitCode.ChecksumMismatch, $"{fileName}: header", "header/section-table checksum does not match", "the file is corrupt");

        var entries = ReadEntries(file, (int)count, tableEnd, fileName, minor);
        TargetBlob? target = null;
        IBinaryContract? contract = null;
        var streams = new List<InstructionStream>();
        IReadOnlyList<MemoryRegion> map = [];
        IReadOnlyList<DebugRange> debug = [];
        IReadOnlyList<MemoryChunk> image = [];
        CompiledWorkload? workload = null;
        foreach (var e in entries)
        {
            var payload = file.Slice((int)e.Offset, (int)e.Length);
            var where = $"{fileName}: section {e.Name}";
            if (e.Stream is { } kind)
            {
                var words = ReadWords(e.Flags != 0 ? SectionCompression.Decompress(payload, where) : payload, kind.Table, where);
                StreamRules.Check(words, where, ExitCode.InvalidBinary);
                streams.Add(kind.Create((int)e.Index, words));
                continue;
            }
            switch ((SectionKind)e.Kind)
            {
                case SectionKind.Target:
                    target = ReadTarget(payload, where);
                    contract = Contract(target, entries, where);
                    break;
                case SectionKind.MemoryMap:
                    map = ReadMemoryMap(payload, where, contract);
                    break;
                case SectionKind.DebugInfo:
                    debug = ReadDebug(payload, where, streams);
                    break;
                case SectionKind.EntryTable:
                    ReadEntryTable(payload, where, streams);
                    break;
                case SectionKind.MemoryImage:
                    image = ReadImage(payload, where, contract);
                    break;
                case SectionKind.LayerTable:
                    ReadLayerTable(payload, where, streams);
                    break;
                case SectionKind.Workload:
                    workload = WorkloadRules.Read(payload, where);
                    WorkloadRules.CheckPrograms(workload, streams, where, ExitCode.InvalidBinary);
                    break;
            }
        }
        if (minor == 2 && image.Count == 0)
            throw Invalid(fileName, "section table", "format 1.2 is only written for files with a memory image");
        if (minor == 3 && !entries.Any(e => e.Kind == (ushort)SectionKind.LayerTable))
            throw Invalid(fileName, "section table", "format 1.3 is only written for files with a layer table");
        if (minor == 4 && workload is null)
            throw Invalid(fileName, "section table", "format 1.4 is only written for files with a workload section");
        if (minor == 5 && entries.All(e => e.Flags == 0))
            throw Invalid(fileName, "section table", "format 1.5 is only written for files with a compressed section");
        return new PimBinary(target!, streams, map, debug) { Image = image, Workload = workload };
    }

    /// <summary>
    /// The contract the file's streams follow: that of the embedded description's kind (every stream section must be
    /// one of its stream kinds), else that of its stream sections (all of one target kind); null when neither names one.
    /// </summary>
    private static IBinaryContract? Contract(TargetBlob target, List<Entry> entries, string where)
    {
        IBinaryContract? contract = null;
        if (target.Kind is { } kind)
            contract = BinaryContracts.Find(kind) ?? throw new PimccError(ExitCode.UnsupportedBinaryVersion, where,
                $"the binary is for target kind '{kind}', which this pimcc has no binary contract for", "use the pimcc that wrote it, or recompile");
        foreach (var e in entries)
        {
            if (e.Stream is not { } s) continue;
            var of = BinaryContracts.Of(s);
            contract ??= of;
            if (!ReferenceEquals(of, contract))
                throw new PimccError(ExitCode.InvalidBinary, where, $"section {e.Name} is a '{of.Kind}' stream in a '{contract.Kind}' binary", "the binary is corrupt");
        }
        return contract;
    }

    /// <summary>One section-table entry; <see cref="Stream"/> is the stream kind of a stream section.</summary>
    private readonly record struct Entry(ushort Kind, uint Index, long Offset, long Length, string Name, StreamKind? Stream, ushort Flags);

    private static List<Entry> ReadEntries(ReadOnlySpan<byte> file, int count, long tableEnd, string fileName, ushort minor)
    {
        var entries = new List<Entry>();
        // Pass 1: sizes (TruncatedSection) before structure, so a cut-off file reports truncation.
        for (var i = 0; i < count; i++)
        {
            var e = file.Slice(Layout.HeaderBytes + i * Layout.EntryBytes, Layout.EntryBytes);
            var kind = BinaryPrimitives.ReadUInt16LittleEndian(e);
            var index = BinaryPrimitives.ReadUInt32LittleEndian(e[4..]);
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(e[8..]);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(e[16..]);
            var stream = BinaryContracts.BySection(kind)?.Kind;
            var name = stream?.StreamName((int)Math.Min(index, int.MaxValue)) ?? SectionName((SectionKind)kind, i);
            if (offset > (ulong)file.Length || offset + length > (ulong)file.Length)
                throw Truncated(fileName, name, (long)Math.Min(offset + length, long.MaxValue), file.Length);
            // Flags (format 1.5): bit 0 = compressed, on stream sections only; older files have 0 there.
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(e[2..]);
            if (flags != 0 && (minor < 5 || flags != SectionCompression.Compressed || stream is null))
                throw Invalid(fileName, name, minor < 5 ? "reserved field of the section entry is not zero" : $"section flags 0x{flags:X4} are not 0 or 1 (compressed stream)");
            entries.Add(new Entry(kind, index, (long)offset, length, name, stream, flags));
        }
        // Pass 2: checksums.
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var stored = BinaryPrimitives.ReadUInt32LittleEndian(file[(Layout.HeaderBytes + i * Layout.EntryBytes + 20)..]);
            if (Crc32.Compute(file.Slice((int)e.Offset, (int)e.Length)) != stored)
                throw new PimccError(ExitCode.ChecksumMismatch, $"{fileName}: section {e.Name}",
                    "section checksum does not match its contents", "the file is corrupt");
        }
        // Pass 3: canonical structure: target, streams (by kind, then ascending index), memory map, debug, then the
        // optional tables; contiguous.
        var expectOffset = tableEnd;
        (int Rank, int Position)? prev = null;
        long prevIndex = -1;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            (int Rank, int Position) r = e.Stream is { } st ? (2, st.Section) : ((SectionKind)e.Kind switch
            {
                SectionKind.Target => 1,
                SectionKind.MemoryMap => 4,
                SectionKind.DebugInfo => 5,
                // Entry table: format 1.1 and later (files of format 1.0 have none).
                SectionKind.EntryTable when minor >= 1 => 6,
                // Memory image: format 1.2 and later.
                SectionKind.MemoryImage when minor >= 2 => 7,
                // Layer table: format 1.3 and later.
                SectionKind.LayerTable when minor >= 3 => 8,
                // Workload: format 1.4 and later.
                SectionKind.Workload when minor >= 4 => 9,
                _ => throw Invalid(fileName, e.Name, $"unknown section kind {e.Kind}"),
            }, 0);
            if (prev is { } p && (r.CompareTo(p) < 0 || (r == p && (r.Rank != 2 || e.Index <= prevIndex))))
                throw Invalid(fileName, e.Name, "sections are out of order or repeated");
            if (r.Rank != 2 && e.Index != 0)
                throw Invalid(fileName, e.Name, "section index must be 0");
            prev = r;
            prevIndex = e.Index;
            if (e.Offset != expectOffset)
                throw Invalid(fileName, e.Name, $"section starts at {e.Offset}, expected {expectOffset} (gap or overlap)");
            expectOffset += e.Length;
        }
        // Optional trailing sections after debug: entry table (1.1), memory image (1.2), layer table (1.3), workload (1.4).
        var tail = entries.Count(e => e.Stream is null && (SectionKind)e.Kind is SectionKind.EntryTable or SectionKind.MemoryImage or SectionKind.LayerTable or SectionKind.Workload);
        if (entries.Count < 3 + tail || entries[0].Kind != (ushort)SectionKind.Target || entries[^(2 + tail)].Kind != (ushort)SectionKind.MemoryMap
            || entries[^(1 + tail)].Kind != (ushort)SectionKind.DebugInfo)
            throw Invalid(fileName, "section table", "needs a target section first and memory-map and debug sections last");
        if (expectOffset != file.Length)
            throw Invalid(fileName, "end of file", $"{file.Length - expectOffset} bytes after the last section");
        return entries;
    }

    private static string SectionName(SectionKind kind, int position) => kind switch
    {
        SectionKind.Target => "target",
        SectionKind.MemoryMap => "memory-map",
        SectionKind.DebugInfo => "debug",
        SectionKind.EntryTable => "entries",
        SectionKind.MemoryImage => "image",
        SectionKind.LayerTable => "layers",
        SectionKind.Workload => "workload",
        _ => $"#{position}",
    };

    private static TargetBlob ReadTarget(ReadOnlySpan<byte> payload, string where)
    {
        var src = new ByteSource(payload, where);
        var name = src.String("target name");
        var hash = src.Bytes(Layout.Sha256Bytes).ToArray();
        var len = src.VarInt("target description length", int.MaxValue);
        var json = src.Bytes(len).ToArray();
        src.End();
        if (!SHA256.HashData(json).AsSpan().SequenceEqual(hash))
            throw new PimccError(ExitCode.ChecksumMismatch, where, "SHA-256 of the embedded target description does not match the stored hash", "the file is corrupt");
        return new TargetBlob(name, json);
    }

    private static List<Op> ReadWords(ReadOnlySpan<byte> payload, OpTable table, string where)
    {
        var bytesPerWord = table.WordBytes;
        if (payload.Length % bytesPerWord != 0)
            throw new PimccError(ExitCode.InvalidBinary, where, $"length {payload.Length} is not a multiple of {bytesPerWord}-byte words", "the file is corrupt");
        var ops = new List<Op>(payload.Length / bytesPerWord);
        for (var i = 0; i < payload.Length / bytesPerWord; i++)
        {
            var word = bytesPerWord == 4
                ? BinaryPrimitives.ReadUInt32LittleEndian(payload[(i * 4)..])
                : BinaryPrimitives.ReadUInt64LittleEndian(payload[(i * 8)..]);
            ops.Add(table.Decode(word, where, i));
        }
        return ops;
    }

    private static List<MemoryRegion> ReadMemoryMap(ReadOnlySpan<byte> payload, string where, IBinaryContract? contract)
    {
        var src = new ByteSource(payload, where);
        var n = src.VarInt("region count", int.MaxValue);
        var list = new List<MemoryRegion>();
        for (long i = 0; i < n; i++)
        {
            var name = src.String("region name");
            var kindCode = src.U8();
            if (kindCode > (byte)RegionKind.Scratch)
                throw src.Invalid($"region '{name}' has unknown kind {kindCode}");
            var space = Space(ref src, contract, $"region '{name}'");
            var index = (int)src.VarInt(space.IndexDomain, int.MaxValue);
            var fields = new long[space.PlacementFields.Count];
            for (var f = 0; f < fields.Length; f++)
                fields[f] = src.VarInt(space.PlacementFields[f], long.MaxValue);
            Placement p;
            try
            {
                p = space.Place(index, fields);
            }
            catch (OverflowException)
            {
                throw src.Invalid($"region '{name}' has a placement field out of range");
            }
            list.Add(new MemoryRegion(name, (RegionKind)kindCode, p, src.VarInt("size", long.MaxValue)));
        }
        src.End();
        return list;
    }

    /// <summary>A memory-space tag, which must name one of the contract's spaces.</summary>
    private static MemorySpace Space(ref ByteSource src, IBinaryContract? contract, string what)
    {
        var tag = src.U8();
        return contract?.Spaces.FirstOrDefault(m => m.Tag == tag) ?? throw src.Invalid($"{what} has unknown memory space {tag}");
    }

    private static List<DebugRange> ReadDebug(ReadOnlySpan<byte> payload, string where, List<InstructionStream> streams)
    {
        var src = new ByteSource(payload, where);
        var nStrings = src.VarInt("string count", int.MaxValue);
        var strings = new List<string>();
        for (long i = 0; i < nStrings; i++)
            strings.Add(src.String("op name"));
        var n = src.VarInt("range count", int.MaxValue);
        var list = new List<DebugRange>();
        var nextNewString = 0L;
        for (long i = 0; i < n; i++)
        {
            var tag = src.U8();
            var kind = BinaryContracts.ByTag(tag) ?? throw src.Invalid($"debug range {i} has unknown stream kind {tag}");
            var index = (int)src.VarInt("stream index", int.MaxValue);
            var first = (int)src.VarInt("first word", int.MaxValue);
            var count = (int)src.VarInt("word count", int.MaxValue);
            var opId = src.VarInt("op id", long.MaxValue);
            var nameIndex = src.VarInt("op name index", int.MaxValue);
            if (nameIndex >= strings.Count)
                throw src.Invalid($"debug range {i} names string {nameIndex} of {strings.Count}");
            int? len = streams.FirstOrDefault(c => c.Kind == kind && c.Index == index)?.Words.Count;
            if (len is null || (long)first + count > len)
                throw src.Invalid($"debug range {i} lies outside its stream");
            // Canonical form (as the writer emits it): strings interned in first-use order.
            if (nameIndex > nextNewString)
                throw src.Invalid($"debug range {i} uses string {nameIndex} before string {nextNewString}");
            if (nameIndex == nextNewString)
                nextNewString++;
            var range = new DebugRange(kind, index, first, count, opId, strings[(int)nameIndex]);
            if (list.Count > 0 && PimBinaryWriter.DebugOrder.Compare(list[^1], range) > 0)
                throw src.Invalid($"debug range {i} is out of order");
            list.Add(range);
        }
        src.End();
        if (nextNewString != strings.Count || strings.Distinct(StringComparer.Ordinal).Count() != strings.Count)
            throw src.Invalid("debug string table has unused or repeated strings");
        return list;
    }

    private static List<MemoryChunk> ReadImage(ReadOnlySpan<byte> payload, string where, IBinaryContract? contract)
    {
        var src = new ByteSource(payload, where);
        var n = src.VarInt("chunk count", int.MaxValue);
        if (n == 0)
            throw src.Invalid("memory image has no chunks (the writer omits an empty image)");
        var list = new List<MemoryChunk>();
        for (long i = 0; i < n; i++)
        {
            var space = Space(ref src, contract, $"image chunk {i}");
            var index = (int)src.VarInt("chunk index", int.MaxValue);
            var addr = src.VarInt("chunk address", long.MaxValue);
            var len = src.VarInt("chunk length", int.MaxValue);
            list.Add(new MemoryChunk(space, index, addr, src.Bytes(len).ToArray()));
        }
        src.End();
        MemoryImageRules.Check(list, where, ExitCode.InvalidBinary);
        return list;
    }

    private delegate T ItemReader<T>(ref ByteSource src);

    /// <summary>Reads the entry table into the streams it names (replacing them with copies that carry entries).</summary>
    private static void ReadEntryTable(ReadOnlySpan<byte> payload, string where, List<InstructionStream> streams) =>
        ReadStreamTable(payload, where, "entry", "entries", streams, EntryRules.Order, e => e.Name,
            (ref ByteSource src) => new StreamEntry(src.String("entry name"), (int)src.VarInt("entry word", int.MaxValue)),
            (c, list, loc) =>
            {
                EntryRules.Check(list, c.Words, loc, ExitCode.InvalidBinary);
                return c with { Entries = list };
            });

    /// <summary>Reads the layer table into the streams it names (after the entry table, whose entries it refers to).</summary>
    private static void ReadLayerTable(ReadOnlySpan<byte> payload, string where, List<InstructionStream> streams) =>
        ReadStreamTable(payload, where, "layer", "declarations", streams, LayerRules.Order, r => r.Entry,
            (ref ByteSource src) =>
            {
                var entry = src.String("entry name");
                var layers = (int)src.VarInt("layer count", int.MaxValue);
                var form = src.U8();
                if (form > (byte)LayerForm.Blocks)
                    throw src.Invalid($"layers of '{entry}' have unknown form {form}");
                return new LayerRepeat(entry, layers, (LayerForm)form, (int)src.VarInt("layer word", int.MaxValue), (int)src.VarInt("layer stride", int.MaxValue));
            },
            (c, list, loc) =>
            {
                LayerRules.Check(list, c.Entries, c.Words, loc, ExitCode.InvalidBinary);
                return c with { Layers = list };
            });

    /// <summary>
    /// A table of per-stream lists (entries, layers): the number of streams, then per stream (in file order) its kind's
    /// tag, index and items in canonical order. Each stream's list goes to <paramref name="attach"/>, which checks it
    /// against the stream and returns the stream that carries it.
    /// </summary>
    private static void ReadStreamTable<T>(ReadOnlySpan<byte> payload, string where, string table, string items,
        List<InstructionStream> streams, IComparer<T> order, Func<T, string> nameOf, ItemReader<T> read,
        Func<InstructionStream, List<T>, string, InstructionStream> attach)
    {
        var src = new ByteSource(payload, where);
        var n = src.VarInt("stream count", int.MaxValue);
        if (n == 0)
            throw src.Invalid($"{table} table lists no stream (the writer omits an empty table)");
        var prev = -1;
        for (long i = 0; i < n; i++)
        {
            var tag = src.U8();
            var kind = BinaryContracts.ByTag(tag) ?? throw src.Invalid($"{table} table names unknown stream kind {tag}");
            var index = (int)src.VarInt("stream index", int.MaxValue);
            var at = streams.FindIndex(c => c.Kind == kind && c.Index == index);
            if (at < 0)
                throw src.Invalid($"{table} table names {kind.StreamName(index)}, which has no stream");
            if (at <= prev)
                throw src.Invalid($"{table} table stream {i} is out of order or repeated");
            prev = at;
            var count = src.VarInt($"{table} count", int.MaxValue);
            if (count == 0)
                throw src.Invalid($"{table} table stream {i} has no {items}");
            var list = new List<T>();
            for (long k = 0; k < count; k++)
            {
                var item = read(ref src);
                if (list.Count > 0 && order.Compare(list[^1], item) >= 0)
                    throw src.Invalid($"{table} '{nameOf(item)}' is out of order");
                list.Add(item);
            }
            streams[at] = attach(streams[at], list, $"{where} ({kind.StreamName(index)})");
        }
        src.End();
    }

    private static PimccError Truncated(string fileName, string what, long needed, long actual) =>
        new(ExitCode.TruncatedSection, $"{fileName}: {what}", $"{what} needs the file to be {needed} bytes long, it is {actual}",
            "the file was cut off; copy it again or recompile");

    private static PimccError Invalid(string fileName, string what, string message) =>
        new(ExitCode.InvalidBinary, $"{fileName}: {what}", message, "the binary is corrupt; recompile or reassemble it");
}
