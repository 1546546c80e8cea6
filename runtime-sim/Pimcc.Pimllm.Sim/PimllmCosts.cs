using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim.Functional;

namespace Pimcc.Pimllm.Sim;

/// <summary>Time and energy events of one instruction (energy by event, <see cref="PimllmEnergyEvent"/>).</summary>
public readonly record struct InstructionCost(long Picoseconds, long Macs, EnergyEventCounts Events);

/// <summary>
/// The configuration a stream's earlier instructions set, which later ones read: the post-processing vector length
/// and token count (<c>pp.len</c>, <c>pp.tok</c>), the systolic product's shape and span (<c>sa.mshape</c>), and the
/// position of the program's first token (0 in prefill, the current position p in decode); <c>First</c> is the first
/// token of the current range (<c>pp.tok</c>, <c>dma.tok</c>) within the program.
/// </summary>
public sealed record StreamState(long Len = 1, long Tokens = 1, long M = 1, long N = 1, long K = 1, long Span = 0, long Position = 0, long First = 0)
{
    /// <summary>The state after a configuration instruction (<c>pp.len</c>, <c>pp.tok</c>, <c>dma.tok</c>,
    /// <c>sa.shape</c>, <c>sa.mshape</c>); any other instruction leaves it as it is.</summary>
    public StreamState After(Pimcc.Isa.Encoding.Op op) => op.Spec.Pimllm.Action switch
    {
        PimllmAction.VectorLength => this with { Len = op["len"] },
        PimllmAction.TokenRange => this with { First = op["first"], Tokens = op["count"] },
        PimllmAction.TileShape => this with { M = op["m"], N = op["n"], K = op["k"], Span = 0 },
        PimllmAction.MatrixShape => this with { M = op["m"], N = op["n"], K = op["k"], Span = op["span"] },
        _ => this,
    };
}

/// <summary>One LPDDR transfer of a DMA instruction: byte address within the channel, bytes, direction.</summary>
public readonly record struct LpddrTransfer(long Address, long Bytes, bool Write);

/// <summary>
/// What each instruction costs, from the target description alone (docs/pimllm-isa.md, timing classes):
/// <list type="bullet">
/// <item><c>xb.mvm</c>: per input vector, <c>ReadsPerInput</c> crossbar reads (activation bits over
/// <c>crossbar.dac.bitsPerRead</c>), each the array read (<c>crossbar.readLatency</c>, DAC settling included) then the
/// columns' conversions on the crossbar's shared ADCs (columns / <c>crossbar.adc.perCrossbar</c> samples at
/// <c>crossbar.adc.sampleRate</c>); shift-add keeps pace with the ADC. The group's crossbars read in parallel.</item>
/// <item>post-processing: len x tokens elements over <c>crossbar.postProcessing.lanes</c>, one per lane and clock,
/// two passes for a norm (statistics, then normalise);</item>
/// <item><c>sa.mm</c>: the product's tiles on the array (<see cref="SystolicSchedule"/>) at <c>system.clock</c>;
/// the span bounds the keys (causal blocks skipped; the cache's p + 1 keys in decode);</item>
/// <item>softmax: three passes (max, exp-sum, scale) over the scores, <c>systolic.softmaxLanes</c> per clock;</item>
/// <item>configuration and events: one clock.</item>
/// </list>
/// Energy is per event only (the description gives no static power): a crossbar read per crossbar and read, a DAC
/// conversion per driven row and read, an ADC conversion and a shift-add per column and read, a post-processing
/// or softmax operation per element and pass, a MAC per useful multiply-accumulate, SRAM bits read and written,
/// LPDDR bits moved. LPDDR time is not here: <see cref="LpddrChannel"/> times transfers on the DRAM engine.
/// </summary>
public sealed class PimllmCosts(PimllmTarget t)
{
    public long ClockPs { get; } = (long)Math.Round(1e12 / t.ClockHz);

    /// <summary>One crossbar read: the array read and the conversions of its columns.</summary>
    public long CrossbarReadPs { get; } = t.Crossbars.ReadLatencyPs + (long)Math.Ceiling(t.Crossbars.ConversionPs);

    public InstructionCost Cost(Pimcc.Isa.Encoding.Op op, StreamState s)
    {
        var e = new EnergyEventCounts();
        long Clocks(long n) => n * ClockPs;
        switch (op.Spec.Pimllm.Action)
        {
            case PimllmAction.CrossbarMvm:
            {
                var reads = s.Tokens * t.Crossbars.ReadsPerInput(t.ActivationBits);
                long tiles = op["tiles"], rows = op["rows"];
                e[PimllmEnergyEvent.CrossbarRead] = reads * tiles;
                e[PimllmEnergyEvent.DacConversion] = reads * rows;
                e[PimllmEnergyEvent.AdcConversion] = reads * tiles * t.Crossbars.Columns;
                e[PimllmEnergyEvent.ShiftAdd] = reads * tiles * t.Crossbars.Columns;
                e[PimllmEnergyEvent.SramBit] = s.Tokens * rows * t.ActivationBits;
                // MACs the arrays perform: every input row against every weight column of the tiles read (the columns
                // a matrix leaves unused in its last column tile included), once per input vector.
                return new(reads * CrossbarReadPs, s.Tokens * rows * tiles * t.Crossbars.OutputsPerCrossbar, e);
            }
            case PimllmAction.AccumulatorStore or PimllmAction.Activation or PimllmAction.VectorAdd or PimllmAction.VectorMul
                or PimllmAction.Rotary or PimllmAction.Quantize or PimllmAction.QuantizeToCache or PimllmAction.Norm or PimllmAction.ScaleToTable:
            {
                var passes = op.Spec.Pimllm.Action == PimllmAction.Norm ? 2 : 1;
                // pp.srow moves one scale per token; the others len elements per token
                var elements = (op.Spec.Pimllm.Action == PimllmAction.ScaleToTable ? 1 : s.Len) * s.Tokens;
                e[PimllmEnergyEvent.PostProcessingOp] = elements * passes;
                // a read and a write per element of the result's width: fp16, or fp32 for a sum or product kept fp32 (rt)
                var resultBytes = op.Spec.Format == PimllmFormats.BinaryTyped ? PimllmMemory.ElementBytes(PimllmFormats.ResultDataType(op["rt"])) : 2;
                e[PimllmEnergyEvent.SramBit] = elements * 2 * resultBytes * 8;
                return new(Clocks(Ceil(elements * passes, t.Crossbars.PostProcessingLanes)), 0, e);
            }
            case PimllmAction.MatrixProduct:
            {
                var p = Product(s);
                e[PimllmEnergyEvent.SystolicMac] = p.Macs;
                e[PimllmEnergyEvent.SramBit] = OperandBits(s, p.Macs);
                return new(Clocks(p.Cycles), p.Macs, e);
            }
            case PimllmAction.Gemm:
            {
                // One output tile of the hand-written kind (sa.shape + sa.gemm): all of it useful.
                var p = SystolicSchedule.Gemm(s.M, s.K, s.N, t.Systolic.Rows, t.Systolic.Columns);
                e[PimllmEnergyEvent.SystolicMac] = p.Macs;
                e[PimllmEnergyEvent.SramBit] = OperandBits(s, p.Macs);
                return new(Clocks(p.Cycles), p.Macs, e);
            }
            case PimllmAction.Softmax or PimllmAction.SoftmaxRows:
            {
                var elements = op.Spec.Pimllm.Action == PimllmAction.Softmax ? op["len"] : Scores(s);
                e[PimllmEnergyEvent.SoftmaxOp] = elements * 3;
                e[PimllmEnergyEvent.SramBit] = elements * (32 + 8);
                return new(Clocks(Ceil(elements * 3, t.Systolic.SoftmaxLanes)), 0, e);
            }
            default:
                return new(ClockPs, 0, e);
        }
    }

    /// <summary>
    /// The LPDDR transfers of a DMA instruction (none for the others), in 64-byte units of its operands: <c>dma.ld</c>
    /// and <c>dma.st</c> one block; <c>dma.ldc</c> the cache rows 0 .. p-1 before the range's first position p;
    /// <c>dma.strow</c> the range's rows at their positions (consecutive: one block); <c>dma.row</c> one row per token of
    /// the range. Token ids are not known to a timing run: a gather by token id reads the row at the token's position
    /// instead (a row of the same table, so the same bytes and the same kind of bank access). Written into
    /// <paramref name="into"/> (cleared first), so that a run allocates nothing per word.
    /// </summary>
    public static void Transfers(Pimcc.Isa.Encoding.Op op, StreamState s, List<LpddrTransfer> into)
    {
        const long unit = PimllmFormats.LpddrUnitBytes;
        into.Clear();
        var first = s.Position + s.First;
        switch (op.Spec.Pimllm.Action)
        {
            case PimllmAction.LpddrLoad: into.Add(new(op["lpddr"] * unit, op["len"] * unit, false)); break;
            case PimllmAction.LpddrStore: into.Add(new(op["lpddr"] * unit, op["len"] * unit, true)); break;
            case PimllmAction.LpddrLoadCache:
                if (first != 0) into.Add(new(op["table"] * unit, first * op["len"] * unit, false));
                break;
            case PimllmAction.LpddrStoreRow:
                into.Add(new((op["table"] + first * op["len"]) * unit, s.Tokens * op["len"] * unit, true));
                break;
            case PimllmAction.LpddrGatherRow:
                for (var i = 0; i < s.Tokens; i++) into.Add(new((op["table"] + (first + i) * op["len"]) * unit, op["len"] * unit, false));
                break;
        }
    }

    /// <summary>Energy of a set of events, in pJ, with the description's per-event energies.</summary>
    public double EnergyPj(PimllmEnergyEvent ev, long count) => count * ev switch
    {
        PimllmEnergyEvent.CrossbarRead => t.Energy.CrossbarReadPj,
        PimllmEnergyEvent.DacConversion => t.Energy.DacPj,
        PimllmEnergyEvent.AdcConversion => t.Energy.AdcPj,
        PimllmEnergyEvent.ShiftAdd => t.Energy.ShiftAddPj,
        PimllmEnergyEvent.PostProcessingOp => t.Energy.PostProcessingOpPj,
        PimllmEnergyEvent.SystolicMac => t.Energy.SystolicMacPj,
        PimllmEnergyEvent.SoftmaxOp => t.Energy.SoftmaxOpPj,
        PimllmEnergyEvent.SramBit => t.Energy.SramPjPerBit,
        PimllmEnergyEvent.LpddrBit => t.Energy.LpddrPjPerBit,
        _ => throw new ArgumentOutOfRangeException(nameof(ev)),
    };

    /// <summary>The systolic schedule of the current product: the span bounds the keys.</summary>
    public SystolicSchedule Product(StreamState s)
    {
        int rows = t.Systolic.Rows, columns = t.Systolic.Columns;
        var keys = s.Position + 1;
        return s.Span switch
        {
            1 => SystolicSchedule.CausalScores(s.M, s.N - s.M, s.K, rows, columns),
            2 => SystolicSchedule.CausalValues(s.M, s.K - s.M, s.N, rows, columns),
            3 => SystolicSchedule.Gemm(s.M, s.K, Math.Min(s.N, keys), rows, columns),
            4 => SystolicSchedule.Gemm(s.M, Math.Min(s.K, keys), s.N, rows, columns),
            _ => SystolicSchedule.Gemm(s.M, s.K, s.N, rows, columns),
        };
    }

    /// <summary>
    /// SRAM bits a product moves: 8-bit A and B read once, i32 C written once. A cache span bounds the keys (cache_n: B
    /// and C have p + 1 key columns; cache_k: A and B p + 1 key rows); a causal span counts the operands of the unmasked
    /// multiply-accumulates (MACs / n of A, MACs / m of B).
    /// </summary>
    private static long OperandBits(StreamState s, long macs)
    {
        var keys = s.Position + 1;
        return s.Span switch
        {
            3 => (s.M * s.K + s.K * Math.Min(s.N, keys)) * 8 + s.M * Math.Min(s.N, keys) * 32,
            4 => (s.M * Math.Min(s.K, keys) + Math.Min(s.K, keys) * s.N) * 8 + s.M * s.N * 32,
            1 or 2 => (macs / Math.Max(1, s.N) + macs / Math.Max(1, s.M)) * 8 + s.M * s.N * 32,
            _ => (s.M * s.K + s.K * s.N) * 8 + s.M * s.N * 32,
        };
    }

    /// <summary>Scores the softmax sees: every row's visible keys.</summary>
    public static long Scores(StreamState s) => s.Span switch
    {
        1 => s.M * (s.N - s.M) + s.M * (s.M + 1) / 2,
        3 => s.M * Math.Min(s.N, s.Position + 1),
        _ => s.M * s.N,
    };

    private static long Ceil(long a, long b) => (a + b - 1) / b;
}
