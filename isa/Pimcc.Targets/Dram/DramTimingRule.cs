namespace Pimcc.Targets.Dram;

/// <summary>
/// One timing constraint of a DRAM standard: at <see cref="Level"/>, command <see cref="Following"/> may issue no
/// earlier than <see cref="Latency"/> cycles after command <see cref="Preceding"/> on the same node (when
/// <see cref="Window"/> &gt; 1: after the Window-th most recent Preceding, as tFAW). Commands are indices into the
/// standard's command table, levels into its organisation; latencies are in engine ticks (DRAM command clocks unless
/// the standard's <see cref="DramClocking"/> splits them). <see cref="Sibling"/> rules bind across nodes instead: the
/// Following on a node waits for a Preceding on another node of the same level under the same parent (HBM3's tCCDR,
/// read to read on different stack IDs).
/// </summary>
public sealed record DramTimingRule(string Name, int Level, int Preceding, int Following, int Latency, string Formula, int Window = 1,
    bool Sibling = false);
