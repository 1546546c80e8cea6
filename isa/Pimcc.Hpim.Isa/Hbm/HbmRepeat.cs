using Pimcc.Isa.Encoding;

namespace Pimcc.Isa.Hbm;

/// <summary>
/// The meaning of <c>rep</c>, written once for the simulator (slow path: command by command) and the compiler
/// (sizes, legality). <c>rep count, body, drow, dcol, dgcol, dladdr</c> runs the next <c>body</c> commands
/// <c>count</c> times; in iteration i the row/col/gcol/laddr operands of those commands grow by i x stride.
/// Nested reps add their contributions.
/// </summary>
public static class HbmRepeat
{
    /// <summary>One command as issued: its word index in the stream and its effective operands.</summary>
    public readonly record struct Issued(int Index, Op Command);

    /// <summary>
    /// Lazily expands a (valid) channel stream into the commands the channel issues, <c>rep</c>s removed.
    /// An effective operand outside its field is an <see cref="Diagnostics.ExitCode.OperandOutOfRange"/> error.
    /// </summary>
    public static IEnumerable<Issued> Expand(IReadOnlyList<Op> stream, string location) =>
        Expand(stream, 0, stream.Count, new long[HbmFormats.RepeatStrides.Count], location);

    /// <summary>Number of commands <see cref="Expand"/> yields, in closed form (time linear in the stream length).</summary>
    public static long CountIssued(IReadOnlyList<Op> stream) => CountIssued(stream, 0, stream.Count);

    private static long CountIssued(IReadOnlyList<Op> s, int from, int to)
    {
        long n = 0;
        for (var i = from; i < to;)
        {
            if (IsRep(s[i]))
            {
                var end = i + 1 + (int)s[i]["body"];
                n += s[i]["count"] * CountIssued(s, i + 1, end);
                i = end;
            }
            else
            {
                n++;
                i++;
            }
        }
        return n;
    }

    private static IEnumerable<Issued> Expand(IReadOnlyList<Op> s, int from, int to, long[] offsets, string location)
    {
        for (var i = from; i < to;)
        {
            var op = s[i];
            if (!IsRep(op))
            {
                yield return new Issued(i, Apply(op, offsets, $"{location} word {i}"));
                i++;
                continue;
            }
            var end = i + 1 + (int)op["body"];
            var count = op["count"];
            for (long k = 0; k < count; k++)
            {
                var inner = new long[offsets.Length];
                for (var f = 0; f < inner.Length; f++)
                    inner[f] = offsets[f] + k * op[HbmFormats.RepeatStrides[f].Stride];
                foreach (var issued in Expand(s, i + 1, end, inner, location))
                    yield return issued;
            }
            i = end;
        }
    }

    private static bool IsRep(Op op) => op.Spec.Action == OpAction.Repeat;

    private static Op Apply(Op op, long[] offsets, string location)
    {
        if (offsets.All(o => o == 0))
            return op;
        var values = op.Operands.ToArray();
        for (var f = 0; f < offsets.Length; f++)
        {
            var name = HbmFormats.RepeatStrides[f].Field;
            for (var k = 0; k < values.Length; k++)
                if (op.Spec.Operands[k].Name == name)
                    values[k] += offsets[f];
        }
        return Op.Create(op.Spec, values, location);
    }
}
