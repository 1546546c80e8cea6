using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Container;

namespace Pimcc.Hyflexpim.Sim.Functional;

/// <summary>
/// The crossbar arrays of every PU as the binary's memory image programmed them (docs/binary-format.md, "hyflexpim
/// memory image"): arrays the image does not cover hold level 0 in every cell. Arrays are kept one by one, so a
/// model's few hundred arrays do not allocate the PUs' thousands.
/// </summary>
public sealed class CrossbarMemory
{
    private readonly Dictionary<(int Pu, long Array), byte[]> _arrays = [];

    public CrossbarMemory(HyflexpimTarget target) => Target = target;

    public HyflexpimTarget Target { get; }

    /// <summary>The arrays of <paramref name="bin"/>'s image; a chunk outside the target's memory or a crossbar chunk
    /// that does not cover whole arrays is an invalid binary (exit 57).</summary>
    public static CrossbarMemory Load(PimBinary bin, HyflexpimTarget target, string fileName)
    {
        var m = new CrossbarMemory(target);
        var size = target.Analog.ArrayBytes;
        HyflexpimBinaryContract.CheckImage(target, bin.Image, fileName, ExitCode.InvalidBinary);
        foreach (var c in bin.Image.Where(c => c.Space == HyflexpimSpaces.Crossbar))
            for (long i = 0; i < c.Bytes.Length / size; i++)
                m._arrays[(c.Index, c.Address / size + i)] = c.Bytes.AsSpan((int)(i * size), (int)size).ToArray();
        return m;
    }

    /// <summary>The cells of array <paramref name="array"/> of analog module <paramref name="module"/> of PU <paramref name="pu"/>.</summary>
    public byte[] Array(int pu, int module, int array)
    {
        var key = (pu, (long)module * Target.Analog.Arrays + array);
        if (!_arrays.TryGetValue(key, out var bytes)) _arrays[key] = bytes = new byte[Target.Analog.ArrayBytes];
        return bytes;
    }
}
