using System.Globalization;
using System.Text;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;

namespace Pimcc.Isa.Docs;

/// <summary>
/// Renders docs/isa.md and docs/hbm-commands.md from the tables. The files are checked in; the test
/// <c>Pimcc.Tests.Isa.GeneratedDocsTests</c> fails when they are stale and rewrites them when
/// PIMCC_REGENERATE_DOCS=1.
/// </summary>
public static class IsaReference
{
    public const string RegenerateHint =
        "PIMCC_REGENERATE_DOCS=1 dotnet test tests/Pimcc.Tests --filter FullyQualifiedName~Pimcc.Tests.Isa.GeneratedDocsTests";

    public static string SramMarkdown() => IsaTableDocs.Render(SramIsa.Table, RegenerateHint, "isa/Pimcc.Hpim.Isa/Sram/SramIsa.cs", "HPIM SRAM-PIM instruction set",
        """
        Every SRAM-PIM core runs one stream of 32-bit instructions (spec/hpim.md: "one unified 32-bit instruction
        format family"). The opcode is the top byte; operands follow MSB first; unused low bits are reserved and
        must be zero (a decoder rejects them as an out-of-range operand).

        Register model: 32 scalar registers `r0`..`r31`, 32 bits each; `r0` reads as zero. Addresses, sizes, strides
        and loop counters live in registers, set with `li.lo` (lower 16 bits, zero-extended) and `li.hi` (upper 16
        bits), so data-path instructions only name registers. Local-memory addresses are byte addresses; vector
        lengths count elements of the instruction's `dtype`. Shapes packed in one register keep rows in the upper
        and columns in the lower half. Branch and loop offsets count words relative to the branch itself; in
        assembly they are labels.

        Events (`ev.sig`, `ev.wait`) are counters shared by all cores and all HBM-PIM channel streams
        (docs/hbm-commands.md: `sig`, `wait`); they order the two subsystems' intra-token pipeline.

        Example: one head of decode attention (spec/hpim.md, "Decode pipeline"): HBM-PIM channels produce
        k, q, v and signal events 1, 2, 3; the core appends k to K in its PIM-unit macros, runs Q·K^T as a
        GEMV, softmax on the VCU, S·V as a second GEMV, and signals event 4 for the output projection.

        ```
        {{AttentionExample}}
        ```
        """.Replace("{{AttentionExample}}", AttentionExample, StringComparison.Ordinal));

    /// <summary>The decode-attention example of docs/isa.md (a test assembles it).</summary>
    public const string AttentionExample = """
        ; one head of decode attention on one core, FP16, d_k = 128; r10 = context length n (K rows in the macros)
            li.lo r1, 0x0000        ; q
            li.lo r2, 0x0100        ; k of this token
            li.lo r3, 0x0200        ; scores s
            li.lo r4, 0x2000        ; output o
            li.lo r5, 0x3000        ; scalar scratch
            li.lo r6, 128           ; d_k
            li.lo r13, 16
            li.lo r7, 0             ; macro slot of K: MG 0, byte offset n * 256
            li.hi r7, 0
            li.lo r8, 0             ; macro slot of V^T: MG 8
            li.hi r8, 8
            ev.wait 1, 1            ; HBM-PIM delivered k (res.rd.ab into 0x0100)
            li.lo r11, 256          ; 128 FP16 = 256 bytes
            mul r9, r10, r11
            add r9, r7, r9
            pim.ld r9, r2, r11      ; append k as row n of K
            addi r10, r10, 1
            ev.wait 2, 1            ; q delivered
            shl r12, r10, r13       ; shape (n+1) x 128
            or r12, r12, r6
            pim.gemv r3, r1, r12, r7, fp16, set    ; s = K q
            vrmax r5, r3, r10, fp16                ; softmax: max, subtract, exp, sum, divide
            vsub.s r3, r3, r5, r10, fp16
            vexp r3, r3, r10, fp16
            vsum r5, r3, r10, fp16
            vdiv.s r3, r3, r5, r10, fp16
            ev.wait 3, 1            ; v delivered and appended to V^T by the transfer path
            shl r14, r6, r13        ; shape 128 x (n+1)
            or r14, r14, r10
            pim.gemv r4, r3, r14, r8, fp16, set    ; o = V^T s
            ev.sig 4, 1             ; o ready for the output projection on HBM-PIM
            halt
        """;

    /// <summary>The GEMV example of docs/hbm-commands.md (tests assemble and expand it).</summary>
    public const string GemvExample = """
        rep count=48, body=9, drow=14, dcol=0, dgcol=0, dladdr=1, dsaddr=0
          res.clr pc=0
          rep count=14, body=6, drow=1, dcol=0, dgcol=0, dladdr=0, dsaddr=32
            rep count=32, body=1, drow=0, dcol=0, dgcol=1, dladdr=0, dsaddr=1
              gwr pc=0, gcol=0, core=3, saddr=0
            act.ab pc=0, row=0
            rep count=32, body=1, drow=0, dcol=1, dgcol=1, dladdr=0, dsaddr=0
              mac.ab pc=0, col=0, gcol=0
            pre.ab pc=0
          res.rd.ab pc=0, core=3, laddr=1024
        """;

    public static string HbmMarkdown() => IsaTableDocs.Render(HbmCommandSet.Table, RegenerateHint, "isa/Pimcc.Hpim.Isa/Hbm/HbmCommandSet.cs", "HPIM HBM-PIM command set",
        """
        Each HBM channel runs one stream of 64-bit commands; `pc` selects the pseudo channel (spec/hpim.md: 2 pCH
        per channel, one 1 KB global buffer per pCH, one processing unit with 16 FP16 multipliers per bank).
        The opcode is the top byte; operands follow MSB first; unused low bits are reserved and must be zero.
        A column is one 32-byte access, the width of a bank PU; `laddr` (destination) and `saddr` (source) are
        addresses in the local memory of SRAM-PIM core `core`, in 32-byte units. Several commands of one
        channel may address different cores: the channel's HBM interface reaches them over the NoC.

        Compactness: `rep count, body, drow, dcol, dgcol, dladdr, dsaddr` runs the next `body` commands `count`
        times; in iteration i (0-based) the row, col, gcol, laddr and saddr operands of those commands grow by
        i x drow, i x dcol, i x dgcol, i x dladdr and i x dsaddr. Nested reps add their contributions. A rep body
        must end inside the stream and inside any enclosing body. Example: a 768-row x 7168-column FP16 GEMV
        slice on one pseudo channel (48 row sets of 16 banks; the input vector in 14 chunks of 512 elements,
        one global buffer each) is 10 commands that issue 44,448:

        ```
        {{GemvExample}}
        ```

        Style: Newton (He et al., MICRO 2020: GWRITE, G_ACT, COMP, READRES), AiM (Lee et al., ISSCC 2022:
        WRGB, MACSB, MACAB, RDMAC), AttAcc (Park et al., ASPLOS 2024). `act` is the
        single-bank activate; ordinary ACT/PRE/RD/WR/REF follow JEDEC HBM3 (JESD238).
        """.Replace("{{GemvExample}}", GemvExample, StringComparison.Ordinal));
}
