using System.Security.Cryptography;
using Pimcc.Isa.Encoding;

namespace Pimcc.Isa.Container;

/// <summary>
/// The contents of an <c>out.bin</c> (docs/binary-format.md): the target it was compiled for, its instruction streams
/// (of the stream kinds the target's <see cref="IBinaryContract"/> declares), memory map, debug ranges and the optional
/// image, entry, layer and workload sections. <see cref="PimBinaryWriter"/> and <see cref="PimBinaryReader"/> convert.
/// </summary>
public sealed record PimBinary(
    TargetBlob Target,
    IReadOnlyList<InstructionStream> Streams,
    IReadOnlyList<MemoryRegion> MemoryMap,
    IReadOnlyList<DebugRange> Debug)
{
    /// <summary>Format version written by this pimcc; readers accept the same major and any minor up to this one.</summary>
    public const ushort MajorVersion = 1;
    public const ushort MinorVersion = 5;

    /// <summary>Minor version the writer stamps: the lowest that holds what the file carries: 5 with a compressed section
    /// (decided when writing, <see cref="SectionCompression"/>), 4 with a workload, 3 with
    /// a layer table, 2 with an initial memory image, else 1 (so older kinds of files stay byte-identical to what their
    /// writers produced).</summary>
    public ushort WrittenMinorVersion => Workload is not null ? (ushort)4 : HasLayers ? (ushort)3 : Image.Count > 0 ? (ushort)2 : (ushort)1;

    /// <summary>The workload the program was compiled for (format 1.4); null = not recorded (older or hand-written files).</summary>
    public CompiledWorkload? Workload { get; init; }

    /// <summary>Whether some stream declares how its programs repeat per layer (format 1.3).</summary>
    public bool HasLayers => Streams.Any(c => c.Layers.Count > 0);

    /// <summary>Initial memory image (format 1.2): chunks in canonical order (<see cref="MemoryImageRules"/>); empty = none.</summary>
    public IReadOnlyList<MemoryChunk> Image { get; init; } = [];

    /// <summary>The streams of one kind, ascending by index, as the target's stream type. Built once per
    /// <see cref="Streams"/> list (simulators and checks ask for them per access) and shared by every binary that holds
    /// that list, so a <c>with { Streams = ... }</c> copy sees its own streams.</summary>
    public IReadOnlyList<T> StreamsOf<T>(StreamKind kind) where T : InstructionStream =>
        (IReadOnlyList<T>)StreamsByKind.GetValue(Streams, _ => new()).GetOrAdd(kind,
            k => Array.AsReadOnly<T>([.. Streams.Where(s => s.Kind == k).OrderBy(s => s.Index).Cast<T>()]));

    // Keyed to the list reference, not a field of the record: a field would take part in the record's equality and
    // be copied by `with`. The streams are immutable, so a list's per-kind views never go stale.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<InstructionStream>,
        System.Collections.Concurrent.ConcurrentDictionary<StreamKind, object>> StreamsByKind = new();

    /// <summary>The stream of <paramref name="kind"/> with index <paramref name="index"/>, or null.</summary>
    public InstructionStream? Stream(StreamKind kind, int index) => Streams.FirstOrDefault(s => s.Kind == kind && s.Index == index);
}

/// <summary>
/// The resolved target description the program was compiled for: its name and an embedded verbatim copy of the
/// resolved JSON (opaque UTF-8 bytes from the caller). The SHA-256 of those bytes is stored beside them.
/// </summary>
public sealed record TargetBlob(string Name, byte[] Json)
{
    public byte[] Sha256 => SHA256.HashData(Json);

    public string Sha256Hex => Convert.ToHexStringLower(Sha256);

    /// <summary>The description's <c>"kind"</c>, or null when the blob is not a pimcc target description with one
    /// (hand-written assembly embeds <c>{}</c>; binaries written before kinds existed have none).</summary>
    public string? Kind
    {
        get
        {
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(Json);
                return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                    && doc.RootElement.TryGetProperty("kind", out var k) && k.ValueKind == System.Text.Json.JsonValueKind.String ? k.GetString() : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>The description parsed and validated through its kind (<see cref="Pimcc.Targets.TargetLoader.Parse(string, string, IReadOnlyList{string})"/>); a blob that is not
    /// UTF-8 or whose name differs from its description's is <paramref name="corrupt"/> at <paramref name="location"/>.</summary>
    public Pimcc.Targets.TargetDescription Resolve(string location, Pimcc.Diagnostics.ExitCode corrupt, string origin)
    {
        string json;
        try
        {
            json = new System.Text.UTF8Encoding(false, true).GetString(Json);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new Pimcc.Diagnostics.PimccError(corrupt, location, "embedded target description is not UTF-8", "the binary is corrupt");
        }
        Pimcc.Targets.TargetDescription target;
        try
        {
            target = Pimcc.Targets.TargetLoader.Parse(json, origin);
        }
        catch (Pimcc.Diagnostics.PimccError e) when (e.Code == Pimcc.Diagnostics.ExitCode.InvalidTargetDescription && corrupt == Pimcc.Diagnostics.ExitCode.InvalidBinary)
        {
            // A binary written by a pimcc whose target schema differed (a key added or removed since): not this pimcc's to run.
            throw new Pimcc.Diagnostics.PimccError(Pimcc.Diagnostics.ExitCode.UnsupportedBinaryVersion, e.Location,
                $"the embedded target description does not resolve with this pimcc ({e.Message})", "recompile the model with this pimcc");
        }
        if (target.Name != Name)
            throw new Pimcc.Diagnostics.PimccError(corrupt, location,
                $"target section is named '{Name}' but its description is '{target.Name}'", "the binary is corrupt");
        return target;
    }
}

/// <summary>
/// The words of one stream of a <see cref="StreamKind"/> (a core's instructions, a channel's commands) and the named
/// entry points and layer declarations of its programs. Targets may derive their own stream records (hpim's
/// <c>CoreStream</c>) for readable names; the container only sees this.
/// </summary>
public record InstructionStream(StreamKind Kind, int Index, IReadOnlyList<Op> Words)
{
    /// <summary>Named entry points (e.g. <c>prefill</c>, <c>decode</c>), ascending by word; empty = one program from word 0.</summary>
    public IReadOnlyList<StreamEntry> Entries { get; init; } = [];

    /// <summary>How its programs repeat per decoder layer (format 1.3), at most one per entry; empty = not declared.</summary>
    public IReadOnlyList<LayerRepeat> Layers { get; init; } = [];

    /// <summary>The stream's name: its kind's name and index (<c>core3</c>).</summary>
    public string Name => Kind.StreamName(Index);

    /// <summary>Word offset of the named entry, or null.</summary>
    public int? EntryWord(string name) => Entries.FirstOrDefault(e => e.Name == name)?.Word;
}

/// <summary>A named program entry point: the word where the program starts (0 &lt;= Word &lt;= stream length).</summary>
public sealed record StreamEntry(string Name, int Word);

/// <summary>How a stream's words repeat one block of work per decoder layer (<see cref="LayerRepeat"/>).</summary>
public enum LayerForm : byte
{
    /// <summary>A counted loop: <see cref="LayerRepeat.Word"/> is the <c>li.lo</c> that loads the loop's counter with the layer count.</summary>
    Loop = 0,
    /// <summary>Unrolled: layer l is words [Word + l x Stride, Word + (l + 1) x Stride); Stride 0 = no per-layer words.</summary>
    Blocks = 1,
}

/// <summary>
/// Declares that the program <see cref="Entry"/> of a stream does the same work once per decoder layer, and where
/// (format 1.3, docs/binary-format.md "Layer table"). Nothing executes it; it lets a simulator run the program with
/// fewer layers and extrapolate (docs/simulator.md, "Layer sampling"). The rules are <see cref="LayerRules"/>.
/// </summary>
public sealed record LayerRepeat(string Entry, int Layers, LayerForm Form, int Word, int Stride);

/// <summary>What a memory-map region holds.</summary>
public enum RegionKind : byte
{
    Weight = 0,
    KvCache = 1,
    Activation = 2,
    Scratch = 3,
}

/// <summary>A named region of one of the target's memory spaces (<see cref="Placement"/>); its size in bytes (for a
/// region striped over several indices of its space, per index).</summary>
public sealed record MemoryRegion(string Name, RegionKind Kind, Placement Placement, long SizeBytes);

/// <summary>
/// Where a region starts, in one of its target's <see cref="MemorySpace"/>s: the index the space's domain numbers (a
/// channel, a core) and the space's further fields (<see cref="MemorySpace.PlacementFields"/>), stored in that order.
/// Each target declares its placement records.
/// </summary>
public abstract record Placement
{
    public abstract MemorySpace Space { get; }

    public abstract int Index { get; }

    public abstract IReadOnlyList<long> Fields { get; }
}

/// <summary>
/// Words [First, First + Count) of one stream came from IR operation <see cref="IrOpId"/> (<see cref="IrOpName"/>).
/// Ranges, not per-word records, keep debug info small for large models.
/// </summary>
public sealed record DebugRange(StreamKind Stream, int StreamIndex, int First, int Count, long IrOpId, string IrOpName);
