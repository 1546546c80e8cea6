using Pimcc.Ir;

namespace Pimcc.Reference;

/// <summary>
/// The mutable contents of a module's KV caches between function runs: for each
/// <c>kv_cache</c>, keys and values of shape [max_len, kv_heads, head_dim], stored as float32
/// values rounded to the cache's element type. Running <c>prefill</c> and then <c>decode</c>
/// repeatedly on one state is generation.
/// </summary>
public sealed class KvCacheState
{
    private readonly SortedDictionary<string, Entry> _caches = new(StringComparer.Ordinal);

    public KvCacheState(Module module)
    {
        foreach (var c in module.KvCaches)
        {
            if (!c.Type.IsStatic || c.Type.Rank != 3)
                throw ReferenceErrors.Invalid($"kv_cache @{c.Name}", $"type {c.Type} is not a static [max_len, kv_heads, head_dim] shape");
            var n = Tensor.Elements([c.MaxLength, c.KvHeads, c.HeadDim], $"kv_cache @{c.Name}", "the cache");
            _caches[c.Name] = new Entry(c, new float[n], new float[n]);
        }
    }

    /// <summary>One cache: its declaration and the key and value storage, [max_len, kv_heads, head_dim] row-major.</summary>
    public sealed record Entry(KvCache Cache, float[] Keys, float[] Values);

    public IEnumerable<string> Names => _caches.Keys;

    public Entry Get(string name, string location) =>
        _caches.TryGetValue(name, out var e) ? e
            : throw ReferenceErrors.Invalid(location, $"no kv_cache named '@{name}' in the module");

    /// <summary>Keys of one cache as a tensor [max_len, kv_heads, head_dim] (a copy).</summary>
    public Tensor Keys(string name) => Snapshot(name, e => e.Keys);

    /// <summary>Values of one cache as a tensor [max_len, kv_heads, head_dim] (a copy).</summary>
    public Tensor Values(string name) => Snapshot(name, e => e.Values);

    private Tensor Snapshot(string name, Func<Entry, float[]> pick)
    {
        var e = Get(name, "kv state");
        return Tensor.Float(e.Cache.Type.Element, [e.Cache.MaxLength, e.Cache.KvHeads, e.Cache.HeadDim], (float[])pick(e).Clone());
    }
}
