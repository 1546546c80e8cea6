using System.Buffers.Binary;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Tests.Sim;

namespace Pimcc.Tests.Functional;

/// <summary>Hand-assembled programs for the values mode, with their initial memory given as image chunks.</summary>
internal static class FunctionalPrograms
{
    public static FunctionalSimulator Load(string body, IEnumerable<MemoryChunk> image, bool raceCheck = true)
    {
        var chunks = image.ToList();
        chunks.Sort(MemoryImageRules.Order);
        var bin = SimPrograms.Assemble(body) with { Image = chunks };
        return new FunctionalSimulator(bin, "test.bin", new FunctionalOptions { CheckInterleavings = raceCheck });
    }

    public static FunctionalRunResult Run(FunctionalSimulator sim, uint token = 0, ProgramRegisters regs = default) => sim.Run("test", regs, token);

    /// <summary>FP16 values at a byte address of a core's local memory.</summary>
    public static MemoryChunk Halves(int core, long address, params float[] v) => new(HpimSpaces.Local, core, address, Encode(v));

    public static byte[] Encode(params float[] v)
    {
        var b = new byte[v.Length * 2];
        for (var i = 0; i < v.Length; i++) BinaryPrimitives.WriteHalfLittleEndian(b.AsSpan(2 * i), (Half)v[i]);
        return b;
    }

    public static float[] ReadHalves(FunctionalSimulator sim, int core, long address, int n)
    {
        var mem = sim.Machine.LocalMemory(core).ToArray();
        return Enumerable.Range(0, n).Select(i => (float)BinaryPrimitives.ReadHalfLittleEndian(mem.AsSpan((int)(address + 2 * i)))).ToArray();
    }

    /// <summary>What an FP16 store keeps of an FP32 (or double) result.</summary>
    public static float H(double v) => (float)(Half)(float)v;
}
