namespace Pimcc.Hpim.Compiler.Lowering;

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

    /// <summary>
    /// Output-event slots: one per GEMV of a batch, or, when the batch runs round-major, one per (GEMV, round) =
    /// batch slot x rounds + round (OPT-30B: 3 GEMVs x 3 rounds = 9 slots, ids up to 64 + 9 x 32 = 352 on 64
    /// channels). With 32 slots of 32 cores the ids stay below 4096 (12 bits) for up to 3072 channels.
    /// </summary>
    public const int MaxSlots = 32;

    public static int InputReady(int channel) => channel;

    public static int OutputReady(int channels, int core, int slot = 0) => slot is >= 0 and < MaxSlots
        ? channels + slot * 32 + core
        : throw new InvalidOperationException($"output-event slot {slot} is outside 0..{MaxSlots - 1}");

    public static int Count(int channels) => channels + MaxSlots * 32;
}
