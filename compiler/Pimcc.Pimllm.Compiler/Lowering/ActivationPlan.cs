using Pimcc.Ir;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Lowering;

/// <summary>
/// Where one program's activations sit in the SRAM's activation arena (units from the arena's start): every value an
/// op defines, allocated first-fit when it is defined and freed after its last use, and each op's temporaries
/// (quantised inputs, scores, probabilities, output chunks), held while the op runs. A program processes
/// <see cref="Rows"/> tokens at a time (prefill: blocks of <c>systolic.rows</c>; decode: one), so the arena is
/// bounded by the block, not the prompt. Values are f16 rows, or i32 rows when the systolic array produced them.
/// </summary>
public sealed class ActivationPlan
{
    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Op, string Name), long> _temps = [];

    /// <summary>Tokens one pass over the body processes.</summary>
    public long Rows { get; }

    /// <summary>Positions the attention of this program sees at most (prefill: the prompt; decode: the cache).</summary>
    public long Keys { get; }

    public long PeakBytes { get; }

    /// <summary>Values that are aliases of a row of another value (<c>last_token</c>): name -> (source, row).</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; }

    /// <summary>The values the program returns whose producer writes them to LPDDR (streamed LM heads).</summary>
    public IReadOnlySet<string> ToLpddr { get; }

    public ActivationPlan(Function f, long rows, long keys, Module m)
    {
        Rows = rows;
        Keys = keys;
        var returned = f.Returns.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var noBuffer = new HashSet<string>(f.Params.Select(p => p.Name), StringComparer.Ordinal);
        foreach (var op in f.Body)
        {
            if (op.Opcode == "last_token") aliases[op.Result.Name] = op.Operands[0].Name;
            if (op.Opcode == "position_ids") noBuffer.Add(op.Result.Name);
        }
        Aliases = aliases;
        ToLpddr = f.Body.Where(op => returned.Contains(op.Id) && IsStreamed(op)).Select(op => op.Id).ToHashSet(StringComparer.Ordinal);

        string Root(string v) => aliases.TryGetValue(v, out var s) ? Root(s) : v;
        var lastUse = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < f.Body.Length; i++)
            foreach (var o in f.Body[i].Operands.Where(o => o.Kind == OperandKind.Value))
                lastUse[Root(o.Name)] = i;
        foreach (var r in returned) lastUse[Root(r)] = int.MaxValue;

        var arena = new UnitArena();
        for (var i = 0; i < f.Body.Length; i++)
        {
            var op = f.Body[i];
            var temps = Temps(op, rows, keys, m, ToLpddr.Contains(op.Id)).Select(t => (t.Name, At: arena.Alloc(t.Bytes))).ToList();
            foreach (var (name, at) in temps) _temps[(i, name)] = at;
            if (!aliases.ContainsKey(op.Id) && !noBuffer.Contains(op.Id) && !ToLpddr.Contains(op.Id))
                _values[op.Id] = arena.Alloc(rows * RowBytes(op));
            foreach (var (_, at) in temps) arena.Free(at);
            foreach (var o in op.Operands.Where(o => o.Kind == OperandKind.Value).Select(o => Root(o.Name)).Distinct())
                if (lastUse.GetValueOrDefault(o) == i && _values.TryGetValue(o, out var at)) arena.Free(at);
        }
        PeakBytes = arena.PeakUnits * PimllmFormats.SramUnitBytes;
    }

    /// <summary>A value's first unit in the arena, and the row it starts at for an alias.</summary>
    public (long Unit, long Row) Value(string name) =>
        Aliases.TryGetValue(name, out var src) ? (Value(src).Unit, Rows - 1)
        : _values.TryGetValue(name, out var at) ? (at, 0)
        : throw new InvalidOperationException($"value %{name} has no SRAM buffer");

    public long Temp(int op, string name) => _temps[(op, name)];

    /// <summary>A linear whose weights are streamed from LPDDR through the systolic array.</summary>
    public static bool IsStreamed(Operation op) => op.Opcode == "linear" && op.Attrs.StrOr(PimllmAttrs.Unit, "") == "systolic";

    /// <summary>Bytes of one row of an op's result in SRAM: fp32 from the systolic array, f16 otherwise.</summary>
    public static long RowBytes(Operation op) => Width(op.Result.Type) * (IsStreamed(op) || op.Opcode == "attention" ? 4 : 2);

    public static long Width(TensorType t) => t.Rank == 0 ? 1 : t.Shape[^1].Constant;

    /// <summary>Rows of one chunk of a streamed weight: whole multiples of 16 (so i32 output slices stay in 64-byte
    /// units), of 32 when a returned linear adds its fp16 bias chunk by chunk (<see cref="BiasPerChunk"/>: so the
    /// chunk's slice of the bias starts on a unit too), within <see cref="SramPlan.WeightChunkBytes"/>, at least one multiple.</summary>
    public static long ChunkRows(Module m, Weight w)
    {
        var multiple = BiasPerChunk(m, w.Name) ? 32 : 16;
        return Math.Min(RoundUp(w.Type.Shape[0].Constant, 16), Math.Max(multiple, SramPlan.WeightChunkBytes / SramPlan.StreamedRowBytes(w) / multiple * multiple));
    }

    /// <summary>Whether a returned linear streams this weight with a bias: its results go to LPDDR chunk by chunk, each
    /// chunk given its rows' bias first (the LM heads of GPT-J, CodeGen, Phi-2).</summary>
    public static bool BiasPerChunk(Module m, string weight) =>
        m.Functions.Any(f => f.Body.Any(op => IsStreamed(op) && op.Operands.Length > 2 && op.Operands[1].Name == weight && f.Returns.Any(r => r.Name == op.Id)));

    public static long RoundUp(long v, long to) => (v + to - 1) / to * to;

    /// <summary>An op's temporaries: name and bytes.</summary>
    private static IEnumerable<(string Name, long Bytes)> Temps(Operation op, long rows, long keys, Module m, bool toLpddr)
    {
        switch (op.Opcode)
        {
            case "linear":
                var inputs = m.FindWeight(op.Operands[1].Name)!.Type.Shape[1].Constant;
                yield return ("xq", rows * inputs);
                yield return ("scale", rows * 4);
                break;
            case "attention":
                long heads = op.Attrs.Int("heads"), kvHeads = op.Attrs.Int("kv_heads"), d = op.Attrs.Int("head_dim");
                var m0 = rows == 1 ? heads / kvHeads : rows;
                yield return ("qq", rows * heads * d);
                yield return ("qscale", rows * 4);
                yield return ("kq", rows * kvHeads * d);
                yield return ("kscale", rows * 4);
                yield return ("vq", rows * kvHeads * d);
                yield return ("vscale", rows * 4);
                yield return ("scores", m0 * keys * 4);
                yield return ("probs", m0 * keys);
                yield return ("pscale", m0 * 4);
                break;
        }
        if (toLpddr)
        {
            var w = m.FindWeight(op.Operands[1].Name)!;
            var chunkRows = ChunkRows(m, w);
            yield return ("out0", rows * chunkRows * 4);
            yield return ("out1", rows * chunkRows * 4);
        }
    }
}
