using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Lowering;

/// <summary>
/// The SRAM layout of a pimllm binary, in 64-byte units from address 0:
/// <list type="number">
/// <item>parameters, as fp16 rows in whole units: biases, norm gains (each norm's beta in the unit after its gamma,
/// then its epsilon as fp32 in a unit of its own), per KV cache the per-position fp32 scales of its K rows and of its V
/// rows (compiled positions each) and the attention's score scale (fp32, a unit of its own), per streamed weight its
/// fp32 scales (one per output row for a weight stored INT8 per row, one for a 1-bit weight), rotary cos/sin tables
/// (compiled positions x rotary_dim f16: cos halves then sin halves per position);</item>
/// <item>the KV caches placed in SRAM: per layer, per KV head, a K table then a V table of positions x head_dim i8;</item>
/// <item>when some cache is in LPDDR, per LPDDR channel a K and a V staging table of the same shape;</item>
/// <item>when some linear streams its weights, two weight-chunk buffers of <see cref="WeightChunkBytes"/>;</item>
/// <item>the activation arena, shared by the prefill and decode programs (<see cref="ActivationPlan"/>); prefill
/// works in blocks of <c>systolic.rows</c> tokens, halved while the layout does not fit.</item>
/// </list>
/// The KV-cache pass reserves what this plan needs besides the caches (<see cref="Reserved"/>), so the lowering lays
/// out what the pass placed.
/// </summary>
public sealed class SramPlan
{
    /// <summary>Bytes of one streamed-weight buffer (two are double-buffered): a compiler choice, not hardware.</summary>
    public const long WeightChunkBytes = 512 * 1024;

    private readonly Dictionary<string, long> _params = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _kvScales = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _epsilon = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _weightScales = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _rope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _kvTables = new(StringComparer.Ordinal);
    private long _next;

    public long ParamBytes { get; }
    public long KvBytes { get; }
    public long StagingUnit { get; } = -1;
    public long ChunkUnit { get; } = -1;
    public long ActivationUnit { get; }
    public ActivationPlan Prefill { get; }
    public ActivationPlan Decode { get; }
    public long TotalBytes { get; }

    /// <summary>Units of one row of a cache table (head_dim i8 in whole units).</summary>
    public long KvRowUnits { get; }

    /// <summary>Positions every cache table holds (the compiled context).</summary>
    public long Positions { get; }

    private SramPlan(Module m, PimllmTarget t, bool placed, long blockRows)
    {
        var prefill = m.FindFunction(Module.Prefill) ?? throw NoFunction(m, Module.Prefill);
        var decode = m.FindFunction(Module.Decode) ?? throw NoFunction(m, Module.Decode);
        long prompt = m.Attrs.IntOr("prompt_tokens", 1), generated = m.Attrs.IntOr("generated_tokens", 0);
        Positions = m.KvCaches.IsEmpty ? prompt + generated : m.KvCaches.Max(c => c.MaxLength);
        var headDim = m.KvCaches.IsEmpty ? 0 : m.KvCaches.Max(c => c.HeadDim);
        KvRowUnits = UnitArena.Units(headDim * t.ActivationBits / 8);

        foreach (var op in prefill.Body.Concat(decode.Body))
        {
            if (ActivationPlan.IsStreamed(op) && !_weightScales.ContainsKey(op.Operands[1].Name))
            {
                var streamed = m.FindWeight(op.Operands[1].Name)!;
                _weightScales[streamed.Name] = Take(PerRowScales(streamed) ? streamed.Type.Shape[0].Constant * 4 : 4);
            }
            switch (op.Opcode)
            {
                case "linear" when op.Operands.Length > 2:
                    Param(m, op.Operands[2].Name);
                    break;
                case "layer_norm" or "rms_norm":
                    // gamma, then beta in the next unit, then epsilon: pp.norm reads them from one address
                    foreach (var w in op.Operands.Skip(1)) Param(m, w.Name);
                    var last = op.Operands[^1].Name;
                    if (!_epsilon.ContainsKey(last)) _epsilon[last] = Take(PimllmFormats.SramUnitBytes);
                    if (op.Operands.Length > 2 && _params[op.Operands[2].Name] != _params[op.Operands[1].Name] + UnitArena.Units(Fp16Bytes(m.FindWeight(op.Operands[1].Name)!))
                        || _epsilon[last] != _params[last] + UnitArena.Units(Fp16Bytes(m.FindWeight(last)!)))
                        throw new PimccError(ExitCode.UnsupportedModel, $"%{op.Id}", "the norm's gamma or beta is shared with another op, so its beta and epsilon cannot follow its gamma in SRAM", "give every norm its own gamma and beta");
                    break;
                case "add" or "mul":
                    foreach (var w in op.Operands.Where(o => o.Kind == OperandKind.Weight)) Param(m, w.Name);
                    break;
                case "rotary":
                    var key = RopeKey(op);
                    if (!_rope.ContainsKey(key)) _rope[key] = Take(Positions * op.Attrs.IntOr("rotary_dim", op.Attrs.Int("head_dim")) * 2);
                    break;
                case "attention":
                    var cache = op.Attrs.Str("cache");
                    if (!_kvScales.ContainsKey(cache)) _kvScales[cache] = Take(2 * UnitArena.Units(Positions * 4) * PimllmFormats.SramUnitBytes + PimllmFormats.SramUnitBytes);
                    break;
            }
        }
        ParamBytes = _next * PimllmFormats.SramUnitBytes;

        var lpddrCaches = false;
        foreach (var c in m.KvCaches)
        {
            if (!placed || c.Attrs.StrOr(PimllmAttrs.KvPlacement, "lpddr") != "sram")
            {
                lpddrCaches = true;
                continue;
            }
            _kvTables[c.Name] = _next;
            _next += 2 * c.KvHeads * Positions * KvRowUnits;
        }
        KvBytes = (_next * PimllmFormats.SramUnitBytes) - ParamBytes;
        if (lpddrCaches || !placed && m.KvCaches.Length > 0)
        {
            StagingUnit = _next;
            _next += t.Lpddr.Channels * 2 * Positions * KvRowUnits;
        }
        if (prefill.Body.Concat(decode.Body).Any(ActivationPlan.IsStreamed))
        {
            ChunkUnit = _next;
            _next += 2 * UnitArena.Units(WeightChunkBytes);
        }
        ActivationUnit = _next;
        var prompt1 = Math.Max(1, prompt);
        Prefill = new ActivationPlan(prefill, Math.Min(blockRows, prompt1), prompt1, m);
        Decode = new ActivationPlan(decode, 1, Positions, m);
        TotalBytes = ActivationUnit * PimllmFormats.SramUnitBytes + Math.Max(Prefill.PeakBytes, Decode.PeakBytes);
    }

    /// <summary>The layout of a module whose KV caches are placed (the lowering), checked against the SRAM.</summary>
    public static SramPlan Build(Module m, PimllmTarget t)
    {
        // A head's i32 output (head_dim x 4 bytes) starts on an SRAM unit; a head's q, K and V slices need not (offset
        // words), and a cache row is head_dim i8 padded to whole units (OPT-2.7B: 80 bytes in 128).
        foreach (var c in m.KvCaches.Where(c => c.HeadDim * 4 % PimllmFormats.SramUnitBytes != 0))
            throw new PimccError(ExitCode.UnsupportedModel, $"kv_cache @{c.Name}",
                $"head_dim {c.HeadDim} is not a multiple of 16: a head's i32 attention output ({c.HeadDim * 4} bytes) would not end on a {PimllmFormats.SramUnitBytes}-byte SRAM unit",
                "use a model whose head_dim is a multiple of 16 (GPT-2, OPT, LLaMA)");
        var plan = Fitting(m, t, placed: true);
        var sram = PimllmSpaces.AddressableSramBytes(t);
        if (plan.TotalBytes > sram)
            throw new PimccError(ExitCode.CapacityExceeded, $"--target {t.Name}",
                $"the pimllm lowering needs {plan.TotalBytes} bytes of SRAM (parameters {plan.ParamBytes}, KV caches {plan.KvBytes}, activations {Math.Max(plan.Prefill.PeakBytes, plan.Decode.PeakBytes)}); target '{t.Name}' addresses {sram}",
                "compile for fewer prompt tokens or a smaller model, or raise sram.capacity");
        return plan;
    }

    /// <summary>SRAM bytes the lowering needs besides the KV caches, with staging for LPDDR caches (the KV pass's reserve).</summary>
    public static long Reserved(Module m, PimllmTarget t) => Fitting(m, t, placed: false).TotalBytes;

    /// <summary>The layout with the largest prefill block (systolic.rows, halved while the SRAM is too small) that
    /// fits; the KV pass's reserve and the lowering pick the same block, since the caches only fill what it leaves.</summary>
    private static SramPlan Fitting(Module m, PimllmTarget t, bool placed)
    {
        var sram = PimllmSpaces.AddressableSramBytes(t);
        for (long rows = t.Systolic.Rows; ; rows /= 2)
        {
            var plan = new SramPlan(m, t, placed, rows);
            if (plan.TotalBytes <= sram || rows == 1) return plan;
        }
    }

    public long ParamUnitOf(string weight) => _params[weight];

    /// <summary>The first unit of a cache's table of per-position fp32 scales of its K rows (V rows when <paramref name="v"/>).</summary>
    public long KvScaleTable(string cache, bool v) => _kvScales[cache] + (v ? UnitArena.Units(Positions * 4) : 0);

    /// <summary>The unit of the fp32 score scale of the attention over a cache (its <c>scale</c> attribute).</summary>
    public long ScoreScaleUnit(string cache) => _kvScales[cache] + 2 * UnitArena.Units(Positions * 4);

    /// <summary>The unit of a norm's fp32 epsilon, after its last parameter (named).</summary>
    public long EpsilonUnit(string lastParam) => _epsilon[lastParam];

    /// <summary>The first unit of a streamed weight's fp32 scales (one per output row, or one: <see cref="PerRowScales"/>).</summary>
    public long WeightScaleUnit(string weight) => _weightScales[weight];

    /// <summary>A streamed weight in floating point is stored INT8 per output row (the array multiplies 8-bit
    /// operands), with one fp32 scale per row; a 1-bit weight keeps its codes and its one scale.</summary>
    public static bool PerRowScales(Weight w) => w.Type.Element is not (ElementType.I1 or ElementType.Ternary);

    /// <summary>Bytes of one output row of a streamed weight as LPDDR holds it: INT8 for a float weight, packed 1-bit codes otherwise.</summary>
    public static long StreamedRowBytes(Weight w) => PerRowScales(w) ? w.Type.Shape[1].Constant : WeightRowBytes(w);

    /// <summary>Bytes of a parameter as the image stores it: fp16 elements.</summary>
    public static long Fp16Bytes(Weight w) => w.Type.ElementCount.Constant * 2;

    public long RopeUnit(Operation rotary) => _rope[RopeKey(rotary)];

    public bool InSram(string cache) => _kvTables.ContainsKey(cache);

    /// <summary>First unit of the K (or V) table of one KV head of an SRAM-placed cache.</summary>
    public long KvTable(string cache, long head, long kvHeads, bool v) => _kvTables[cache] + ((v ? kvHeads : 0) + head) * Positions * KvRowUnits;

    /// <summary>First unit of an LPDDR channel's K (or V) staging table.</summary>
    public long Staging(int channel, bool v) => StagingUnit + (channel * 2 + (v ? 1 : 0)) * Positions * KvRowUnits;

    public long Chunk(long buffer) => ChunkUnit + buffer * UnitArena.Units(WeightChunkBytes);

    /// <summary>Bytes of one output row of a weight [outputs, inputs] as stored (sub-byte types packed).</summary>
    public static long WeightRowBytes(Weight w) => (w.Type.Shape[1].Constant * w.Type.Element.Bits() + 7) / 8;

    private void Param(Module m, string weight)
    {
        if (_params.ContainsKey(weight)) return;
        _params[weight] = Take(Fp16Bytes(m.FindWeight(weight)!));
    }

    private long Take(long bytes)
    {
        var at = _next;
        _next += UnitArena.Units(bytes);
        return at;
    }

    // Ops with the same rotary parameters share a table.
    private static string RopeKey(Operation op) =>
        string.Join(";", op.Attrs.Where(a => !a.Key.StartsWith("cost.", StringComparison.Ordinal) && a.Key is not ("heads" or "start"))
            .Select(a => $"{a.Key}={a.Value}"));

    private static PimccError NoFunction(Module m, string name) =>
        new(ExitCode.InvalidModel, $"module @{m.Name}", $"no {name} function", "the module needs prefill and decode functions");
}
