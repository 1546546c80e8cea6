namespace Pimcc.Hpim.Compiler;

/// <summary>Attribute and property names the HPIM passes write; the lowering and the docs read them.</summary>
public static class HpimAttrs
{
    // hpim-map-stages
    public const string Unit = "hpim.unit";
    public const string Steps = "hpim.steps";
    public const string Weights = "hpim.weights";
    // hpim-tile-weights
    public const string Tiling = "hpim.tiling";
    public const string Rounds = "hpim.rounds";
    public const string ChannelsPerHead = "hpim.channels_per_head";
    public const string FeaturesPerChannel = "hpim.features_per_channel";
    // hpim-map-attention
    public const string HeadsPerPhase = "hpim.heads_per_phase";
    public const string CoresPerHead = "hpim.cores_per_head";
    public const string AllGather = "hpim.allgather";
    public const string KvTiles = "hpim.kv_tiles";
    // hpim-plan-memory
    public const string HbmRow = "hpim.hbm_row";
    public const string HbmRows = "hpim.hbm_rows";
    /// <summary>Packed 1-D weights: in-channel byte offset from bank 0 of <see cref="HbmRow"/> (0 when absent).</summary>
    public const string HbmOffset = "hpim.hbm_offset";
    /// <summary>
    /// On a packed 1-D weight: stored channel-striped (element j on channel j mod channels) instead of flat, like the
    /// returned logits it is added to (an LM head's bias; docs/hpim-abi.md, "Returned logits").
    /// </summary>
    public const string HbmStriped = "hpim.hbm_striped";
    public const string TileM = "hpim.tile_m";
    public const string TileN = "hpim.tile_n";
    public const string TileK = "hpim.tile_k";
    /// <summary>On rotary ops: the cos/sin table pair's name, first HBM row (cos; sin follows) and rows per table.</summary>
    public const string RopeTableName = "hpim.rope_table", RopeRow = "hpim.rope_row", RopeRows = "hpim.rope_rows";
    // hpim-schedule
    public const string After = "sched.after";
    public const string Overlaps = "sched.overlaps";
    public const string Slot = "sched.slot";
    /// <summary>
    /// Decode, on an attention op and the K/Q/V GEMVs it reads: number of Algorithm-1 rounds the GEMV batch runs
    /// round-major (K_r, Q_r, V_r per round with per-round output events), so round r + 1's GEMVs on HBM-PIM overlap
    /// round r's attention on SRAM-PIM (docs/hpim-lowering.md, "Attention overlap").
    /// </summary>
    public const string RoundMajor = "sched.round_major";
    // hpim-lower
    /// <summary>
    /// On the module: the prefill attention form the lowering must use (resident, stream-v, stream-kv; absent: the largest
    /// that fits local memory), set by hpim-lower's <c>prefill-attention</c> option (docs/hpim-lowering.md, "Prefill").
    /// </summary>
    public const string PrefillAttention = "hpim.prefill_attention";

    public const string StagesMapped = "hpim-stages-mapped";
    public const string WeightsTiled = "hpim-weights-tiled";
    public const string AttentionMapped = "hpim-attention-mapped";
    public const string MemoryPlanned = "hpim-memory-planned";
    public const string Scheduled = "hpim-scheduled";

    /// <summary>Units an op can be mapped to.</summary>
    public static class Units
    {
        public const string Tcu = "tcu";
        public const string Vcu = "vcu";
        public const string Scu = "scu";
        public const string PimUnit = "pim-unit";
        public const string HbmPim = "hbm-pim";
        public const string Transpose = "transpose";
        public const string Transfer = "transfer";
        public const string HbmInterface = "hbm-interface";
    }
}
