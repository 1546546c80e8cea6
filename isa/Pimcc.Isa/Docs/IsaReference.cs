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

    public static string SramMarkdown() => Render(SramIsa.Table, "isa/Pimcc.Isa/Sram/SramIsa.cs", "HPIM SRAM-PIM instruction set",
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
        """);

    public static string HbmMarkdown() => Render(HbmCommandSet.Table, "isa/Pimcc.Isa/Hbm/HbmCommandSet.cs", "HPIM HBM-PIM command set",
        """
        Each HBM channel runs one stream of 64-bit commands; `pc` selects the pseudo channel (spec/hpim.md: 2 pCH
        per channel, one 1 KB global buffer per pCH, one processing unit with 16 FP16 multipliers per bank).
        The opcode is the top byte; operands follow MSB first; unused low bits are reserved and must be zero.
        A column is one 32-byte access, the width of a bank PU; `laddr` is a core's local-memory address in
        32-byte units.

        Compactness: `rep count, body, drow, dcol, dgcol, dladdr` runs the next `body` commands `count` times;
        in iteration i (0-based) the row, col, gcol and laddr operands of those commands are increased by
        i x drow, i x dcol, i x dgcol and i x dladdr. Nested reps add their contributions. A rep body must
        end inside the stream and inside any enclosing body. Example: one GEMV tile over 64 rows of one pCH:

        ```
        res.clr pc=0
        rep count=64, body=5, drow=1, dcol=0, dgcol=0, dladdr=1
          act.ab pc=0, row=0
          rep count=32, body=1, drow=0, dcol=1, dgcol=1, dladdr=0
            mac.ab pc=0, col=0, gcol=0
          pre.ab pc=0
          res.rd.ab pc=0, core=3, laddr=0
        ```

        Style: Newton (He et al., MICRO 2020: GWRITE, G_ACT, COMP, READRES), AiM (Lee et al., ISSCC 2022 /
        Hot Chips 2022: WR_GB, ACTAB, MACAB, RD_MAC), AttAcc (Park et al., ASPLOS 2024). `act` is the
        single-bank activate; ordinary ACT/PRE/RD/WR/REF follow JEDEC HBM3 (JESD238).
        """);

    private static string Render(OpTable table, string source, string title, string intro)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<!-- Generated from {source} by Pimcc.Isa.Docs.IsaReference; do not edit. -->\n");
        sb.Append(CultureInfo.InvariantCulture, $"<!-- Regenerate: {RegenerateHint} -->\n");
        sb.Append(CultureInfo.InvariantCulture, $"# {title}\n\n{intro.Trim()}\n\n");

        sb.Append("## Opcode map\n\n| opcodes | use |\n|---|---|\n");
        foreach (var (first, last, use) in table.OpcodeMap)
            sb.Append(first == last ? $"| `0x{first:X2}` | {use} |\n" : $"| `0x{first:X2}`..`0x{last:X2}` | {use} |\n");

        sb.Append("\n## Formats\n\nSlots after the opcode, MSB first (`reg` = 5-bit register, `uN`/`sN` = unsigned/signed N-bit, ")
          .Append("`countN` = unsigned N-bit that must be at least 1, `offN` = signed word offset).\n\n| format | slots | reserved bits |\n|---|---|---:|\n");
        foreach (var f in table.Rows.Select(r => r.Format).Distinct())
            sb.Append(CultureInfo.InvariantCulture, $"| {f.Name} | {string.Join(" ", f.Slots.Select(Slot))} | {f.ReservedBits} |\n");

        var domains = table.Rows.SelectMany(r => r.Operands).Where(o => o.Domain is not null).Select(o => o.Domain!).Distinct().ToList();
        if (domains.Count > 0)
        {
            sb.Append("\n## Named operand values\n\n| name | meaning | values (code = position) |\n|---|---|---|\n");
            foreach (var d in domains)
                sb.Append(CultureInfo.InvariantCulture, $"| `{d.Name}` | {d.Description} | {string.Join(", ", d.Names.Select((n, i) => $"`{n}`={i}"))} |\n");
        }

        sb.Append("\n## Instructions\n\n| mnemonic | opcode | class | unit | format | timing class | energy class | semantics |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var r in table.Rows)
            sb.Append(CultureInfo.InvariantCulture,
                $"| `{r.Mnemonic}` | `0x{r.Opcode:X2}` | {r.Class} | {r.Unit} | {r.Format.Name} | {r.Timing} | {r.Energy} | {Escape(r.Summary)} |\n");

        sb.Append("\n## Encodings\n\n| syntax | bit fields (MSB first) |\n|---|---|\n");
        foreach (var r in table.Rows)
            sb.Append(CultureInfo.InvariantCulture, $"| `{r.Syntax}` | `{r.Layout}` |\n");
        return sb.ToString();
    }

    private static string Slot(FieldSlot s) => s.Kind switch
    {
        FieldKind.Register => "reg",
        FieldKind.Unsigned => $"u{s.Width}",
        FieldKind.Count => $"count{s.Width}",
        FieldKind.Signed => $"s{s.Width}",
        FieldKind.Offset => $"off{s.Width}",
        FieldKind.Enum => $"{s.Domain!.Name}{s.Width}",
        _ => "?",
    };

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
