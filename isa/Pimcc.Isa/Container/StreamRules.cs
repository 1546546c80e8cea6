using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;

namespace Pimcc.Isa.Container;

/// <summary>
/// Structural rules on whole streams that single-word decoding cannot see: SRAM branch targets stay inside
/// the stream; HBM <c>rep</c> bodies stay inside the stream and nest properly. Shared by writer and reader so
/// nothing that could not be read back is ever written.
/// </summary>
public static class StreamRules
{
    public static void CheckCoreStream(IReadOnlyList<Op> ops, string location, ExitCode code)
    {
        for (var i = 0; i < ops.Count; i++)
        {
            var spec = ops[i].Spec;
            for (var k = 0; k < spec.Operands.Count; k++)
            {
                if (spec.Operands[k].Kind != FieldKind.Offset)
                    continue;
                var target = i + ops[i].Operands[k];
                if (target < 0 || target >= ops.Count)
                    throw new PimccError(code, $"{location} word {i}",
                        $"'{spec.Mnemonic}' branches to word {target}, outside the stream of {ops.Count} words",
                        "branch targets must be instructions of the same core");
            }
        }
    }

    public static void CheckChannelStream(IReadOnlyList<Op> ops, string location, ExitCode code)
    {
        // Stack of the exclusive end index of every open rep body.
        var open = new Stack<long>();
        for (var i = 0; i < ops.Count; i++)
        {
            while (open.Count > 0 && open.Peek() <= i)
                open.Pop();
            if (ops[i].Spec.Mnemonic != "rep")
                continue;
            var end = i + 1 + ops[i]["body"];
            if (end > ops.Count)
                throw new PimccError(code, $"{location} word {i}",
                    $"rep body of {ops[i]["body"]} commands runs past the end of the stream ({ops.Count} words)", "shorten the body");
            if (open.Count > 0 && end > open.Peek())
                throw new PimccError(code, $"{location} word {i}",
                    $"rep body ends at word {end}, after the enclosing rep body ends at word {open.Peek()}", "nested rep bodies must nest");
            open.Push(end);
        }
    }
}

/// <summary>Rules on the entry points of one stream, shared by writer, reader and assembler.</summary>
public static class EntryRules
{
    /// <summary>The canonical order of entries in a stream: word, then name (ordinal).</summary>
    public static IComparer<StreamEntry> Order { get; } = Comparer<StreamEntry>.Create((a, b) =>
    {
        var c = a.Word.CompareTo(b.Word);
        return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
    });

    /// <summary>
    /// Entries must have distinct non-empty names, lie in [0, stream length] and, in a channel stream, not point
    /// inside a <c>rep</c> body (a program cannot start in the middle of a repeated block).
    /// </summary>
    public static void Check(IReadOnlyList<StreamEntry> entries, IReadOnlyList<Op> ops, bool channel, string location, ExitCode code)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Name.Length == 0 || !names.Add(e.Name))
                throw new PimccError(code, location, $"entry name '{e.Name}' is empty or repeated", "give every entry of a stream its own name");
            if (e.Word < 0 || e.Word > ops.Count)
                throw new PimccError(code, location, $"entry '{e.Name}' at word {e.Word} lies outside the stream of {ops.Count} words", "entries point at a word of the stream or at its end");
        }
        if (!channel || entries.Count == 0)
            return;
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i].Spec.Mnemonic != "rep")
                continue;
            var end = i + 1 + ops[i]["body"];
            foreach (var e in entries)
                if (e.Word > i && e.Word < end)
                    throw new PimccError(code, location, $"entry '{e.Name}' at word {e.Word} lies inside the rep body of words [{i + 1}, {end})",
                        "start programs outside repeated blocks");
        }
    }
}
