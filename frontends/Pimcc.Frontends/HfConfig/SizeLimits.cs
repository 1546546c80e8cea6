namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// Upper bounds beyond which a config value is treated as a typo rather than a model. They sit well
/// above the largest published decoders (e.g. Llama-3.1-405B: hidden 16384, 126 layers, 128 heads,
/// ffn 53248, vocab 128256) and keep every weight size and count inside 64-bit arithmetic.
/// </summary>
internal static class SizeLimits
{
    public const int Hidden = 1_000_000;
    public const int Layers = 10_000;
    public const int Heads = 100_000;
    public const int HeadDim = 100_000;
    public const int Ffn = 10_000_000;
    public const int Vocab = 10_000_000;
    public const int Positions = 100_000_000;
}
