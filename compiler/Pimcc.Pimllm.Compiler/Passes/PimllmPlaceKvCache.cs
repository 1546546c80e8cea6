using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Passes;

/// <summary>
/// Places each layer's KV cache (keys and values at <c>system.activationBits</c> per element, for the compiled context
/// of prompt + generated tokens) in the SRAM while it fits, in LPDDR beyond, whole layers in order. The SRAM first
/// keeps what the lowering lays out besides the caches (<see cref="Lowering.SramPlan.Reserved"/>: parameters, staging
/// for LPDDR caches, weight chunks, the activations of a block of <c>systolic.rows</c> tokens). LPDDR holds what the
/// weights leave. A context beyond both is exit 47. The LPDDR traffic of
/// the placed caches is accounted over the whole generation (prefill writes the prompt, each decode step reads every
/// cached position and writes one).
/// </summary>
public sealed class PimllmPlaceKvCache : Pass
{
    public const string KvPlaced = "pimllm-kv-placed";

    public static readonly Statistic SramLayers = new("kv-layers-in-sram", "layers whose KV cache is in SRAM");
    public static readonly Statistic LpddrLayers = new("kv-layers-in-lpddr", "layers whose KV cache is in LPDDR");
    public static readonly Statistic SramBytes = new("kv-sram-bytes", "KV-cache bytes in SRAM");
    public static readonly Statistic LpddrBytes = new("kv-lpddr-bytes", "KV-cache bytes in LPDDR");
    public static readonly Statistic ReadBytes = new("kv-lpddr-read-bytes", "KV bytes read from LPDDR over the generation");
    public static readonly Statistic WriteBytes = new("kv-lpddr-write-bytes", "KV bytes written to LPDDR over the generation");
    public static readonly Statistic Working = new("sram-working-bytes", "SRAM the lowering needs besides the KV caches (parameters, staging, weight chunks, activations)");

    public override string Name => "pimllm-place-kv-cache";
    public override string Summary => "place KV caches in SRAM while they fit, in LPDDR beyond; account the LPDDR traffic";
    public override ImmutableArray<Statistic> Statistics => [SramLayers, LpddrLayers, SramBytes, LpddrBytes, ReadBytes, WriteBytes, Working];
    public override ImmutableArray<string> Requires => [PimllmPlaceWeights.WeightsPlaced, IrProperty.WorkloadBound];
    public override ImmutableArray<string> Establishes => [KvPlaced];

    public override Module Run(Module module, PassContext context)
    {
        var target = context.TargetAs<PimllmTarget>();
        var bits = target.ActivationBits;
        var working = Lowering.SramPlan.Reserved(module, target);
        var sramLeft = Math.Max(0, target.SramBytes - working);
        context.Stats.Set(Working, working);

        long prompt = module.Attrs.IntOr("prompt_tokens", 0), generated = module.Attrs.IntOr("generated_tokens", 0);
        long sram = 0, lpddr = 0, read = 0, written = 0;
        var placement = new Dictionary<string, string>(StringComparer.Ordinal);
        var caches = module.KvCaches.Select(c =>
        {
            var bytes = 2 * c.MaxLength * c.KvHeads * RowBytes(c.HeadDim, bits);
            var inSram = sram + bytes <= sramLeft && lpddr == 0;   // whole layers in order: once one spills, the rest follow
            if (inSram)
            {
                sram += bytes;
                context.Stats.Add(SramLayers);
            }
            else
            {
                lpddr += bytes;
                context.Stats.Add(LpddrLayers);
                var perPosition = 2 * c.KvHeads * RowBytes(c.HeadDim, bits);
                read += perPosition * (generated * prompt + generated * (generated + 1) / 2);
                written += perPosition * (prompt + generated);
            }
            placement[c.Name] = inSram ? "sram" : "lpddr";
            return c with { Attrs = c.Attrs.Set(PimllmAttrs.KvPlacement, placement[c.Name]).Set(PimllmAttrs.KvBits, bits) };
        }).ToImmutableArray();

        var lpddrFree = target.Lpddr.CapacityBytes - module.Attrs.IntOr(PimllmAttrs.LpddrWeightBytes, 0);
        if (lpddr > lpddrFree)
        {
            var context0 = module.KvCaches.IsEmpty ? 0 : module.KvCaches[0].MaxLength;
            throw new PimccError(ExitCode.ContextExceedsMemory, "--prompt-tokens/--gen-tokens",
                $"a context of {context0} positions needs {sram + lpddr} bytes of KV cache; target '{target.Name}' holds {sram} in SRAM beside a {working}-byte working set and {Math.Max(0, lpddrFree)} in LPDDR beside the weights",
                "compile for fewer prompt or generated tokens, or a target with more LPDDR (lpddr.channels, lpddr.channelDensity)");
        }
        context.Stats.Set(SramBytes, sram);
        context.Stats.Set(LpddrBytes, lpddr);
        context.Stats.Set(ReadBytes, read);
        context.Stats.Set(WriteBytes, written);

        var functions = module.Functions.Select(f => f.WithBody(f.Body.Select(op =>
            op.Opcode == "attention" && op.Attrs.StrOr("cache", "") is var cache && placement.TryGetValue(cache, out var where)
                ? op.WithAttrs(op.Attrs.Set(PimllmAttrs.KvPlacement, where))
                : op)));
        var attrs = module.Attrs.Set(PimllmAttrs.KvBits, bits).Set(PimllmAttrs.SramWorkingBytes, working).Set(PimllmAttrs.KvSramBytes, sram)
            .Set(PimllmAttrs.KvLpddrBytes, lpddr).Set(PimllmAttrs.KvLpddrReadBytes, read).Set(PimllmAttrs.KvLpddrWriteBytes, written);
        return (module with { KvCaches = caches }).WithFunctions(functions).WithAttrs(attrs);
    }

    private static long Bytes(long elements, int bits) => checked((elements * bits + 7) / 8);

    /// <summary>A cache row as the lowering lays it out: head_dim elements in whole 64-byte units (the padding of
    /// head_dim 80 is stored, moved and counted).</summary>
    private static long RowBytes(long headDim, int bits) =>
        (Bytes(headDim, bits) + Pimcc.Pimllm.Isa.PimllmFormats.SramUnitBytes - 1) / Pimcc.Pimllm.Isa.PimllmFormats.SramUnitBytes * Pimcc.Pimllm.Isa.PimllmFormats.SramUnitBytes;
}
