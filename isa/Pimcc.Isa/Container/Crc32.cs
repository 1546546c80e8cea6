namespace Pimcc.Isa.Container;

/// <summary>
/// CRC-32 as in IEEE 802.3 / zlib / PNG (reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF),
/// so section checksums can be checked with any standard tool. The BCL has no CRC-32 outside System.IO.Hashing,
/// which this repository does not restore.
/// </summary>
public static class Crc32
{
    private static readonly uint[] Lookup = BuildLookup();

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Start, data));

    internal const uint Start = 0xFFFFFFFFu;

    internal static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
            crc = Lookup[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    internal static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;

    private static uint[] BuildLookup()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }
}
