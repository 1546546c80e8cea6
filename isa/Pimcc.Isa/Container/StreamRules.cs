using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;

namespace Pimcc.Isa.Container;

/// <summary>
/// Structural rules on whole streams that single-word decoding cannot see, read from the rows' shared columns: branch
/// targets (<see cref="FieldKind.Offset"/> operands) stay inside the stream; the bodies of <see cref="OpFlow.Repeat"/>
/// rows stay inside the stream and nest properly. Shared by writer, reader and assembler so nothing that could not be
/// read back is ever written.
/// </summary>
public static class StreamRules
{
    public static void Check(IReadOnlyList<Op> ops, string location, ExitCode code)
    {
        // Stack of the exclusive end index of every open rep body.
        var open = new Stack<long>();
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
                        "branch targets must be words of the same stream");
            }
            while (open.Count > 0 && open.Peek() <= i)
                open.Pop();
            if (spec.Flow != OpFlow.Repeat)
                continue;
            var end = i + 1 + ops[i]["body"];
            if (end > ops.Count)
                throw new PimccError(code, $"{location} word {i}",
                    $"{spec.Mnemonic} body of {ops[i]["body"]} words runs past the end of the stream ({ops.Count} words)", "shorten the body");
            if (open.Count > 0 && end > open.Peek())
                throw new PimccError(code, $"{location} word {i}",
                    $"{spec.Mnemonic} body ends at word {end}, after the enclosing body ends at word {open.Peek()}", "nested repeated bodies must nest");
            open.Push(end);
        }
    }

    /// <summary>Per word: whether it lies strictly inside the body of a <see cref="OpFlow.Repeat"/> row (after that row); null when the stream has none.</summary>
    internal static bool[]? InsideRepeat(IReadOnlyList<Op> ops)
    {
        bool[]? inside = null;
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i].Spec.Flow != OpFlow.Repeat) continue;
            inside ??= new bool[ops.Count];
            var end = Math.Min(ops.Count, i + 1 + ops[i]["body"]);
            for (var k = i + 1; k < end; k++) inside[k] = true;
        }
        return inside;
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
    /// Entries must have distinct non-empty names, lie in [0, stream length] and not point inside a repeated body
    /// (a program cannot start in the middle of a repeated block).
    /// </summary>
    public static void Check(IReadOnlyList<StreamEntry> entries, IReadOnlyList<Op> ops, string location, ExitCode code)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Name.Length == 0 || !names.Add(e.Name))
                throw new PimccError(code, location, $"entry name '{e.Name}' is empty or repeated", "give every entry of a stream its own name");
            if (e.Word < 0 || e.Word > ops.Count)
                throw new PimccError(code, location, $"entry '{e.Name}' at word {e.Word} lies outside the stream of {ops.Count} words", "entries point at a word of the stream or at its end");
        }
        if (entries.Count == 0 || StreamRules.InsideRepeat(ops) is not { } inside)
            return;
        foreach (var e in entries)
            if (e.Word < ops.Count && inside[e.Word])
                throw new PimccError(code, location, $"entry '{e.Name}' at word {e.Word} lies inside a repeated body",
                    "start programs outside repeated blocks");
    }
}

/// <summary>Rules on the layer declarations of one stream (<see cref="LayerRepeat"/>), shared by writer, reader and assembler.</summary>
public static class LayerRules
{
    /// <summary>The canonical order of a stream's layer declarations: by entry name (ordinal).</summary>
    public static IComparer<LayerRepeat> Order { get; } = Comparer<LayerRepeat>.Create((a, b) => string.CompareOrdinal(a.Entry, b.Entry));

    /// <summary>
    /// Each declaration names an entry of the stream (at most one per entry), has at least one layer and lies inside
    /// that entry's program (from its word to the next entry or the stream's end). A loop points at the row that loads
    /// the layer count into its counter (<see cref="OpFlow.LoadImmediate"/>, hpim's <c>li.lo counter, Layers</c>);
    /// blocks fit in the program and no block boundary falls inside a repeated body.
    /// </summary>
    public static void Check(IReadOnlyList<LayerRepeat> layers, IReadOnlyList<StreamEntry> entries, IReadOnlyList<Op> ops,
        string location, ExitCode code)
    {
        if (layers.Count == 0) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var insideRep = StreamRules.InsideRepeat(ops);
        foreach (var r in layers)
        {
            PimccError Bad(string message, string hint) => new(code, $"{location} layers '{r.Entry}'", message, hint);
            if (!seen.Add(r.Entry)) throw Bad("the entry has two layer declarations", "declare each program's layers once");
            var start = entries.FirstOrDefault(e => e.Name == r.Entry)?.Word
                ?? throw Bad("names no entry of this stream", "declare layers for an entry of the same stream");
            var end = entries.Select(e => e.Word).Where(w => w > start).DefaultIfEmpty(ops.Count).Min();
            if (r.Layers < 1) throw Bad($"layer count {r.Layers} is not positive", "count the decoder layers the program runs");
            switch (r.Form)
            {
                case LayerForm.Loop:
                    if (r.Stride != 0) throw Bad($"a loop declaration has stride {r.Stride}", "loops have no stride");
                    if (r.Word < start || r.Word >= end)
                        throw Bad($"loop counter word {r.Word} lies outside the program's words [{start}, {end})", "point at the li.lo that loads the layer counter");
                    var op = ops[r.Word];
                    if (op.Spec.Flow != OpFlow.LoadImmediate || op["imm"] != r.Layers)
                        throw Bad($"word {r.Word} is '{op.Spec.Mnemonic}', not a load of the layer count {r.Layers}", "point at the li.lo that loads the layer counter");
                    break;
                case LayerForm.Blocks:
                    if (r.Stride < 0) throw Bad($"block stride {r.Stride} is negative", "give the words per layer");
                    if (r.Word < start || r.Word + (long)r.Layers * r.Stride > end)
                        throw Bad($"{r.Layers} blocks of {r.Stride} words from word {r.Word} do not fit in the program's words [{start}, {end})", "check the first word and the stride");
                    if (insideRep is null || r.Stride == 0) break;
                    for (var l = 0; l <= r.Layers; l++)
                    {
                        var w = r.Word + l * r.Stride;
                        if (w < ops.Count && insideRep[w])
                            throw Bad($"layer {l} starts at word {w}, inside a rep body", "blocks must hold whole rep blocks");
                    }
                    break;
                default:
                    throw Bad($"unknown layer form {(byte)r.Form}", "loop or blocks");
            }
        }
    }
}
