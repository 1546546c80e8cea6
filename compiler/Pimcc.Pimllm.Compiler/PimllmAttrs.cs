using Pimcc.Ir;

namespace Pimcc.Pimllm.Compiler;

/// <summary>Attribute names the pimllm passes write (visible in IR dumps), and which linears are 1-bit projections.</summary>
public static class PimllmAttrs
{
    // Module
    public const string Weights = "pimllm.weights";
    public const string CrossbarsUsed = "xbar.used";
    public const string CrossbarsAvailable = "xbar.available";
    public const string CrossbarUtilization = "xbar.utilization";
    public const string LpddrWeightBytes = "lpddr.weight_bytes";
    public const string StreamedWeightBytes = "lpddr.streamed_weight_bytes_per_pass";
    public const string KvBits = "kv.bits";
    public const string KvSramBytes = "kv.sram_bytes";
    public const string KvLpddrBytes = "kv.lpddr_bytes";
    public const string KvLpddrReadBytes = "kv.lpddr_read_bytes";
    public const string KvLpddrWriteBytes = "kv.lpddr_write_bytes";
    public const string SramWorkingBytes = "sram.working_bytes";

    // Weights
    public const string Quant = "quant";
    public const string QuantScale = "quant.scale";

    // Ops
    public const string ActBits = "act.bits";
    public const string ActScheme = "act.scheme";
    public const string Unit = "pimllm.unit";
    public const string RowTiles = "xbar.row_tiles";
    public const string ColumnTiles = "xbar.col_tiles";
    public const string Crossbars = "xbar.count";
    public const string FirstCrossbar = "xbar.first";
    public const string ReadsPerInput = "xbar.reads_per_input";
    public const string SystolicTiles = "sa.tiles";
    public const string SystolicCycles = "sa.cycles";
    public const string Schedule = "sa.schedule";
    public const string QkShape = "sa.qk";
    public const string SvShape = "sa.sv";
    public const string SoftmaxElements = "softmax.elements";
    public const string KvPlacement = "kv.placement";

    /// <summary>
    /// A linear whose weight is a module weight and whose role is a transformer projection (attention Q/K/V/output,
    /// FFN): PIM-LLM keeps these 1-bit; the LM head (and embeddings) stay 8-bit on the systolic array.
    /// </summary>
    public static bool IsProjection(Operation op) =>
        op.Opcode == "linear" && op.Operands.Length >= 2 && op.Operands[1].Kind == OperandKind.Weight
        && op.Attrs.StrOr("role", "linear") != "lm_head";
}
