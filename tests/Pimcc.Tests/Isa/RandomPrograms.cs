using System.Text;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;

namespace Pimcc.Tests.Isa;

/// <summary>Seeded generators of ops and whole programs that obey the stream rules, biased toward operand extremes.</summary>
internal static class RandomPrograms
{
    private static readonly string[] Names = ["layers.0.attn.q_proj", "a\"quoted\"\\name", "tab\there", "層.0.ffn", "x", "", "semi;colon, comma=eq"];

    public static long Value(Random rng, Field f) => rng.Next(4) switch
    {
        0 => f.Min,
        1 => f.Max,
        _ => rng.NextInt64(f.Min, f.Max + 1),
    };

    public static Op RandomOp(Random rng, OpTable table)
    {
        var spec = table.Rows[rng.Next(table.Rows.Count)];
        return Op.Create(spec, spec.Operands.Select(f => Value(rng, f)).ToArray());
    }

    public static List<Op> CoreStream(Random rng, int length)
    {
        var ops = new List<Op>(length);
        for (var i = 0; i < length; i++)
        {
            var spec = SramIsa.Table.Rows[rng.Next(SramIsa.Table.Rows.Count)];
            var values = spec.Operands.Select(f => f.Kind == FieldKind.Offset ? rng.Next(length) - (long)i : Value(rng, f)).ToArray();
            ops.Add(Op.Create(spec, values));
        }
        return ops;
    }

    public static List<Op> ChannelStream(Random rng, int length)
    {
        var ops = new List<Op>(length);
        var ends = new Stack<int>();
        var rep = HbmCommandSet.Table.Get("rep");
        for (var i = 0; i < length; i++)
        {
            while (ends.Count > 0 && ends.Peek() <= i)
                ends.Pop();
            var limit = (ends.Count > 0 ? ends.Peek() : length) - i - 1;
            Op op;
            do
                op = RandomOp(rng, HbmCommandSet.Table);
            while (op.Spec == rep && limit < 1);
            if (op.Spec == rep)
            {
                var v = op.Operands.ToArray();
                v[rep.IndexOf("body")] = 1 + rng.Next(Math.Min(limit, 255));
                op = Op.Create(rep, v);
                ends.Push(i + 1 + (int)v[1]);
            }
            ops.Add(op);
        }
        return ops;
    }

    public static PimBinary Program(Random rng, int maxStreamLength = 40)
    {
        var cores = Enumerable.Range(0, 32).Where(_ => rng.Next(3) == 0)
            .Select(c => new CoreStream(c, CoreStream(rng, rng.Next(maxStreamLength)))).ToList();
        var channels = Enumerable.Range(0, 64).Where(_ => rng.Next(6) == 0)
            .Select(c => new ChannelStream(c, ChannelStream(rng, rng.Next(maxStreamLength)))).ToList();
        var regions = new List<MemoryRegion>();
        for (var i = rng.Next(6); i > 0; i--)
        {
            Placement p = rng.Next(2) == 0
                ? new HbmPlacement(rng.Next(64), 1 + rng.Next(64), rng.Next(2), rng.Next(8), rng.Next(4), rng.Next(1 << 18), rng.Next(32))
                : new LocalPlacement(rng.Next(32), rng.NextInt64(1L << 40));
            regions.Add(new MemoryRegion(Names[rng.Next(Names.Length)], (RegionKind)rng.Next(4), p, rng.NextInt64(long.MaxValue)));
        }
        var debug = new List<DebugRange>();
        foreach (var c in cores.Where(c => c.Instructions.Count > 0))
            debug.Add(Range(rng, HpimStreams.Core, c.Core, c.Instructions.Count));
        foreach (var c in channels.Where(c => c.Commands.Count > 0))
            debug.Add(Range(rng, HpimStreams.Channel, c.Channel, c.Commands.Count));
        var json = Encoding.UTF8.GetBytes($"{{\"name\":\"hpim\",\"seed\":{rng.Next()}}}");
        return HpimBinary.Create(new TargetBlob(rng.Next(2) == 0 ? "hpim" : "hpim-\"custom\"", json), cores, channels, regions, debug);
    }

    private static DebugRange Range(Random rng, StreamKind kind, int index, int length)
    {
        var first = rng.Next(length);
        return new DebugRange(kind, index, first, rng.Next(length - first + 1), rng.NextInt64(1L << 50), Names[rng.Next(Names.Length)]);
    }
}
