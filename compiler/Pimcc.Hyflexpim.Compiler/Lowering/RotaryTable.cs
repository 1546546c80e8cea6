using System.Globalization;
using Pimcc.Ir;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

/// <summary>
/// The cos/sin tables <c>sfu.rope</c> reads (docs/hyflexpim-passes.md, "Rotary tables"): one per distinct set of a
/// module's rotary frequencies (<see cref="RotaryFrequencies"/>: θ, scaling or an explicit <c>inv_freq</c> list), named
/// <c>rope.table.N</c> in order of first use. Row p (position p, 0 .. the KV caches' length - 1) holds
/// cos(p · inv_freq[i]) for the rotated channel pairs i &lt; rotary_dim / 2, then sin of the same angles: rotary_dim
/// values per position in the SFU's format. The lowering places a table in each PU's window that rotates with it; the
/// memory image writes its values.
/// </summary>
internal sealed record RotaryTable(string Name, string Key, double[] InverseFrequencies)
{
    /// <summary>Values the table holds for <paramref name="positions"/> positions: rotary_dim per position.</summary>
    public long Length(long positions) => positions * 2 * InverseFrequencies.Length;

    /// <summary>The table's values, position after position: cos row then sin row.</summary>
    public float[] Values(long positions)
    {
        var half = InverseFrequencies.Length;
        var v = new float[Length(positions)];
        for (long p = 0; p < positions; p++)
            for (var i = 0; i < half; i++)
            {
                var angle = p * InverseFrequencies[i];
                v[p * 2 * half + i] = (float)Math.Cos(angle);
                v[p * 2 * half + half + i] = (float)Math.Sin(angle);
            }
        return v;
    }

    /// <summary>What decides a table's values: ops with equal keys share one.</summary>
    public static string KeyOf(Operation op) =>
        string.Join(",", RotaryFrequencies.Of(op.Attrs).Select(f => f.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>The module's tables, one per distinct key in order of first use (functions, then ops, in order).</summary>
    public static IReadOnlyList<RotaryTable> Of(Module module)
    {
        var tables = new List<RotaryTable>();
        foreach (var op in module.Functions.SelectMany(f => f.Body).Where(o => o.Opcode == "rotary"))
        {
            var key = KeyOf(op);
            if (tables.All(t => t.Key != key)) tables.Add(new RotaryTable($"rope.table.{tables.Count}", key, RotaryFrequencies.Of(op.Attrs)));
        }
        return tables;
    }

    /// <summary>The table of rotary op <paramref name="op"/>.</summary>
    public static RotaryTable For(Module module, Operation op)
    {
        var key = KeyOf(op);
        return Of(module).First(t => t.Key == key);
    }

    /// <summary>Positions a table covers: every position the programs reach (the KV caches' length).</summary>
    public static long Positions(Module module) => module.KvCaches.Select(c => c.MaxLength).DefaultIfEmpty(1).Max();
}
