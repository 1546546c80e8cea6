namespace Pimcc.Pimllm.Isa;

/// <summary>
/// A matrix product C[M x N] = A[M x K] · B[K x N] on an R x C output-stationary systolic array: each PE keeps one
/// output; the array holds an R x C output tile and streams K operand pairs through it. A tile takes
/// K + (R - 1) + (C - 1) cycles (K products, plus the skew that fills the last PE); outputs drain into double-buffered
/// registers while the next tile fills, so tiles follow each other without a gap.
/// <para>Causal attention skips what the mask removes: query block i (rows i·R ..) sees keys up to
/// past + (i + 1)·R, so Q·Kᵀ has fewer column tiles and S·V a shorter reduction in the early blocks.</para>
/// </summary>
public readonly record struct SystolicSchedule(long Tiles, long Cycles, long Macs)
{
    public static SystolicSchedule operator +(SystolicSchedule a, SystolicSchedule b) =>
        new(a.Tiles + b.Tiles, a.Cycles + b.Cycles, a.Macs + b.Macs);

    public static SystolicSchedule operator *(SystolicSchedule a, long n) => new(a.Tiles * n, a.Cycles * n, a.Macs * n);

    /// <summary>Share of PE-cycles doing a useful MAC.</summary>
    public double Utilization(int rows, int columns) => Cycles == 0 ? 0 : Macs / ((double)Cycles * rows * columns);

    private static long Ceil(long a, long b) => (a + b - 1) / b;

    /// <summary>A dense product.</summary>
    public static SystolicSchedule Gemm(long m, long k, long n, int rows, int columns)
    {
        var tiles = Ceil(m, rows) * Ceil(n, columns);
        return new(tiles, tiles * (k + rows - 1 + columns - 1), m * k * n);
    }

    /// <summary>Q·Kᵀ of <paramref name="queries"/> causal queries after <paramref name="past"/> cached keys (head dim d).</summary>
    public static SystolicSchedule CausalScores(long queries, long past, long d, int rows, int columns)
    {
        var s = new SystolicSchedule();
        for (long first = 0; first < queries; first += rows)
        {
            var m = Math.Min(rows, queries - first);
            var keys = past + first + m;                  // the block's last query sees every key up to itself
            s += Gemm(m, d, keys, rows, columns) with { Macs = CausalMacs(first, m, past) * d };
        }
        return s;
    }

    /// <summary>S·V of <paramref name="queries"/> causal queries after <paramref name="past"/> cached positions (head dim d).</summary>
    public static SystolicSchedule CausalValues(long queries, long past, long d, int rows, int columns)
    {
        var s = new SystolicSchedule();
        for (long first = 0; first < queries; first += rows)
        {
            var m = Math.Min(rows, queries - first);
            var keys = past + first + m;
            s += Gemm(m, keys, d, rows, columns) with { Macs = CausalMacs(first, m, past) * d };
        }
        return s;
    }

    // Unmasked (query, key) pairs of queries first .. first + m - 1: query q sees past + q + 1 keys.
    private static long CausalMacs(long first, long m, long past) => m * past + (first + 1 + first + m) * m / 2;
}
