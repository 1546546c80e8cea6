using System.Buffers.Binary;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Sim.Functional;

/// <summary>
/// What a functional run holds: the SRAM, each LPDDR channel (in pages allocated when first written, so a channel of
/// gigabytes costs what the run touches) and each crossbar's programmed bytes, loaded from the binary's memory image
/// (<see cref="CrossbarCells"/>); everything else starts zero-filled. Element access is little-endian.
/// </summary>
public sealed class PimllmMemory
{
    private const int PageBytes = 1 << 16;
    private readonly Dictionary<long, byte[]>[] _lpddr;
    private readonly Dictionary<int, byte[]> _crossbars = [];
    private readonly PimllmTarget _target;

    public PimllmMemory(PimllmTarget target, IReadOnlyList<MemoryChunk> image)
    {
        _target = target;
        _sram = new byte[PimllmSpaces.AddressableSramBytes(target)];
        _lpddr = [.. Enumerable.Range(0, target.Lpddr.Channels).Select(_ => new Dictionary<long, byte[]>())];
        foreach (var c in image)
            if (c.Space == PimllmSpaces.Sram) c.Bytes.CopyTo(SramBytes(c.Address, c.Bytes.Length));
            else if (c.Space == PimllmSpaces.Lpddr) WriteLpddr(c.Index, c.Address, c.Bytes);
            else if (c.Space == PimllmSpaces.Crossbar) c.Bytes.CopyTo(Crossbar(c.Index).AsSpan((int)c.Address));
    }

    private readonly byte[] _sram;

    /// <summary>SRAM bytes [<paramref name="address"/>, <paramref name="address"/> + <paramref name="length"/>); a range
    /// outside the SRAM is the binary's fault (<see cref="SramFault"/>, which the machine reports with the word).</summary>
    public Span<byte> SramBytes(long address, long length)
    {
        if (address < 0 || length < 0 || address > _sram.Length - length) throw new SramFault(address, length, _sram.Length);
        return _sram.AsSpan((int)address, (int)length);
    }

    /// <summary>The i8 at SRAM byte <paramref name="address"/>.</summary>
    public sbyte I8(long address) => (sbyte)SramBytes(address, 1)[0];

    /// <summary>A crossbar's bytes (scale and cells); unprogrammed crossbars read as all-zero cells with scale 0.</summary>
    public byte[] Crossbar(int index)
    {
        if (!_crossbars.TryGetValue(index, out var bytes))
            _crossbars[index] = bytes = new byte[CrossbarCells.Bytes(_target.Crossbars)];
        return bytes;
    }

    public void ReadLpddr(int channel, long address, Span<byte> into)
    {
        for (var done = 0; done < into.Length;)
        {
            var at = address + done;
            var n = (int)Math.Min(into.Length - done, PageBytes - at % PageBytes);
            if (_lpddr[channel].TryGetValue(at / PageBytes, out var page)) page.AsSpan((int)(at % PageBytes), n).CopyTo(into[done..]);
            else into.Slice(done, n).Clear();
            done += n;
        }
    }

    public void WriteLpddr(int channel, long address, ReadOnlySpan<byte> bytes)
    {
        for (var done = 0; done < bytes.Length;)
        {
            var at = address + done;
            var n = (int)Math.Min(bytes.Length - done, PageBytes - at % PageBytes);
            if (!_lpddr[channel].TryGetValue(at / PageBytes, out var page)) _lpddr[channel][at / PageBytes] = page = new byte[PageBytes];
            bytes.Slice(done, n).CopyTo(page.AsSpan((int)(at % PageBytes)));
            done += n;
        }
    }

    /// <summary>Element <paramref name="i"/> of a vector of type <paramref name="dtype"/> (0 i8, 1 i32, 2 fp16, 3 fp32) at byte <paramref name="address"/>.</summary>
    public float Read(long address, int dtype, long i) => dtype switch
    {
        0 => I8(address + i),
        1 => BinaryPrimitives.ReadInt32LittleEndian(SramBytes(address + 4 * i, 4)),
        3 => BinaryPrimitives.ReadSingleLittleEndian(SramBytes(address + 4 * i, 4)),
        _ => (float)BinaryPrimitives.ReadHalfLittleEndian(SramBytes(address + 2 * i, 2)),
    };

    /// <summary>Writes <paramref name="v"/> as element <paramref name="i"/> of type <paramref name="dtype"/>: fp16 and fp32
    /// round to nearest, i8 and i32 round half to even and saturate.</summary>
    public void Write(long address, int dtype, long i, double v)
    {
        switch (dtype)
        {
            case 0:
                SramBytes(address + i, 1)[0] = (byte)(sbyte)Math.Clamp(Math.Round(v, MidpointRounding.ToEven), sbyte.MinValue, sbyte.MaxValue);
                break;
            case 1:
                BinaryPrimitives.WriteInt32LittleEndian(SramBytes(address + 4 * i, 4), (int)Math.Clamp(Math.Round(v, MidpointRounding.ToEven), int.MinValue, int.MaxValue));
                break;
            case 3:
                BinaryPrimitives.WriteSingleLittleEndian(SramBytes(address + 4 * i, 4), (float)v);
                break;
            default:
                BinaryPrimitives.WriteHalfLittleEndian(SramBytes(address + 2 * i, 2), (Half)v);
                break;
        }
    }

    public float ReadFp32(long address) => BinaryPrimitives.ReadSingleLittleEndian(SramBytes(address, 4));

    public void WriteFp32(long address, float v) => BinaryPrimitives.WriteSingleLittleEndian(SramBytes(address, 4), v);

    public static int ElementBytes(int dtype) => dtype switch { 0 => 1, 1 or 3 => 4, _ => 2 };
}

/// <summary>A word of the binary reached SRAM bytes outside the target's SRAM.</summary>
public sealed class SramFault(long address, long length, long size)
    : Exception($"SRAM bytes [{address}, {address + length}) lie outside the {size}-byte SRAM");
