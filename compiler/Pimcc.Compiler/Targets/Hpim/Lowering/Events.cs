namespace Pimcc.Compiler.Targets.Hpim.Lowering;

/// <summary>
/// Event counter numbering shared by cores and channels (12-bit ids). The owning core signals
/// <see cref="InputReady"/> of each of its channels once a GEMV input is in its local memory (once per GEMV of a
/// batch that reads the same input, e.g. K, Q and V); each channel signals <see cref="OutputReady"/> of its owner
/// for the GEMV's slot in the batch once the partial sums are there, so a channel that runs ahead into the next
/// GEMV of the batch cannot be mistaken for a slower one finishing this GEMV. Reuse across batches is safe: a
/// channel starts the next batch only after the core signals it, which it does after consuming this one.
/// </summary>
internal static class Events
{
    public const int MaxBatch = 4;

    public static int InputReady(int channel) => channel;

    public static int OutputReady(int channels, int core, int slot = 0) => channels + slot * 32 + core;

    public static int Count(int channels) => channels + MaxBatch * 32;
}
