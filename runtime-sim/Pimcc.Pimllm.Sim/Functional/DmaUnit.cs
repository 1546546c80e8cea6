using Pimcc.Isa.Encoding;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Sim.Functional;

/// <summary>
/// One LPDDR channel's DMA stream on values: byte copies between SRAM and the channel, in 64-byte units. <c>dma.row</c>
/// gathers the row of each token of the <c>dma.tok</c> range (by its id, or by its position), <c>dma.ldc</c> the
/// cache rows before the range's first position, <c>dma.strow</c> stores the range's rows at their positions.
/// </summary>
public sealed class DmaUnit(PimllmMemory mem, ProgramRun run, int channel) : IFunctionalUnit
{
    private const int Unit = PimllmFormats.LpddrUnitBytes;

    /// <summary>The actions this unit runs on values.</summary>
    public static IReadOnlyList<PimllmAction> Actions { get; } =
    [
        PimllmAction.TokenRange, PimllmAction.LpddrLoad, PimllmAction.LpddrStore, PimllmAction.LpddrGatherRow, PimllmAction.LpddrLoadCache, PimllmAction.LpddrStoreRow,
    ];
    private long _first, _count = 1;

    public void Execute(Op op, PimllmAction action, string where)
    {
        switch (action)
        {
            case PimllmAction.TokenRange:
                (_first, _count) = (op["first"], op["count"]);
                break;
            case PimllmAction.LpddrLoad:
                mem.ReadLpddr(channel, op["lpddr"] * Unit, Sram(op["sram"], op["len"]));
                break;
            case PimllmAction.LpddrStore:
                mem.WriteLpddr(channel, op["lpddr"] * Unit, Sram(op["sram"], op["len"]));
                break;
            case PimllmAction.LpddrGatherRow:
                for (long i = 0; i < _count; i++)
                {
                    var token = (int)(_first + i);
                    if (token >= run.Tokens.Count)
                        throw new Pimcc.Diagnostics.PimccError(Pimcc.Diagnostics.ExitCode.InvalidBinary, where, $"'{op.Mnemonic}' gathers token {token} of a program run with {run.Tokens.Count}", "recompile the binary for this workload");
                    long row = op["index"] == 1 ? run.FirstPosition + token : run.Tokens[token];
                    mem.ReadLpddr(channel, (op["table"] + row * op["len"]) * Unit, Sram(op["sram"] + i * op["len"], op["len"]));
                }
                break;
            case PimllmAction.LpddrLoadCache:
                mem.ReadLpddr(channel, op["table"] * Unit, Sram(op["sram"], (run.FirstPosition + _first) * op["len"]));
                break;
            case PimllmAction.LpddrStoreRow:
                for (long i = 0; i < _count; i++)
                {
                    var row = run.FirstPosition + _first + i;
                    mem.WriteLpddr(channel, (op["table"] + row * op["len"]) * Unit, Sram(op["sram"] + row * op["len"], op["len"]));
                }
                break;
            default:
                throw FunctionalUnits.NotOnValues(op, action, where);
        }
    }

    private Span<byte> Sram(long unit, long units) => mem.SramBytes(unit * PimllmFormats.SramUnitBytes, units * Unit);
}
