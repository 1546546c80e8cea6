using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;
using Pimcc.Targets;

namespace Pimcc.Isa.Container;

/// <summary>
/// What a target's <c>out.bin</c> holds besides the shared sections (docs/binary-format.md, "Binary contracts"): its
/// stream kinds and memory spaces, and the checks a binary must pass against the target description it embeds.
/// Registered with <c>[assembly: TargetComponent(typeof(...))]</c> and found by the description's kind.
/// </summary>
public interface IBinaryContract
{
    /// <summary>The description kind whose binaries this contract describes.</summary>
    string Kind { get; }

    /// <summary>The stream kinds, in file order.</summary>
    IReadOnlyList<StreamKind> Streams { get; }

    /// <summary>The memory spaces regions and image chunks are placed in.</summary>
    IReadOnlyList<MemorySpace> Spaces { get; }

    /// <summary>Checks streams, regions and image chunks against the resolved description the binary embeds (indices
    /// the target has, regions inside its memories); a violation is <paramref name="code"/> at <paramref name="location"/>.</summary>
    void Check(TargetDescription target, PimBinary binary, string location, ExitCode code);
}

/// <summary>
/// One kind of instruction stream: the section id its streams are stored under, a one-byte tag by which the debug,
/// entry and layer tables name it, its name (also its assembly directive, <c>.core 3</c>), the ISA table its words are
/// encoded with (which fixes the word size) and its index domain (what a stream's index numbers: <c>core</c>).
/// <see cref="Create"/> builds the stream record the target's code works with. Section ids and tags are unique over
/// all registered targets, so a file's streams decode by their section id alone.
/// </summary>
public sealed record StreamKind(ushort Section, byte Tag, string Name, OpTable Table, string IndexDomain,
    Func<int, IReadOnlyList<Op>, InstructionStream> Create)
{
    /// <summary>Stream name of index <paramref name="index"/>: <c>core3</c>.</summary>
    public string StreamName(int index) => Name + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => Name;
}

/// <summary>
/// One memory space of a target (HBM, a core's local memory, an RRAM array): the tag regions and image chunks name it
/// by, its name (its assembly keyword), what an index selects in it, and the fields of a region's placement after the
/// index (<see cref="Placement.Fields"/>), from which <see cref="Place"/> rebuilds the target's placement record.
/// <see cref="Address"/> is the space's one address function: the byte address (inside the index's memory, the
/// address image chunks use) where a placement starts, for a resolved description; <see cref="BytesPerIndex"/> is
/// how many bytes one index holds. The target's compiler, image builder and simulator use the same function.
/// </summary>
public sealed record MemorySpace(byte Tag, string Name, string IndexDomain, IReadOnlyList<string> PlacementFields,
    Func<int, IReadOnlyList<long>, Placement> Place, Func<TargetDescription, Placement, long> Address,
    Func<TargetDescription, long> BytesPerIndex)
{
    /// <summary>Whether a region of <paramref name="bytes"/> at <paramref name="p"/> lies inside its index's memory.</summary>
    public bool Holds(TargetDescription target, Placement p, long bytes)
    {
        var at = Address(target, p);
        return at >= 0 && bytes >= 0 && at + bytes <= BytesPerIndex(target);
    }

    public override string ToString() => Name;
}

/// <summary>The registered binary contracts; their stream kinds and memory spaces, found by section id, tag or name.</summary>
public static class BinaryContracts
{
    private static readonly KindRegistry<IBinaryContract> Registry = new(c => c.Kind, "binary contracts");
    private static readonly Lazy<Index> All = new(Build);

    private sealed record Index(
        IReadOnlyDictionary<ushort, (StreamKind Kind, IBinaryContract Contract)> BySection,
        IReadOnlyDictionary<byte, StreamKind> ByTag,
        IReadOnlyDictionary<string, StreamKind> ByName,
        IReadOnlyDictionary<byte, MemorySpace> SpaceByTag,
        IReadOnlyDictionary<string, MemorySpace> SpaceByName);

    /// <summary>Section ids the shared container uses; stream kinds take others.</summary>
    private static readonly ushort[] SharedSections = [.. Enum.GetValues<SectionKind>().Select(k => (ushort)k)];

    private static Index Build()
    {
        var bySection = new Dictionary<ushort, (StreamKind, IBinaryContract)>();
        var byTag = new Dictionary<byte, StreamKind>();
        var byName = new Dictionary<string, StreamKind>(StringComparer.Ordinal);
        var spaceByTag = new Dictionary<byte, MemorySpace>();
        var spaceByName = new Dictionary<string, MemorySpace>(StringComparer.Ordinal);
        foreach (var c in Registry.All)
        {
            foreach (var s in c.Streams)
            {
                if (SharedSections.Contains(s.Section) || !bySection.TryAdd(s.Section, (s, c)))
                    throw new InvalidOperationException($"stream kind '{s.Name}' of '{c.Kind}': section id {s.Section} is taken");
                if (!byTag.TryAdd(s.Tag, s) || !byName.TryAdd(s.Name, s))
                    throw new InvalidOperationException($"stream kind '{s.Name}' of '{c.Kind}': tag {s.Tag} or name is taken");
            }
            foreach (var m in c.Spaces)
                if (!spaceByTag.TryAdd(m.Tag, m) || !spaceByName.TryAdd(m.Name, m))
                    throw new InvalidOperationException($"memory space '{m.Name}' of '{c.Kind}': tag {m.Tag} or name is taken");
        }
        return new Index(bySection, byTag, byName, spaceByTag, spaceByName);
    }

    /// <summary>The contract of a description kind, or null.</summary>
    public static IBinaryContract? Find(string kind) => Registry.Find(kind);

    /// <summary>The contract of <paramref name="kind"/>, or <paramref name="code"/> at <paramref name="location"/>.</summary>
    public static IBinaryContract For(string kind, string location, ExitCode code) =>
        Find(kind) ?? throw new PimccError(code, location, $"no binary contract is registered for target kind '{kind}'",
            $"kinds with binaries: {Registry.Kinds}");

    /// <summary>The stream kind stored under section id <paramref name="section"/>, with its contract.</summary>
    public static (StreamKind Kind, IBinaryContract Contract)? BySection(ushort section) =>
        All.Value.BySection.TryGetValue(section, out var k) ? k : null;

    public static StreamKind? ByTag(byte tag) => All.Value.ByTag.GetValueOrDefault(tag);

    public static StreamKind? ByName(string name) => All.Value.ByName.GetValueOrDefault(name);

    /// <summary>The contract a stream kind belongs to.</summary>
    public static IBinaryContract Of(StreamKind kind) => All.Value.BySection[kind.Section].Contract;

    public static MemorySpace? Space(byte tag) => All.Value.SpaceByTag.GetValueOrDefault(tag);

    public static MemorySpace? Space(string name) => All.Value.SpaceByName.GetValueOrDefault(name);

    /// <summary>The region checks every contract makes: each region of the binary's memory map is on an index the target
    /// has (<paramref name="indexExists"/>) and lies inside that index's memory (<see cref="MemorySpace.Holds"/>);
    /// otherwise <paramref name="code"/> at <paramref name="location"/> with the target's <paramref name="hint"/>.</summary>
    public static void CheckRegions(TargetDescription target, PimBinary binary, Func<Placement, bool> indexExists, string location,
        string hint, ExitCode code)
    {
        foreach (var r in binary.MemoryMap)
        {
            var p = r.Placement;
            if (!indexExists(p))
                throw new PimccError(code, location, $"region \"{r.Name}\" is on {p.Space.IndexDomain} {p.Index}", hint);
            if (!p.Space.Holds(target, p, r.SizeBytes))
            {
                var at = p.Space.Address(target, p);
                throw new PimccError(code, location,
                    $"region \"{r.Name}\" ({p.Space.IndexDomain} {p.Index}, bytes {at}-{at + r.SizeBytes - 1}) is outside the target's {p.Space.Name} memory",
                    $"{hint}; {p.Space.Name} holds {p.Space.BytesPerIndex(target)} bytes per {p.Space.IndexDomain}");
            }
        }
    }

    /// <summary>Every registered stream kind, by section id (for docs and hints).</summary>
    public static IReadOnlyList<StreamKind> StreamKinds => [.. All.Value.BySection.Values.Select(v => v.Kind).OrderBy(k => k.Section)];
}
