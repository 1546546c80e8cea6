namespace Pimcc.Isa.Container;

/// <summary>
/// The registers the top controller sets on every core before a program run (docs/hpim-abi.md), declared once for
/// the lowering that reads them, the sync checker and the timing and functional simulators that set them. All other
/// registers start at 0.
/// </summary>
public static class HpimAbi
{
    /// <summary>r27: the decode step's input token id (0 in prefill; timing runs leave it 0).</summary>
    public const int Token = 27;

    /// <summary>r28: the prompt length.</summary>
    public const int Prompt = 28;

    /// <summary>r29: the decode step index, 0-based (0 in prefill).</summary>
    public const int Step = 29;

    /// <summary>r30: positions already in the KV cache (prompt + step in decode, 0 in prefill).</summary>
    public const int Kv = 30;
}
