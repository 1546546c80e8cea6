namespace Pimcc.Sim.Interconnect;

/// <summary>
/// A shared bus or link (an on-chip bus, a chip-to-chip link such as PCIe) as one resource: transfers are served one
/// at a time in the order they are asked for, each taking its bytes at <see cref="BytesPerSecond"/> after
/// <see cref="LatencyPs"/>; a transfer asked for while the bus is busy waits for it (contention). Deterministic.
/// </summary>
public sealed class Bus(double bytesPerSecond, long latencyPs)
{
    private long _freePs;

    public double BytesPerSecond { get; } = bytesPerSecond > 0 ? bytesPerSecond : throw new ArgumentOutOfRangeException(nameof(bytesPerSecond));

    public long LatencyPs { get; } = latencyPs >= 0 ? latencyPs : throw new ArgumentOutOfRangeException(nameof(latencyPs));

    /// <summary>Total bytes moved and total time transfers waited for the bus (ps).</summary>
    public long Bytes { get; private set; }

    public long WaitPs { get; private set; }

    /// <summary>Picoseconds the bus is occupied by <paramref name="bytes"/>.</summary>
    public long OccupancyPs(long bytes) => (long)Math.Ceiling(bytes * 1e12 / BytesPerSecond - 1e-6);

    /// <summary>Moves <paramref name="bytes"/> ready at <paramref name="readyPs"/>: returns when the transfer starts
    /// (the bus is free) and when its last byte has arrived (occupancy plus latency).</summary>
    public (long StartPs, long EndPs) Transfer(long readyPs, long bytes)
    {
        var start = Math.Max(readyPs, _freePs);
        var occupied = OccupancyPs(bytes);
        _freePs = start + occupied;
        Bytes += bytes;
        WaitPs += start - readyPs;
        return (start, start + occupied + LatencyPs);
    }
}
