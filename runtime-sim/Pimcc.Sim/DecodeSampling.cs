namespace Pimcc.Sim;

/// <summary>How decode steps are simulated.</summary>
public enum DecodeSampling
{
    /// <summary>Every step is simulated.</summary>
    Exact,
    /// <summary>
    /// Evenly spaced steps (first and last included) are simulated and the ones between interpolated linearly in
    /// kv. A decode step's work is linear in kv (attention over the cache), so this is exact up to tiling steps;
    /// GenerationRunTests checks it against full simulation (agreement within 1%).
    /// </summary>
    Interpolated,
    /// <summary>
    /// The first and last steps are simulated; an interval between simulated steps is split at its middle step, which
    /// is simulated, until the middle step agrees with the straight line between the interval's ends within
    /// the generation's tolerance (latency, energy, every critical-path class), or the budget of
    /// sampled steps is spent (widest disagreeing interval first).
    /// A decode step whose work is linear in kv therefore costs three simulated steps; a kink (bottleneck change)
    /// or a staircase (KV blocks) gets samples where the line does not fit.
    /// </summary>
    Adaptive,
}
