using System.Text;
using Pimcc.Isa.Docs;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hyflexpim.Isa;

/// <summary>
/// Renders docs/hyflexpim-isa.md from hyflexpim's four tables (through the shared <see cref="IsaTableDocs"/>). The file
/// is checked in; <c>Pimcc.Tests.Hyflexpim.HyflexpimIsaTests</c> fails when it is stale and rewrites it when
/// PIMCC_REGENERATE_DOCS=1.
/// </summary>
public static class HyflexpimIsaReference
{
    public const string RegenerateHint =
        "PIMCC_REGENERATE_DOCS=1 dotnet test tests/Pimcc.Tests --filter FullyQualifiedName~Pimcc.Tests.Hyflexpim.HyflexpimIsaTests";

    private const string Source = "isa/Pimcc.Hyflexpim.Isa/Isa/HyflexpimIsa.cs";

    /// <summary>The Σ·Vᵀ factor of a 64-input projection with 48 ranks on PU 0 (16 SLC ranks on one array, 32 MLC ranks on
    /// another), a row of scores in digital PIM, and the hidden vector sent to PU 1 (a test assembles it).</summary>
    public const string Example = """
        .hfp_sfu 0
            sfu.len len=64, rows=1
            sfu.quant dst=0, src=2, scale=3                   ; FP16 x -> i8 inputs at 0
            ev.sig event=0, count=1
        .hfp_analog 0
            ev.wait event=0, count=1
            ag.shape in=64, out=48, bits=8, tokens=1           ; the Σ·Vᵀ factor: 48 ranks (outputs) of 64 inputs
            ag.split slc=16, axis=out, tile=0                  ; 16 SLC ranks: one array; 32 MLC ranks: one array
            ag.gemv module=0, first=0, last=1, src=0, dst=4, acc=set
            ev.sig event=1, count=1
        .hfp_digital 0
            ev.wait event=1, count=1
            dg.shape dim=64, rows=1024, queries=1, heads=1, groups=1
            dg.qk dst=8, q=4, k=65536                          ; scores against the K rows at 16 MiB
        .hfp_link 0
            noc.send pu=1, src=4, dst=0, len=1                 ; 192 bytes to the next layer's PU
        """;

    public static string Markdown()
    {
        var preamble = new StringBuilder().Append("""
            # hyflexpim instruction sets

            hyflexpim (docs/hyflexpim-passes.md) runs four streams per PU, each with its own table of 64-bit words; a
            stream's index is the global PU number, chip x chip.pus + PU:
            - `.hfp_analog p`: the analog modules. `ag.shape` sets a weight's inputs, outputs, input bits and tokens,
              `ag.split` which of its ranks are SLC and which 2-bit MLC; each `ag.gemv` reads one group of arrays of one
              module with bit-serial INT8 inputs (one bit per 100 ns array cycle, the ADC conversions of a cycle
              overlapping the next read), the partial sums of the weight's 64-row tiles added by S&A.
            - `.hfp_digital p`: the digital NOR PIM modules. Q·Kᵀ (`dg.qk`) and S·V (`dg.sv`) against the KV cache as INT8
              multiplies (64 NORs of 5-cycle row operations each), sums in S&A; `dg.kvw` writes new K and V rows.
            - `.hfp_sfu p`: the SFU (FP16): softmax, LayerNorm/RMSNorm, activations, element-wise adds and multiplies
              (residuals, biases, dequantisation by the per-channel scales), partial-sum reduction of a tensor-parallel
              layer, and the activation quantisation that feeds the crossbars.
            - `.hfp_link p`: sends over the chip's shared bus (partial sums), the inter-PU interconnect (the hidden vector
              to the next layer's PU) and PCIe (to a PU on another chip), and the host I/O (embedding rows in, logits out).

            Operands are immediates written with their names. Vector operands are addresses in the PU's buffer counted in
            256-byte units (16 bits: the first 16 MiB, the activation window, which holds the parameters the SFU reads and
            the activations); KV-cache addresses of the digital rows reach the whole buffer (22 bits). Transfer lengths
            count 256-byte units. The tables' opcodes are disjoint
            (the opcode's range names the unit); `ev.sig` and `ev.wait` are the same rows in every table and count on
            event counters shared by all streams of all chips. The unit, timing class and active components of each row
            are what the simulator reads; every number behind them is in the target description.

            Memory regions are placed in `hfp_buf` (a PU's buffer: `pu=P, addr=BYTE`) or `hfp_xbar` (a PU's crossbars:
            `pu=P, module=M, array=A`, size in bytes of arrays at two bits per cell, 2,048 bytes per 64 x 128 array: the
            memory image holds each array's cells at the widest mode's bits, docs/binary-format.md).

            Example (the Σ·Vᵀ factor of a projection with 16 SLC and 32 MLC ranks on PU 0, a row of scores, a vector to PU 1):

            ```
            """).Append('\n').Append(Example.TrimEnd()).Append("\n```\n\n").ToString();
        return IsaTableDocs.RenderDocument(HyflexpimIsa.Tables, "Pimcc.Hyflexpim.Isa.HyflexpimIsaReference", Source, RegenerateHint, preamble, TableIntro);
    }

    private static string TableIntro(OpTable table) => table.Name switch
    {
        HyflexpimIsa.AnalogName => "The analog modules' stream of a PU (`.hfp_analog p`). A weight's SLC block and its MLC block each take " +
                                   "ceil(inputs / analog.rows) x ceil(outputs / (analog.columns x bits-per-cell / 8)) arrays (tiles), row-tile major, SLC first; " +
                                   "an `ag.gemv` reads a group of them on one module, so a block spread over modules or PUs is several `ag.gemv` " +
                                   "(on other PUs their partial sums go over the shared bus to the PU that reduces them with `sfu.reduce`).",
        HyflexpimIsa.DigitalName => "The digital modules' stream of a PU (`.hfp_digital p`). `dg.shape` sets the attention shape of the following rows; the KV tables hold rows of groups x dim i8, one per position.",
        HyflexpimIsa.SfuName => "The SFU stream of a PU (`.hfp_sfu p`). `sfu.len` sets the vector length and count for the following rows.",
        _ => "The link stream of a PU (`.hfp_link p`).",
    };
}
