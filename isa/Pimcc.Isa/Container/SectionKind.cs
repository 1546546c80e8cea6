namespace Pimcc.Isa.Container;

/// <summary>
/// The shared section kinds, in the order they appear in a file (the reader requires this order). Stream sections
/// come between <see cref="Target"/> and <see cref="MemoryMap"/>, under the section ids their target's
/// <see cref="StreamKind"/>s declare (ids not used here: hpim's core and channel streams are 2 and 3).
/// </summary>
public enum SectionKind : ushort
{
    Target = 1,
    MemoryMap = 4,
    DebugInfo = 5,
    /// <summary>Named entry points of the streams (format 1.1; present only when some stream has entries).</summary>
    EntryTable = 6,
    /// <summary>Initial memory image: bytes the loader writes into HBM and local memory (format 1.2; optional).</summary>
    MemoryImage = 7,
    /// <summary>Per-layer repetition of the streams' programs (format 1.3; present only when some stream declares it).</summary>
    LayerTable = 8,
    /// <summary>The workload the binary was compiled for and the programs lowered (format 1.4; present only when recorded).</summary>
    Workload = 9,
}

/// <summary>Fixed layout constants of the container (docs/binary-format.md).</summary>
internal static class Layout
{
    public static ReadOnlySpan<byte> Magic => "PIMCCBIN"u8;
    public const int HeaderBytes = 24;
    public const int EntryBytes = 24;
    public const int HeaderCrcOffset = 20;
    public const int Sha256Bytes = 32;
}
