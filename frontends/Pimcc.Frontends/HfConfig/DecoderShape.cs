using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// The sizes every decoder family reports as module attributes (docs/ir.md), with the config field
/// that bounds positions so a too-long workload is reported against it.
/// </summary>
internal sealed record DecoderShape(
    string Family,
    int Hidden,
    int Layers,
    int Heads,
    int KvHeads,
    int HeadDim,
    int Ffn,
    int Vocab,
    int MaxPositions,
    string MaxPositionsField)
{
    public AttrMap ToAttrs() => AttrMap.Empty
        .Set("family", Family)
        .Set("hidden_size", Hidden)
        .Set("num_layers", Layers)
        .Set("num_heads", Heads)
        .Set("num_kv_heads", KvHeads)
        .Set("head_dim", HeadDim)
        .Set("ffn_dim", Ffn)
        .Set("vocab_size", Vocab)
        .Set("max_positions", MaxPositions);
}
