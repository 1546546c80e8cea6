using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Targets;

namespace Pimcc.Hpim.Sim.Functional;

/// <summary>
/// The architectural state the values mode keeps between program runs: every core's local memory and PIM macros,
/// every HBM channel's bytes (sparse pages), and per channel the pseudo channels' global buffers, each bank's open
/// row and PU result register. Registers, events, barriers and in-flight messages live in one run
/// (docs/hpim-abi.md: they start at 0 for each run).
/// </summary>
public sealed class FunctionalMachine
{
    internal readonly byte[][] Local;
    internal readonly byte[][] Macros;
    internal HbmChannelMemory[] Hbm;
    internal readonly byte[][][] GlobalBuffer;
    internal readonly long[][] OpenRow;
    internal readonly float[][] Results;

    public FunctionalMachine(HpimTarget target)
    {
        Target = target;
        var org = target.Hbm.Organization;
        Local = New(target.Sram.Cores, () => new byte[target.Sram.LocalMemory.TotalBytes]);
        Macros = New(target.Sram.Cores, () => new byte[target.Sram.PimUnit.CapacityBytes]);
        Hbm = New(org.Channels, () => new HbmChannelMemory(org.CapacityBytes / org.Channels));
        GlobalBuffer = New(org.Channels, () => New(org.PseudoChannelsPerChannel, () => new byte[target.Hbm.GlobalBufferBytes]));
        OpenRow = New(org.Channels, () => Enumerable.Repeat(-1L, org.BanksPerChannel).ToArray());
        Results = New(org.Channels, () => new float[org.BanksPerChannel]);
    }

    public HpimTarget Target { get; }

    /// <summary>A machine with the binary's initial memory image loaded (<see cref="ExitCode.NoMemoryImage"/> without one).</summary>
    public static FunctionalMachine Load(PimBinary bin, HpimTarget target, string fileName)
    {
        if (bin.Image.Count == 0)
            throw new PimccError(ExitCode.NoMemoryImage, fileName, "the binary has no initial memory image, so there are no weights to compute with",
                "compile an ONNX model with weights (pimcc model.onnx --image on); HuggingFace configs carry no weights");
        var m = new FunctionalMachine(target);
        foreach (var c in bin.Image)
        {
            var where = $"{fileName}: image chunk {MemoryImageRules.Name(c)}";
            if (c.Space == HpimSpaces.Local)
            {
                if (c.Index >= m.Local.Length || c.End > m.Local[c.Index].Length)
                    throw new PimccError(ExitCode.WrongTarget, where, $"lies outside the local memory of '{target.Name}'", "recompile for this target");
                c.Bytes.CopyTo(m.Local[c.Index], c.Address);
            }
            else
            {
                if (c.Index >= m.Hbm.Length || c.End > m.Hbm[c.Index].CapacityBytes)
                    throw new PimccError(ExitCode.WrongTarget, where, $"lies outside the HBM channels of '{target.Name}'", "recompile for this target");
                m.Hbm[c.Index].Write(c.Address, c.Bytes);
            }
        }
        return m;
    }

    /// <summary>Deep copy (the second interleaving of the race check runs on one).</summary>
    public FunctionalMachine Clone()
    {
        var m = new FunctionalMachine(Target);
        CopyTo(m);
        return m;
    }

    /// <summary>Makes <paramref name="m"/> (same target) hold this machine's state, reusing its arrays.</summary>
    public void CopyTo(FunctionalMachine m)
    {
        for (var i = 0; i < Local.Length; i++) { Local[i].CopyTo(m.Local[i], 0); Macros[i].CopyTo(m.Macros[i], 0); }
        for (var c = 0; c < Hbm.Length; c++)
        {
            m.Hbm[c] = Hbm[c].Copy();
            for (var p = 0; p < GlobalBuffer[c].Length; p++) GlobalBuffer[c][p].CopyTo(m.GlobalBuffer[c][p], 0);
            OpenRow[c].CopyTo(m.OpenRow[c], 0);
            Results[c].CopyTo(m.Results[c], 0);
        }
    }

    /// <summary>Local memory of <paramref name="core"/> (read-only view for callers that collect results).</summary>
    public ReadOnlySpan<byte> LocalMemory(int core) => Local[core];

    /// <summary>Writes bytes into a core's local memory (inputs of a run, e.g. prompt token ids).</summary>
    public void WriteLocal(int core, long address, ReadOnlySpan<byte> bytes) => bytes.CopyTo(Local[core].AsSpan((int)address));

    /// <summary>Reads HBM bytes of one channel.</summary>
    public byte[] ReadHbm(int channel, long address, int bytes)
    {
        var b = new byte[bytes];
        Hbm[channel].Read(address, b);
        return b;
    }

    /// <summary>Writes HBM bytes of one channel (test helpers, e.g. a KV cache prepared from the reference interpreter).</summary>
    public void WriteHbm(int channel, long address, ReadOnlySpan<byte> bytes) => Hbm[channel].Write(address, bytes);

    /// <summary>Null when both machines hold the same state, else where the first difference is.</summary>
    public string? FirstDifference(FunctionalMachine other)
    {
        for (var i = 0; i < Local.Length; i++)
        {
            var at = Local[i].AsSpan().CommonPrefixLength(other.Local[i]);
            if (at < Local[i].Length) return $"core {i} local memory byte {at}";
            at = Macros[i].AsSpan().CommonPrefixLength(other.Macros[i]);
            if (at < Macros[i].Length) return $"core {i} PIM macro byte {at}";
        }
        for (var c = 0; c < Hbm.Length; c++)
            if (!Hbm[c].SameAs(other.Hbm[c], out var addr)) return $"HBM channel {c} byte {addr}";
        return null;
    }

    private static T[] New<T>(int n, Func<T> make)
    {
        var a = new T[n];
        for (var i = 0; i < n; i++) a[i] = make();
        return a;
    }
}
