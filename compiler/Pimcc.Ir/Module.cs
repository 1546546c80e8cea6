using System.Collections.Immutable;

namespace Pimcc.Ir;

/// <summary>
/// The root of the IR: model-level attributes (family, sizes, workload), weights, KV caches and
/// functions (normally <c>prefill</c> and <c>decode</c>). Immutable; lookups are built on demand.
/// </summary>
public sealed record Module(
    string Name,
    AttrMap Attrs,
    ImmutableArray<Weight> Weights,
    ImmutableArray<KvCache> KvCaches,
    ImmutableArray<Function> Functions)
{
    public const string Prefill = "prefill";
    public const string Decode = "decode";

    // Lookup cache keyed by the array it was built from: `with` copies this field, so a copy with
    // other weights must not reuse it. One reference, published whole once built, so threads reading one module (hpim
    // lowers prefill and decode side by side) see no index or a complete one; two may each build one.
    private sealed record WeightIndex(ImmutableArray<Weight> Source, Dictionary<string, Weight> Map);

    private WeightIndex? _weightIndex;

    public Weight? FindWeight(string name)
    {
        var idx = Volatile.Read(ref _weightIndex);
        if (idx is null || idx.Source != Weights)
        {
            var map = new Dictionary<string, Weight>(StringComparer.Ordinal);
            foreach (var w in Weights) map.TryAdd(w.Name, w);
            idx = new WeightIndex(Weights, map);
            Volatile.Write(ref _weightIndex, idx);
        }
        return idx.Map.GetValueOrDefault(name);
    }

    public KvCache? FindKvCache(string name) => KvCaches.FirstOrDefault(c => c.Name == name);

    public Function? FindFunction(string name) => Functions.FirstOrDefault(f => f.Name == name);

    public Module WithFunction(Function f) =>
        this with { Functions = [.. Functions.Select(x => x.Name == f.Name ? f : x)] };

    public Module WithFunctions(IEnumerable<Function> fs) => this with { Functions = [.. fs] };

    public Module WithAttrs(AttrMap attrs) => this with { Attrs = attrs };

    /// <summary>Total weight bytes (all weights, as stored).</summary>
    public long WeightBytes => Weights.Sum(w => w.Type.StaticBytes);

    public bool Equals(Module? other) =>
        other is not null && Name == other.Name && Attrs.Equals(other.Attrs) && Weights.SequenceEqual(other.Weights) &&
        KvCaches.SequenceEqual(other.KvCaches) && Functions.SequenceEqual(other.Functions);

    public override int GetHashCode() => HashCode.Combine(Name, Weights.Length, Functions.Length);
}
