namespace Pimcc.Targets.Hbm;

/// <summary>
/// One timing constraint: at <see cref="Level"/>, <see cref="Following"/> may issue no earlier than
/// <see cref="Latency"/> cycles after <see cref="Preceding"/> (when <see cref="Window"/> &gt; 1: after
/// the Window-th most recent Preceding, as tFAW). Latency is in DRAM command clocks.
/// </summary>
public sealed record TimingRule(string Name, HbmLevel Level, HbmCommand Preceding, HbmCommand Following, int Latency, string Formula, int Window = 1);
