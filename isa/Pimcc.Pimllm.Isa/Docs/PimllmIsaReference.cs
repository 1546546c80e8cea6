using System.Text;
using Pimcc.Isa.Docs;
using Pimcc.Isa.Encoding;

namespace Pimcc.Pimllm.Isa;

/// <summary>
/// Renders docs/pimllm-isa.md from pimllm's three tables (through the shared <see cref="IsaTableDocs"/>). The file is
/// checked in; <c>Pimcc.Tests.Pimllm.PimllmIsaTests</c> fails when it is stale and rewrites it when PIMCC_REGENERATE_DOCS=1.
/// </summary>
public static class PimllmIsaReference
{
    public const string RegenerateHint =
        "PIMCC_REGENERATE_DOCS=1 dotnet test tests/Pimcc.Tests --filter FullyQualifiedName~Pimcc.Tests.Pimllm.PimllmIsaTests";

    private const string Source = "isa/Pimcc.Pimllm.Isa/Isa/PimllmIsa.cs";

    /// <summary>A crossbar projection, its dequantisation and a DMA of the next weights (a test assembles it).</summary>
    public const string Example = """
        .xbar 0
            pp.len len=1024, group=64, stride=0
            pp.quant dst=0, src=16, scale=48, dt=fp16        ; x -> i8 at SRAM 0, its scale at 48 x 64
            xb.mvm xbar=0, tiles=4, rows=256, src=0, acc=set  ; row tile 0 of a 1024 x 1024 projection
            xb.mvm xbar=4, tiles=4, rows=256, src=4, acc=acc
            xb.mvm xbar=8, tiles=4, rows=256, src=8, acc=acc
            xb.mvm xbar=12, tiles=4, rows=256, src=12, acc=acc
            xb.st dst=64, scale=48, len=1024, dt=fp16
            ev.sig event=1, count=1                           ; q ready for the systolic array
        .systolic 0
            ev.wait event=1, count=1
            sa.shape m=1, n=32, k=64
            sa.gemm c=128, a=64, b=256, wt=i8, acc=set        ; one GEMV tile of q . K^T
        .lpddr_dma 0
            dma.ld sram=256, lpddr=0, len=32                  ; 2 KiB of K from channel 0
        """;

    public static string Markdown()
    {
        var preamble = new StringBuilder().Append("""
            # pimllm instruction sets

            pimllm (docs/pimllm-compiler.md) runs three kinds of stream, each with its own table of 64-bit words: one
            crossbar-controller stream (`.xbar 0`: crossbar reads of a tile group with DAC, shared ADCs and shift-add into
            the partial-sum accumulators, then the post-processing lanes: dequantisation, LayerNorm/RMSNorm, activations,
            residuals, rotary, 8-bit absmax quantisation), one systolic-array stream (`.systolic 0`: GEMM/GEMV tiles with
            their m, n, k on the output-stationary array, softmax rows) and one DMA stream per LPDDR channel
            (`.lpddr_dma c`: LPDDR <-> SRAM). The tpu-llm baseline (no crossbars) keeps the controller's post-processing
            lanes (norms, activations, quantisation) and so its stream, without `xb.mvm`.

            The compiler (docs/pimllm-compiler.md, "Lowering") emits whole matrix products (`sa.mshape` + `sa.mm`,
            `sa.msmx`) and token ranges (`pp.tok`, `dma.tok`); the tile-level rows (`sa.shape`, `sa.gemm`, `sa.softmax`)
            are for hand-written code. Work that depends on the position of the current token (decode: the cache's
            length) is stated by the instruction (`span` cache_n/cache_k, `dma.ldc`, `index=position`), so one decode
            program serves every step. `rep count, body, dtok` (the same row in every table) runs the next `body` words
            `count` times, each iteration's token indices `dtok` further (`first` of `pp.tok`/`dma.tok`, a causal
            `sa.mshape`'s keys): the compiler writes a prefill's middle blocks of rows once. It takes no time and is no
            instruction of the report: the timing model, the values mode and the compiler's sync check run the body as
            if written out (`PimllmStreamCursor`), so a looped binary reports exactly what the written-out one does.

            Operands are immediates written with their names (`xb.mvm xbar=0, tiles=4, ...`). SRAM addresses count
            64-byte units (17 bits: 8 MiB), LPDDR addresses and DMA lengths 64-byte units within the stream's channel.
            The tables' opcodes are disjoint (the opcode's range names the unit); `rep`, `ev.sig` and `ev.wait` are the same
            rows in every table and count on event counters shared by all streams. The unit, timing class and energy
            events of each row are what the simulator reads; every number behind them is in the target description.

            Example (a 1024 x 1024 binary projection on 16 crossbars, and the q . K^T tile it feeds):

            ```
            """).Append('\n').Append(Example.TrimEnd()).Append("\n```\n\n").ToString();
        return IsaTableDocs.RenderDocument(PimllmIsa.Tables, "Pimcc.Pimllm.Isa.PimllmIsaReference", Source, RegenerateHint, preamble, TableIntro);
    }

    private static string TableIntro(OpTable table) => table.Name switch
    {
        PimllmIsa.CrossbarName => "The crossbar controller's stream (`.xbar 0`). `xb.mvm` applies the `rows` inputs of one row tile to `tiles` " +
                                  "crossbars side by side; partial sums of the row tiles of one matrix accumulate (`acc`) in the accumulators, " +
                                  "which `xb.st` scales and writes to SRAM.",
        PimllmIsa.SystolicName => "The systolic array's stream (`.systolic 0`). `sa.shape` sets m, n, k; each `sa.gemm` is one output-stationary tile. " +
                                  "`sa.mshape` sets the shape of a whole product, which `sa.mm` runs as the array's sequencer tiles it.",
        _ => "The DMA stream of one LPDDR channel (`.lpddr_dma c`).",
    };
}
