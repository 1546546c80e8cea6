using Pimcc.Hyflexpim.Isa;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

/// <summary>
/// A tensor in a PU's activation window while a program runs: <see cref="Rows"/> rows of <see cref="Length"/>
/// elements of <see cref="ElementBytes"/> bytes, each row starting at a 256-byte unit. It records who wrote it and who
/// read it (for the events its readers and the next user of its block wait on), its copies on other PUs and its
/// quantised form. An alias (<see cref="Owner"/>: one row of another value) shares its owner's block.
/// </summary>
internal sealed class BufferValue(int pu, long start, long rows, long length, int elementBytes, BufferValue? owner = null)
{
    public int Pu => pu;
    public long Start => start;
    public long Rows => rows;
    public long Length => length;
    public int ElementBytes => elementBytes;
    public BufferValue? Owner => owner;
    public long RowUnits => UnitsOf(length * elementBytes);
    public long Units => rows * RowUnits;

    /// <summary>Accesses the next writer of the block has to wait for (its previous users).</summary>
    public List<Access> Prior { get; } = [];
    public List<Access> Writers { get; } = [];
    public List<Access> Readers { get; } = [];
    public Dictionary<int, BufferValue> Copies { get; } = [];
    public (BufferValue Values, BufferValue Scales)? Quantized { get; set; }

    public static long UnitsOf(long bytes) => (bytes + HyflexpimFormats.BufferUnitBytes - 1) / HyflexpimFormats.BufferUnitBytes;
}
