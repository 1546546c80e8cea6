using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Pimcc.Hyflexpim.Sim.Functional;

/// <summary>
/// A PU's buffer (its digital modules' bytes: the activation window, the KV tables above it) on values, kept in 64 KiB
/// pages allocated on first write so a run touches only what its program uses; unwritten bytes read as zero.
/// Addresses are bytes; values are little-endian (the binary's byte order, and the host's on every platform .NET runs).
/// </summary>
public sealed class PuBuffer
{
    private const int PageBits = 16;
    private const int PageBytes = 1 << PageBits;
    private readonly Dictionary<long, byte[]> _pages = [];

    public void Read(long address, Span<byte> into)
    {
        for (var done = 0; done < into.Length;)
        {
            var at = address + done;
            var offset = (int)(at & (PageBytes - 1));
            var n = Math.Min(into.Length - done, PageBytes - offset);
            if (_pages.TryGetValue(at >> PageBits, out var page)) page.AsSpan(offset, n).CopyTo(into.Slice(done, n));
            else into.Slice(done, n).Clear();
            done += n;
        }
    }

    public void Write(long address, ReadOnlySpan<byte> bytes)
    {
        for (var done = 0; done < bytes.Length;)
        {
            var at = address + done;
            var offset = (int)(at & (PageBytes - 1));
            var n = Math.Min(bytes.Length - done, PageBytes - offset);
            if (!_pages.TryGetValue(at >> PageBits, out var page)) _pages[at >> PageBits] = page = new byte[PageBytes];
            bytes.Slice(done, n).CopyTo(page.AsSpan(offset, n));
            done += n;
        }
    }

    public byte[] Read(long address, long length)
    {
        var bytes = new byte[length];
        Read(address, bytes);
        return bytes;
    }

    /// <summary>n little-endian values of <typeparamref name="T"/> (i8, i32, FP32) from <paramref name="address"/>.</summary>
    public T[] Read<T>(long address, long n) where T : unmanaged
    {
        var v = new T[n];
        Read(address, MemoryMarshal.AsBytes(v.AsSpan()));
        return v;
    }

    public void Write<T>(long address, ReadOnlySpan<T> values) where T : unmanaged => Write(address, MemoryMarshal.AsBytes(values));

    /// <summary>FP16 values, widened to float.</summary>
    public float[] ReadHalf(long address, long n)
    {
        var bytes = Read(address, n * 2);
        var v = new float[n];
        for (var i = 0; i < n; i++) v[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(i * 2));
        return v;
    }

    /// <summary>Stores values as FP16 (round to nearest even): the SFU's number format.</summary>
    public void WriteHalf(long address, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)values[i]);
        Write(address, bytes);
    }
}
