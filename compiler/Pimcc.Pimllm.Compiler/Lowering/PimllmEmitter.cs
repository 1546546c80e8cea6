using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Pimllm.Isa;
using Ev = Pimcc.Pimllm.Compiler.Lowering.PimllmStreamSet.Events;

namespace Pimcc.Pimllm.Compiler.Lowering;

/// <summary>
/// Emits one program (prefill or decode) of a pimllm binary from the function's ops (docs/pimllm-compiler.md,
/// "Lowering"). Prefill runs the body once per block of <c>systolic.rows</c> prompt tokens (causal attention lets a
/// block finish every layer before the next starts; the middle blocks as one <c>rep</c> body), decode once for its token. Each op becomes words of the streams
/// that do its work, joined by events that one stream signals and one other stream waits on, in order:
/// projections on crossbars (quantise, one <c>xb.mvm</c> per row tile, store), streamed linears on the systolic
/// array fed chunk by chunk from every LPDDR channel, attention per head on the array against the KV tables,
/// element-wise ops on the post-processing lanes, embeddings gathered by DMA.
/// </summary>
internal sealed partial class PimllmEmitter(Module m, PimllmTarget t, SramPlan sram, LpddrLayout lpddr, PimllmStreamSet s)
{
    /// <summary>Debug ids: the op's index in its function, plus this in decode.</summary>
    public const int DecodeIdBase = 1 << 20;

    private const int DtI8 = 0, DtI32 = 1, DtF16 = 2, DtF32 = 3;
    private const int ScaleEach = 0, ScaleOne = 1, ScaleNone = 2;
    private const int RtF16 = 0, RtF32 = 1;

    private ActivationPlan _plan = null!;
    private int _op;
    private long _rows, _first;
    private string _function = "";
    private Dictionary<string, Operation> _producers = [];

    public void Emit(Function f)
    {
        var prefill = f.Name == Module.Prefill;
        _plan = prefill ? sram.Prefill : sram.Decode;
        _function = f.Name;
        _producers = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var o in f.Body) _producers.TryAdd(o.Id, o);
        s.Entry(f.Name);
        var tail = Tail(f);
        var prompt = prefill ? Math.Max(1, m.Attrs.IntOr("prompt_tokens", 1)) : 1;
        var blockRows = _plan.Rows;
        var blocks = (prompt + blockRows - 1) / blockRows;
        // Blocks 1 .. blocks-2 are block 1 with their token indices shifted (full blocks, the configuration block 0
        // left, no tail): written once under a rep when that saves words (docs/pimllm-compiler.md, "Lowering").
        var repeated = RepeatBlocks && blocks - 2 >= MinRepeatedBlocks ? blocks - 2 : 0;
        for (long b = 0; b < blocks; b++)
        {
            if (repeated > 0 && b == 1) s.BeginRepeat();
            Block(f, tail, prefill, b * blockRows, Math.Min(blockRows, prompt - b * blockRows), last: b == blocks - 1);
            if (repeated > 0 && b == 1)
            {
                s.EndRepeat(repeated, blockRows);
                b += repeated - 1;
            }
        }
    }

    /// <summary>Fewest middle blocks written as a loop (one is written out: a rep would only add a word).</summary>
    public const long MinRepeatedBlocks = 2;

    /// <summary>Whether the middle prefill blocks become a <c>rep</c> body (false: all written out).</summary>
    public bool RepeatBlocks { get; init; } = true;

    private void Block(Function f, HashSet<string> tail, bool prefill, long first, long rows, bool last)
    {
        for (var i = 0; i < f.Body.Length; i++)
        {
            var op = f.Body[i];
            var inTail = tail.Contains(op.Id);
            if (inTail && !last) continue;
            (_first, _rows) = inTail ? (first + rows - 1, 1) : (first, rows);
            _op = i;
            s.BeginOp(i + (prefill ? 0 : DecodeIdBase), op.Id);
            s.PpTok(_first, _rows);
            Op(op);
            s.EndOp();
        }
    }

    private void Op(Operation op)
    {
        switch (op.Opcode)
        {
            case "position_ids" or "last_token":
                break;
            case "embedding":
                Embedding(op);
                break;
            case "add" or "mul":
                s.PpLen(Width(op));
                s.X(op.Opcode == "add" ? "pp.add" : "pp.mul", Addr(op.Id), Operand(op, 0), Operand(op, 1), Dt(op.Operands[0]), RtF16);
                break;
            case "layer_norm" or "rms_norm":
                s.PpLen(Width(op));
                if (op.Opcode == "layer_norm" && op.Operands.Length < 3)
                    throw new PimccError(ExitCode.UnsupportedOperator, $"%{op.Id}", "a layer_norm without beta", "pp.norm reads gamma, beta and epsilon from one address; give the norm a bias");
                s.X("pp.norm", Addr(op.Id), Operand(op, 0), sram.ParamUnitOf(op.Operands[1].Name), op.Opcode == "layer_norm" ? 0 : 1, Dt(op.Operands[0]));
                break;
            case "gelu" or "relu" or "silu":
                s.PpLen(Width(op));
                s.X("pp.act", Addr(op.Id), Operand(op, 0), op.Opcode switch { "gelu" => 0, "relu" => 1, _ => 2 }, Dt(op.Operands[0]));
                break;
            case "rotary":
                if (Pimcc.Ir.RotaryFrequencies.Amplitude(op.Attrs) != 1)
                    throw new PimccError(ExitCode.UnsupportedOperator, $"%{op.Id}", "rotary embeddings whose cos and sin are scaled (attention_scaling, yarn) have no pp.rope table",
                        "compile the model for hpim, whose rotary tables carry the amplitude");
                if (op.Attrs.BoolOr("interleaved", false))
                    throw new PimccError(ExitCode.UnsupportedOperator, $"%{op.Id}", "interleaved (GPT-J) rotary embeddings whose projection deinterleave-rotary could not permute: pp.rope rotates each head by halves",
                        "compute the rotated query and key straight from their projections, read by nothing but the attention");
                s.PpLen(Width(op), op.Attrs.Int("head_dim"));
                // partial rotary (Phi-2, GPT-NeoX, GPT-J): the rotated channels of each head
                if (op.Attrs.IntOr("rotary_dim", op.Attrs.Int("head_dim")) is var rotary && rotary != op.Attrs.Int("head_dim")) s.X("pp.rot", rotary);
                s.X("pp.rope", Addr(op.Id), Operand(op, 0), sram.RopeUnit(op), Dt(op.Operands[0]));
                break;
            case "linear" when op.Attrs.StrOr(PimllmAttrs.Unit, "") == "crossbar":
                CrossbarLinear(op);
                break;
            case "linear" when ActivationPlan.IsStreamed(op):
                StreamedLinear(op);
                break;
            case "attention":
                Attention(op);
                break;
            default:
                throw new PimccError(ExitCode.UnsupportedOperator, $"%{op.Id}",
                    $"the pimllm lowering has no code for '{op.Opcode}'{(op.Opcode == "linear" ? " without a placement (pimllm.unit)" : "")}",
                    "pimllm lowers embedding, linear, attention, rotary, layer_norm, rms_norm, add, mul, gelu, relu, silu, last_token, position_ids");
        }
    }

    /// <summary>
    /// Rows gathered from the table by token id (or by position when the ids are position_ids). The DMA writes the
    /// value's SRAM buffer, which the previous prefill block's ops reuse (the arena is per block): from the second block
    /// on it waits until the crossbar controller, which ends every op, has reached this op (without the wait it runs
    /// ahead and overwrites the previous block's rows while they are read).
    /// </summary>
    private void Embedding(Operation op)
    {
        var w = m.FindWeight(op.Operands[1].Name)!;
        var (c, table) = lpddr.RowTable(w.Name);
        var units = LpddrLayout.RowUnits(w);
        if (LpddrLayout.EmbeddingRowBytes(w) != units * PimllmFormats.LpddrUnitBytes)
            throw Unaligned(op, $"an embedding row of {LpddrLayout.EmbeddingRowBytes(w)} fp16 bytes");
        var byPosition = op.Operands[0].Kind == OperandKind.Value && ProducedBy(op.Operands[0].Name) == "position_ids";
        if (_first > 0)
        {
            s.XSig(Ev.XbarToDma(c));
            s.DWait(c, Ev.XbarToDma(c));
        }
        s.DmaTok(c, _first, _rows);
        s.D(c, "dma.row", Addr(op.Id), table, units, byPosition ? 1 : 0);
        s.DSig(c, Ev.DmaToXbar(c));
        s.XWait(Ev.DmaToXbar(c));
    }

    /// <summary>Quantise the input, read every row tile's crossbars (partial sums accumulate), store, add the bias.</summary>
    private void CrossbarLinear(Operation op)
    {
        var x = t.Crossbars;
        long inputs = Inputs(op), outputs = Width(op);
        long first = op.Attrs.Int(PimllmAttrs.FirstCrossbar), rowTiles = op.Attrs.Int(PimllmAttrs.RowTiles), colTiles = op.Attrs.Int(PimllmAttrs.ColumnTiles);
        if (x.Rows % PimllmFormats.SramUnitBytes != 0)
            throw Unaligned(op, $"crossbar.rows = {x.Rows} inputs per row tile");
        long xq = Temp("xq"), scale = Temp("scale");
        s.PpLen(inputs);
        s.X("pp.quant", xq, Operand(op, 0), scale, Dt(op.Operands[0]));
        for (long r = 0; r < rowTiles; r++)
            s.X("xb.mvm", first + r * colTiles, colTiles, Math.Min(x.Rows, inputs - r * x.Rows), xq + r * x.Rows / PimllmFormats.SramUnitBytes, r == 0 ? 0 : 1);
        s.PpLen(outputs);
        s.X("xb.st", Addr(op.Id), scale, outputs, DtF16);
        if (op.Operands.Length > 2) s.X("pp.add", Addr(op.Id), Addr(op.Id), sram.ParamUnitOf(op.Operands[2].Name), DtF16, RtF16);
    }

    /// <summary>
    /// A linear whose weights stream from LPDDR: the controller quantises the input; chunk j of the weight (whole
    /// output rows, a part per channel) is loaded into buffer j mod 2 while the array multiplies chunk j - 1; a
    /// returned result (the LM head's logits) goes chunk by chunk to LPDDR through two output buffers, each chunk's
    /// fp32 rows first given their slice of the bias by the controller when the head has one (GPT-J, Phi-2); a result
    /// kept in SRAM gets its bias over the whole row at the end, fp32 either way.
    /// </summary>
    private void StreamedLinear(Operation op)
    {
        var w = m.FindWeight(op.Operands[1].Name)!;
        var st = lpddr.StripedWeight(w.Name);
        long inputs = Inputs(op), outputs = Width(op);
        var toLpddr = _plan.ToLpddr.Contains(op.Id);
        long? bias = op.Operands.Length > 2 ? sram.ParamUnitOf(op.Operands[2].Name) : null;
        long xq = Temp("xq"), scale = Temp("scale");
        s.PpLen(inputs);
        s.X("pp.quant", xq, Operand(op, 0), scale, Dt(op.Operands[0]));
        s.XSig(Ev.XbarToSa);
        s.SWait(Ev.XbarToSa);

        var wt = w.Type.Element switch { ElementType.I1 => 1, ElementType.Ternary => 2, _ => 0 };
        var bStride = st.RowBytes * 8 / (wt == 0 ? 8 : w.Type.Element.Bits()) == inputs ? 0 : st.RowBytes;
        var perRow = SramPlan.PerRowScales(w);
        var weightScales = sram.WeightScaleUnit(w.Name);
        s.SaStride(toLpddr ? 0 : outputs, 0, bStride);
        var parts = new long[s.Channels];
        var waited = new long[s.Channels];
        var (_, logits) = toLpddr ? lpddr.Logits(_function) : (0, 0L);
        for (long j = 0; j < st.Chunks; j++)
        {
            var rowsJ = Math.Min(st.ChunkRows, outputs - j * st.ChunkRows);
            var bytesJ = rowsJ * st.RowBytes;
            var buffer = sram.Chunk(j % 2);
            var users = new List<int>();
            for (var c = 0; c < s.Channels; c++)
            {
                var len = Math.Min(st.PartUnits, UnitArena.Units(Math.Max(0, bytesJ - c * st.PartUnits * PimllmFormats.LpddrUnitBytes)));
                if (len == 0) continue;
                users.Add(c);
                if (j >= 2)
                {
                    s.DWait(c, Ev.SaToDma(c));
                    waited[c]++;
                }
                s.D(c, "dma.ld", buffer + c * st.PartUnits, st.Base[c] + j * st.PartUnits, len);
                s.DSig(c, Ev.DmaToSa(c));
                parts[c]++;
            }
            foreach (var c in users) s.SWait(Ev.DmaToSa(c));
            if (toLpddr && j >= 2) s.SWait(Ev.OutToSa);
            var outUnit = toLpddr ? Temp("out" + j % 2) : Addr(op.Id) + j * st.ChunkRows * 4 / PimllmFormats.SramUnitBytes;
            s.S("sa.mshape", _rows, rowsJ, inputs, 0);
            // fp32 out: the tokens' input scales x the chunk's rows' weight scales (or the matrix's one)
            s.S("sa.scale", scale, ScaleEach, perRow ? weightScales + j * st.ChunkRows * 4 / PimllmFormats.SramUnitBytes : weightScales, perRow ? ScaleEach : ScaleOne);
            s.S("sa.mm", outUnit, xq, buffer, wt, 0);
            foreach (var c in users) s.SSig(Ev.SaToDma(c));
            if (!toLpddr) continue;
            if (bias is { } b)
            {
                // the chunk's rows' bias (fp16, whole units: ActivationPlan.ChunkRows) onto its fp32 rows, then the store
                s.SSig(Ev.SaToXbar);
                s.XWait(Ev.SaToXbar);
                s.PpLen(rowsJ);
                s.X("pp.add", outUnit, outUnit, b + j * st.ChunkRows * 2 / PimllmFormats.SramUnitBytes, DtF32, RtF32);
                s.XSig(Ev.XbarToDma(0));
                s.DWait(0, Ev.XbarToDma(0));
            }
            else
            {
                s.SSig(Ev.SaToOut);
                s.DWait(0, Ev.SaToOut);
            }
            var at = logits + UnitArena.Units(_first * st.Chunks * st.ChunkRows * 4) + j * _rows * st.ChunkRows * 4 / PimllmFormats.LpddrUnitBytes;
            s.D(0, "dma.st", outUnit, at, UnitArena.Units(_rows * rowsJ * 4));
            s.DSig(0, Ev.OutToSa);
        }
        for (var c = 0; c < s.Channels; c++)
            if (parts[c] > waited[c]) s.DWait(c, Ev.SaToDma(c), parts[c] - waited[c]);
        if (toLpddr) s.SWait(Ev.OutToSa, Math.Min(2, st.Chunks));
        s.SSig(Ev.SaToXbar);
        s.XWait(Ev.SaToXbar);
        if (bias is { } whole && !toLpddr)
        {
            s.PpLen(outputs);
            s.X("pp.add", Addr(op.Id), Addr(op.Id), whole, DtF32, RtF32);
        }
    }

    // ---- operands and addresses ----

    private long Width(Operation op) => ActivationPlan.Width(op.Result.Type);

    private long Inputs(Operation op) => m.FindWeight(op.Operands[1].Name)!.Type.Shape[1].Constant;

    private long Temp(string name) => sram.ActivationUnit + _plan.Temp(_op, name);

    /// <summary>The SRAM unit of a value (an alias of the last row of another value: that row).</summary>
    private long Addr(string value)
    {
        var (unit, _) = _plan.Value(value);
        if (!_plan.Aliases.ContainsKey(value)) return sram.ActivationUnit + unit;
        var rowBytes = RowBytesOf(_plan.Aliases[value]);
        // the last row of the block (in the tail, which runs one row, the row of the last token in its block's buffers)
        var offset = (_rows == 1 ? _first % _plan.Rows : _rows - 1) * rowBytes;
        if (offset % PimllmFormats.SramUnitBytes != 0)
            throw new PimccError(ExitCode.UnsupportedModel, $"%{value}", $"rows of {rowBytes} bytes do not start on 64-byte SRAM units", "use a hidden size that is a multiple of 32");
        return sram.ActivationUnit + unit + offset / PimllmFormats.SramUnitBytes;
    }

    private long RowBytesOf(string value) => ActivationPlan.RowBytes(Producer(value)!);

    private Operation? Producer(string value) => _producers.GetValueOrDefault(value);

    private long Operand(Operation op, int i) =>
        op.Operands[i].Kind == OperandKind.Weight ? sram.ParamUnitOf(op.Operands[i].Name) : Addr(op.Operands[i].Name);

    /// <summary>The SRAM element type of an operand: fp32 when the systolic array produced it (its output stage scales the i32 sums).</summary>
    private long Dt(Pimcc.Ir.Operand o)
    {
        if (o.Kind == OperandKind.Weight) return DtF16;
        var name = o.Name;
        while (_plan.Aliases.TryGetValue(name, out var src)) name = src;
        var producer = Producer(name);
        return producer is not null && (ActivationPlan.IsStreamed(producer) || producer.Opcode == "attention") ? DtF32 : DtF16;
    }

    private string? ProducedBy(string value) => Producer(value)?.Opcode;

    /// <summary>Ops that run on the last token only: everything downstream of last_token.</summary>
    private static HashSet<string> Tail(Function f)
    {
        var tail = new HashSet<string>(StringComparer.Ordinal);
        foreach (var op in f.Body)
            if (op.Opcode == "last_token" || op.Operands.Any(o => o.Kind == OperandKind.Value && tail.Contains(o.Name)))
                tail.Add(op.Id);
        return tail;
    }

    private static PimccError Unaligned(Operation op, string what) =>
        new(ExitCode.UnsupportedModel, $"%{op.Id}", $"{what} does not fill whole 64-byte units, which pimllm's DMA and SRAM operands address",
            "use a model whose hidden size and head_dim are multiples of 64");
}
