using System.Security.Cryptography;
using Pimcc.Isa.Encoding;

namespace Pimcc.Isa.Container;

/// <summary>
/// The contents of an <c>out.bin</c> (docs/binary-format.md): everything the simulator needs besides nothing else.
/// Streams are decoded <see cref="Op"/> lists; <see cref="PimBinaryWriter"/> and <see cref="PimBinaryReader"/> convert.
/// </summary>
public sealed record PimBinary(
    TargetBlob Target,
    IReadOnlyList<CoreStream> Cores,
    IReadOnlyList<ChannelStream> Channels,
    IReadOnlyList<MemoryRegion> MemoryMap,
    IReadOnlyList<DebugRange> Debug)
{
    /// <summary>Format version written by this pimcc; readers accept the same major and any minor up to this one.</summary>
    public const ushort MajorVersion = 1;
    public const ushort MinorVersion = 4;

    /// <summary>Minor version the writer stamps: the lowest that holds what the file carries: 4 with a workload, 3 with
    /// a layer table, 2 with an initial memory image, else 1 (so older kinds of files stay byte-identical to what their
    /// writers produced).</summary>
    public ushort WrittenMinorVersion => Workload is not null ? (ushort)4 : HasLayers ? (ushort)3 : Image.Count > 0 ? (ushort)2 : (ushort)1;

    /// <summary>The workload the program was compiled for (format 1.4); null = not recorded (older or hand-written files).</summary>
    public CompiledWorkload? Workload { get; init; }

    /// <summary>Whether some stream declares how its programs repeat per layer (format 1.3).</summary>
    public bool HasLayers => Cores.Any(c => c.Layers.Count > 0) || Channels.Any(c => c.Layers.Count > 0);

    /// <summary>Initial memory image (format 1.2): chunks in canonical order (<see cref="MemoryImageRules"/>); empty = none.</summary>
    public IReadOnlyList<MemoryChunk> Image { get; init; } = [];

    public CoreStream? Core(int core) => Cores.FirstOrDefault(c => c.Core == core);

    public ChannelStream? Channel(int channel) => Channels.FirstOrDefault(c => c.Channel == channel);
}

/// <summary>
/// The resolved target description the program was compiled for: its name and an embedded verbatim copy of the
/// resolved JSON (opaque UTF-8 bytes from the caller). The SHA-256 of those bytes is stored beside them.
/// </summary>
public sealed record TargetBlob(string Name, byte[] Json)
{
    public byte[] Sha256 => SHA256.HashData(Json);

    public string Sha256Hex => Convert.ToHexStringLower(Sha256);

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

/// <summary>Instruction stream of one SRAM-PIM core. <see cref="Entries"/> name its programs (format 1.1).</summary>
public sealed record CoreStream(int Core, IReadOnlyList<Op> Instructions)
{
    /// <summary>Named entry points (e.g. <c>prefill</c>, <c>decode</c>), ascending by word; empty = one program from word 0.</summary>
    public IReadOnlyList<StreamEntry> Entries { get; init; } = [];

    /// <summary>Word offset of the named entry, or null.</summary>
    public int? EntryWord(string name) => Entries.FirstOrDefault(e => e.Name == name)?.Word;

    /// <summary>How its programs repeat per decoder layer (format 1.3), at most one per entry; empty = not declared.</summary>
    public IReadOnlyList<LayerRepeat> Layers { get; init; } = [];
}

/// <summary>Command stream of one HBM channel (both pseudo channels; each command names its pc).
/// <see cref="Entries"/> name its programs (format 1.1); a program ends where the next entry begins.</summary>
public sealed record ChannelStream(int Channel, IReadOnlyList<Op> Commands)
{
    /// <summary>Named entry points, ascending by word; empty = one program from word 0.</summary>
    public IReadOnlyList<StreamEntry> Entries { get; init; } = [];

    /// <summary>Word offset of the named entry, or null.</summary>
    public int? EntryWord(string name) => Entries.FirstOrDefault(e => e.Name == name)?.Word;

    /// <summary>How its programs repeat per decoder layer (format 1.3), at most one per entry; empty = not declared.</summary>
    public IReadOnlyList<LayerRepeat> Layers { get; init; } = [];
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

/// <summary>A named region of HBM or of a core's local memory. For HBM regions striped over several channels,
/// <see cref="SizeBytes"/> is per channel and every channel uses the same in-channel placement.</summary>
public sealed record MemoryRegion(string Name, RegionKind Kind, Placement Placement, long SizeBytes);

/// <summary>Where a region starts.</summary>
public abstract record Placement;

/// <summary>HBM: channels [Channel, Channel + ChannelCount), pseudo channel, bank group, bank, row, column (32-byte units).</summary>
public sealed record HbmPlacement(int Channel, int ChannelCount, int PseudoChannel, int BankGroup, int Bank, long Row, long Column) : Placement;

/// <summary>Local memory of one SRAM-PIM core, byte address.</summary>
public sealed record LocalPlacement(int Core, long Address) : Placement;

/// <summary>Which kind of stream a debug range points into.</summary>
public enum StreamKind : byte
{
    Core = 0,
    Channel = 1,
}

/// <summary>
/// Words [First, First + Count) of one stream came from IR operation <see cref="IrOpId"/> (<see cref="IrOpName"/>).
/// Ranges, not per-word records, keep debug info small for large models.
/// </summary>
public sealed record DebugRange(StreamKind Stream, int StreamIndex, int First, int Count, long IrOpId, string IrOpName);
