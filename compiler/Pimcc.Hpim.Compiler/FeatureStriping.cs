using System.Collections.Immutable;

namespace Pimcc.Hpim.Compiler;

/// <summary>
/// Tensor-wise (TP) striping of a weight matrix's output features (rows of the [out, in] layout)
/// across all channels, for output projection, FFN and LM head: feature j goes to channel j mod C,
/// so every channel holds within one feature of the same share and all channels work in parallel.
/// Each channel computes complete dot products; outputs are gathered, never reduced.
/// </summary>
public sealed record FeatureStriping(int Features, int Channels)
{
    public int ChannelOf(int feature) => feature % Channels;

    public int FeaturesOn(int channel) => Features / Channels + (channel < Features % Channels ? 1 : 0);

    /// <summary>The largest share: the channel that finishes last.</summary>
    public int MaxFeaturesPerChannel => (Features + Channels - 1) / Channels;

    public ImmutableArray<int> FeaturesOf(int channel) =>
        [.. Enumerable.Range(0, FeaturesOn(channel)).Select(k => channel + k * Channels)];
}
