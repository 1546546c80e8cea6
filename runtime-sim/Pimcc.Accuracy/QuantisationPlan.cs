using System.Collections.Immutable;

namespace Pimcc.Accuracy;

/// <summary>The number format a linear's weight is held in (its values are rounded to it before use).</summary>
public enum WeightFormat
{
    /// <summary>The model's own values.</summary>
    Float,
    /// <summary>Symmetric INT8, one scale per output channel (<see cref="Pimcc.Compiler.Quantization.Int8PerChannel"/>).</summary>
    Int8PerChannel,
    /// <summary>BitNet binary: sign of (W - mean W) times mean |W| (<see cref="Pimcc.Compiler.Quantization.OneBitQuantization"/>).</summary>
    Binary,
    /// <summary>BitNet b1.58 ternary: absmean rounding to {-1, 0, 1} times mean |W|.</summary>
    Ternary,
}

/// <summary>Which dimension of a weight [out, in] its cell groups split: output channels (rows) or inputs (columns).</summary>
public enum SplitAxis { Outputs, Inputs }

/// <summary>
/// A run of a weight's rows or columns (<see cref="LinearPlan.Axis"/>) held in one kind of device cell: its
/// multiplicative noise (W̃ = W·(1 + η), η ~ N(0, σ²) per element) and the bits its partial sums are read out with
/// (null: exactly): the resolution of a tile's sum as the target's ADCs and shift-and-add deliver it, applied as an
/// absmax-per-token quantiser of the tile's partial sums. Each group is read by its own arrays, so its partial sums
/// are converted separately.
/// </summary>
public sealed record CellGroup(string Mode, long Start, long Count, double NoiseSigma, int? AdcBits);

/// <summary>
/// How one linear (named by its weight) runs on the target: the weight's format, the input's activation
/// quantisation (absmax per token, <see cref="InputBits"/> bits; null: none), the cell groups with their noise and
/// read-out, and the rows per array (<see cref="TileRows"/>): each group's inputs are summed in tiles of that many
/// rows, each tile's partial sums converted by the ADC before they are added.
/// </summary>
public sealed record LinearPlan(string Weight, WeightFormat Format, int? InputBits, SplitAxis Axis, ImmutableArray<CellGroup> Groups, int TileRows)
{
    /// <summary>True when the plan changes nothing the linear computes.</summary>
    public bool IsIdentity => Format == WeightFormat.Float && InputBits is null && Groups.All(g => g.NoiseSigma == 0 && g.AdcBits is null);
}

/// <summary>
/// The transforms a quantised reference applies to a model: per linear (by weight name) a <see cref="LinearPlan"/>,
/// and the bits of attention's Q, K and V (absmax per token; null: float). Built from a target's compiled IR by its
/// <see cref="IAccuracyTarget"/>; the reference interpreter runs the model's float IR through them
/// (<see cref="QuantisedReference"/>).
/// </summary>
public sealed record QuantisationPlan(string Target, ImmutableSortedDictionary<string, LinearPlan> Linears, int? AttentionBits)
{
    /// <summary>Nothing changed: the float reference.</summary>
    public static QuantisationPlan None(string target) => new(target, ImmutableSortedDictionary<string, LinearPlan>.Empty.WithComparers(StringComparer.Ordinal), null);

    /// <summary>The same formats and read-out without device noise (the noise-free quantised reference).</summary>
    public QuantisationPlan WithoutNoise() => this with
    {
        Linears = Linears.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value with { Groups = [.. kv.Value.Groups.Select(g => g with { NoiseSigma = 0 })] }, StringComparer.Ordinal),
    };

    /// <summary>True when some cell group has noise.</summary>
    public bool HasNoise => Linears.Values.Any(l => l.Groups.Any(g => g.NoiseSigma > 0));
}
