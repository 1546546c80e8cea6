namespace Pimcc.Targets.Description;

/// <summary>
/// The usual shapes of a schema key, so that a kind's schema reads as a list of keys: integral counts, bytes and bits,
/// DRAM and core cycle counts (bounded at 10^9), real-valued quantities and word choices. <c>using static</c> it.
/// </summary>
public static class ParameterSpecs
{
    public static ParameterSpec Count(string key, string summary, bool pow2 = false, bool zero = false) =>
        new(key, Dimension.Count, "count", summary) { Integral = true, PowerOfTwo = pow2, AllowZero = zero, Max = 1e9m };
    public static ParameterSpec Bytes(string key, string unit, string summary, bool pow2 = false) =>
        new(key, Dimension.Bytes, unit, summary) { Integral = true, PowerOfTwo = pow2 };
    public static ParameterSpec Bits(string key, string unit, string summary, bool pow2 = false, decimal max = 1e18m) =>
        new(key, Dimension.Bits, unit, summary) { Integral = true, PowerOfTwo = pow2, Max = max };
    public static ParameterSpec Nck(string key, string summary) =>
        new(key, Dimension.DramCycles, "nCK", summary) { Integral = true, Max = 1e9m };
    public static ParameterSpec Cycles(string key, string summary) =>
        new(key, Dimension.CoreCycles, "cycle", summary) { Integral = true, Max = 1e9m };
    public static ParameterSpec Real(string key, Dimension d, string unit, string summary) => new(key, d, unit, summary);
    public static ParameterSpec Choice(string key, string summary, params string[] choices) =>
        new(key, Dimension.Choice, "", summary) { Choices = choices };
}
