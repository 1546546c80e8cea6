using Pimcc.Ir;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Finds the repeated decoder layers of a function so the core code can be one counted loop: segments
/// [Start + i x Period, Start + (i + 1) x Period) for i &lt; Count with the same opcodes, roles and result types,
/// the layers anchored on their attention ops. Values of later layers are renamed to their layer-0 counterparts;
/// values carried from one layer into the next share the buffer of what layer 0 reads from outside.
/// </summary>
internal sealed record LayerLoop(int Start, int Period, int Count)
{
    public int End => Start + Period * Count;

    /// <summary>The first segmentation (fewest ops before the first attention) that matches and that <paramref name="accept"/> takes.</summary>
    public static LayerLoop? Find(Function f, Func<LayerLoop, bool> accept)
    {
        var body = f.Body;
        var anchors = Enumerable.Range(0, body.Length).Where(i => body[i].Opcode == "attention").ToList();
        if (anchors.Count < 2) return null;
        var period = anchors[1] - anchors[0];
        for (var i = 0; i < anchors.Count; i++)
            if (anchors[i] != anchors[0] + i * period) return null;
        for (var lead = 0; lead <= anchors[0]; lead++)
        {
            var loop = new LayerLoop(anchors[0] - lead, period, anchors.Count);
            if (loop.End <= body.Length && loop.Matches(body) && accept(loop)) return loop;
        }
        return null;
    }

    private bool Matches(IReadOnlyList<Operation> body)
    {
        for (var i = 1; i < Count; i++)
            for (var k = 0; k < Period; k++)
            {
                Operation a = body[Start + k], b = body[Start + i * Period + k];
                if (a.Opcode != b.Opcode || a.Operands.Length != b.Operands.Length || a.Attrs.StrOr("role", "") != b.Attrs.StrOr("role", "")
                    || !a.Results.Select(r => r.Type).SequenceEqual(b.Results.Select(r => r.Type)))
                    return false;
                for (var j = 0; j < a.Operands.Length; j++)
                    if (a.Operands[j].Kind != b.Operands[j].Kind) return false;
            }
        return true;
    }

    /// <summary>Name of a value of layer i as layer 0 names it (values outside the layers map to themselves).</summary>
    public Dictionary<string, string> CanonicalNames(IReadOnlyList<Operation> body)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < Count; i++)
            for (var k = 0; k < Period; k++)
            {
                var a = body[Start + k];
                var b = body[Start + i * Period + k];
                for (var r = 0; r < a.Results.Length; r++) map[b.Results[r].Name] = a.Results[r].Name;
            }
        return map;
    }

    /// <summary>
    /// Pairs (value defined in layer 0, value layer 0 reads from outside at the same place): layer 1 reads the
    /// first where layer 0 reads the second, so both must live in one buffer.
    /// </summary>
    public List<(string Carried, string Outside)> CarriedValues(IReadOnlyList<Operation> body)
    {
        var inLayer0 = new HashSet<string>(Enumerable.Range(Start, Period).SelectMany(k => body[k].Results.Select(r => r.Name)), StringComparer.Ordinal);
        var pairs = new List<(string, string)>();
        for (var k = 0; k < Period; k++)
        {
            var a = body[Start + k];
            var b = body[Start + Period + k];
            for (var j = 0; j < a.Operands.Length; j++)
            {
                if (a.Operands[j].Kind != OperandKind.Value) continue;
                string outside = a.Operands[j].Name, next = b.Operands[j].Name;
                if (!inLayer0.Contains(outside) && inLayer0.Contains(next) && !pairs.Contains((next, outside)))
                    pairs.Add((next, outside));
            }
        }
        return pairs;
    }
}
