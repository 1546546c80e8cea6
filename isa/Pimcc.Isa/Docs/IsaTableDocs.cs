using System.Globalization;
using System.Text;
using Pimcc.Isa.Encoding;

namespace Pimcc.Isa.Docs;

/// <summary>
/// Renders one ISA table as reference markdown: opcode map, formats, named operand values, instructions, the target's
/// semantic columns (<see cref="IOpSemantics.Columns"/>; a column empty in every row is left out) and encodings.
/// Every target's generated ISA docs come from here.
/// </summary>
public static class IsaTableDocs
{
    /// <summary>
    /// One document of several tables (a target with a table per stream kind): the generated-file header naming
    /// <paramref name="generator"/>, the <paramref name="preamble"/> (from its heading on), then each table rendered by
    /// <see cref="Render"/> with its headings one level down and its own header lines dropped.
    /// </summary>
    public static string RenderDocument(IReadOnlyList<OpTable> tables, string generator, string source, string regenerateHint,
        string preamble, Func<OpTable, string> intro)
    {
        var sb = new StringBuilder();
        sb.Append("<!-- Generated from ").Append(source).Append(" by ").Append(generator).Append("; do not edit. -->\n");
        sb.Append("<!-- Regenerate: ").Append(regenerateHint).Append(" -->\n");
        sb.Append(preamble);
        foreach (var table in tables)
        {
            var text = Render(table, regenerateHint, source, $"Table {table.Name}", intro(table));
            foreach (var line in text.Split('\n').Where(l => !l.StartsWith("<!--", StringComparison.Ordinal)))
                sb.Append(line.StartsWith('#') ? "#" + line : line).Append('\n');
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    public static string Render(OpTable table, string regenerateHint, string source, string title, string intro)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<!-- Generated from {source} by Pimcc.Isa.Docs.IsaTableDocs; do not edit. -->\n");
        sb.Append(CultureInfo.InvariantCulture, $"<!-- Regenerate: {regenerateHint} -->\n");
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

        sb.Append("\n## Instructions\n\n| mnemonic | opcode | format | flow | semantics |\n|---|---|---|---|---|\n");
        foreach (var r in table.Rows)
            sb.Append(CultureInfo.InvariantCulture,
                $"| `{r.Mnemonic}` | `0x{r.Opcode:X2}` | {r.Format.Name} | {(r.Flow == OpFlow.Straight ? "" : Flow(r.Flow))} | {Escape(r.Summary)} |\n");

        // The target's semantic columns: what its sync checker, timing model, functional executor and checks read.
        var names = table.Rows.SelectMany(r => r.Semantics.Columns.Select(c => c.Key)).Distinct().ToList();
        var shown = names.Where(n => table.Rows.Any(r => Value(r, n).Length > 0)).ToList();
        sb.Append("\n## Semantic columns\n\nWhat the target's sync checker, timing model, functional executor and the compiler's checks read ")
          .Append("(they never compare mnemonics).\n\n| mnemonic |").Append(string.Concat(shown.Select(n => $" {n} |")))
          .Append("\n|---|").Append(string.Concat(shown.Select(_ => "---|"))).Append('\n');
        foreach (var r in table.Rows)
            sb.Append(CultureInfo.InvariantCulture, $"| `{r.Mnemonic}` |").Append(string.Concat(shown.Select(n => $" {Escape(Value(r, n))} |"))).Append('\n');

        sb.Append("\n## Encodings\n\n| syntax | bit fields (MSB first) |\n|---|---|\n");
        foreach (var r in table.Rows)
            sb.Append(CultureInfo.InvariantCulture, $"| `{r.Syntax}` | `{r.Layout}` |\n");
        return sb.ToString();
    }

    private static string Value(OpSpec r, string column) => r.Semantics.Columns.FirstOrDefault(c => c.Key == column).Value ?? "";

    private static string Flow(OpFlow f) => f switch
    {
        OpFlow.Repeat => "repeat `body`",
        OpFlow.LoadImmediate => "load `imm`",
        _ => "",
    };

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
