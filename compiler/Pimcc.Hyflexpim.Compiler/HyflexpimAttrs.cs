namespace Pimcc.Hyflexpim.Compiler;

/// <summary>Attribute and property names the hyflexpim passes write (docs/hyflexpim-passes.md describes each).</summary>
public static class HyflexpimAttrs
{
    // svd-rank: on the two factor weights and the two linears that replace one
    public const string Factor = "hfp.factor";
    public const string SigmaVt = "sigma_vt";
    public const string U = "u";
    public const string SvdOf = "hfp.svd_of";
    public const string Rank = "hfp.rank";
    public const string Sigma = "hfp.sigma";
    // assign-slc-mlc: on the factor weights (and slc fraction on the module)
    public const string SlcRanks = "hfp.slc_ranks";
    public const string RankOrder = "hfp.rank_order";
    public const string OrderedBy = "hfp.ordered_by";
    public const string SlcFraction = "hfp.slc_fraction";
    // hyflexpim-map-units: on every op
    public const string Unit = "hfp.unit";

    // hyflexpim-map-crossbars: on analog weights [SLC arrays, MLC arrays]; on the module the ADC bits [SLC, MLC]
    public const string Arrays = "hfp.arrays";
    public const string AdcBits = "hfp.adc_bits";
    // hyflexpim-allocate-pus: on analog weights and attention ops the stage; on weights the arrays they occupy
    public const string Stage = "hfp.stage";
    public const string Placement = "hfp.placement";
    public const string StagePus = "hfp.stage_pus";
    /// <summary>On the module: the global PU (chip x chip.pus + PU) where each stage's PUs start.</summary>
    public const string StageFirstPu = "hfp.stage_first_pu";
    public const string Chips = "hfp.chips";

    public const string SvdFactored = "svd-factored";
    public const string SlcMlcAssigned = "slc-mlc-assigned";
    public const string UnitsMapped = "hyflexpim-units-mapped";
    public const string Quantized = "hyflexpim-quantized";
    public const string CrossbarsMapped = "hyflexpim-crossbars-mapped";
    public const string PusAllocated = "hyflexpim-pus-allocated";

    /// <summary>Linear roles inside a transformer layer: the weights the paper factors and maps to crossbars.</summary>
    public static readonly HashSet<string> LayerRoles = new(StringComparer.Ordinal)
    {
        "q_proj", "k_proj", "v_proj", "out_proj", "fc1", "fc2", "gate_proj", "up_proj", "down_proj",
    };

    /// <summary>Units an op runs on.</summary>
    public static class Units
    {
        public const string Analog = "analog";
        public const string Digital = "digital";
        public const string Sfu = "sfu";
        public const string Io = "io";
    }
}
