namespace Pimcc.Targets.Description;

/// <summary>
/// The physical kind of a target parameter. Each dimension has one base unit that the
/// resolved description stores (see <see cref="Units"/>), so no consumer ever converts units.
/// </summary>
public enum Dimension
{
    /// <summary>A plain count (cores, banks, multipliers). Unit "count".</summary>
    Count,
    /// <summary>Storage in bytes. Base unit B.</summary>
    Bytes,
    /// <summary>Storage or width in bits (die density, bus width). Base unit bit.</summary>
    Bits,
    /// <summary>Clock frequency. Base unit Hz.</summary>
    Frequency,
    /// <summary>Wall-clock time. Base unit ps.</summary>
    Time,
    /// <summary>DRAM command-clock cycles (nCK). Time units are rounded up with the HBM tCK.</summary>
    DramCycles,
    /// <summary>System (core) clock cycles. Time units are rounded up with the system clock.</summary>
    CoreCycles,
    /// <summary>Bandwidth. Base unit B/s; "B/cycle" uses the system clock.</summary>
    Bandwidth,
    /// <summary>Per-pin data rate. Base unit bit/s.</summary>
    DataRate,
    /// <summary>Throughput in floating-point operations per second. Base unit FLOP/s.</summary>
    Throughput,
    /// <summary>Energy per event. Base unit pJ.</summary>
    Energy,
    /// <summary>Energy per bit moved or accessed. Base unit pJ/bit.</summary>
    EnergyPerBit,
    /// <summary>Power. Base unit mW.</summary>
    Power,
    /// <summary>Silicon area. Base unit mm2.</summary>
    Area,
    /// <summary>Feature size (technology node). Base unit nm.</summary>
    Length,
    /// <summary>Electrical resistance (a memory cell's on-state). Base unit ohm.</summary>
    Resistance,
    /// <summary>A dimensionless ratio or rate (on/off ratio, bit error rate). Base unit fraction; % converts.</summary>
    Ratio,
    /// <summary>true / false.</summary>
    Boolean,
    /// <summary>One of a fixed set of words (topology, mapping policy).</summary>
    Choice,
}
