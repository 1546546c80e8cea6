namespace Pimcc.Compiler.Targets.Hpim.Lowering;

/// <summary>
/// Event counter numbering shared by cores and channels (12-bit ids). Every GEMV uses the same two families:
/// the owning core signals <see cref="InputReady"/> of each of its channels once the input vector is in its local
/// memory; each channel signals <see cref="OutputReady"/> of its owner once the partial sums are there.
/// Reuse across GEMVs is safe because each channel runs its GEMVs in order and each core waits for all of them.
/// </summary>
internal static class Events
{
    public static int InputReady(int channel) => channel;

    public static int OutputReady(int channels, int core) => channels + core;

    public static int Count(int channels, int cores) => channels + cores;
}
