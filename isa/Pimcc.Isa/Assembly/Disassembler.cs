using System.Globalization;
using System.Text;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Isa.Assembly;

/// <summary>
/// Prints a <see cref="PimBinary"/> as assembly text that <see cref="Assembler"/> reads back to the same bytes:
/// the embedded target description (base64), the memory map, and per section its debug ranges and ops, each op
/// with a comment giving its word index and encoding. Operands are positional, or carry their field names
/// (<c>act pc=0, bg=1, ba=2, row=7</c>) when the table says so (<see cref="OpTable.NamedOperands"/>: words with many
/// same-looking integers). Offset targets get labels, repeated bodies are indented.
/// </summary>
public static class Disassembler
{
    /// <summary>Section names accepted by <c>--section</c>: target, memory-map and the streams (<c>core3</c>), in file order.</summary>
    public static IReadOnlyList<string> SectionNames(PimBinary bin) =>
        ["target", "memory-map", .. PimBinaryWriter.Canonical(bin).Select(s => s.Name)];

    /// <summary>Whole program (<paramref name="section"/> null) or one section; only the whole program reassembles.</summary>
    public static string Disassemble(PimBinary bin, string? section = null)
    {
        var sb = new StringBuilder();
        if (section is null)
        {
            sb.Append("; pimcc disassembly. Reassemble with: pimcc asm <this file> -o out.bin\n");
            Target(sb, bin.Target);
            Workload(sb, bin.Workload);
            MemoryMap(sb, bin.MemoryMap);
            Image(sb, bin.Image);
            foreach (var st in PimBinaryWriter.Canonical(bin))
                Stream(sb, bin, st);
            return sb.ToString();
        }
        if (section == "target")
            Target(sb, bin.Target);
        else if (section == "memory-map")
            MemoryMap(sb, bin.MemoryMap);
        else if (bin.Streams.FirstOrDefault(st => st.Name == section) is { } one)
            Stream(sb, bin, one);
        else
            throw new PimccError(ExitCode.Usage, "--section", $"no section '{section}' in this binary",
                "one of: " + string.Join(", ", SectionNames(bin)));
        return sb.ToString();
    }

    private static void Target(StringBuilder sb, TargetBlob t)
    {
        sb.Append(".target ").Append(AsmText.Quote(t.Name)).Append('\n');
        sb.Append(".target_sha256 \"").Append(t.Sha256Hex).Append("\"\n");
        var b64 = Convert.ToBase64String(t.Json);
        for (var i = 0; i < b64.Length; i += AsmText.Base64LineChars)
            sb.Append(".target_json \"").Append(b64.AsSpan(i, Math.Min(AsmText.Base64LineChars, b64.Length - i))).Append("\"\n");
    }

    /// <summary>The compiled workload (format 1.4): <c>.workload prompt=, generated=, positions=, model="...", programs="a,b"</c>.</summary>
    private static void Workload(StringBuilder sb, CompiledWorkload? w)
    {
        if (w is null) return;
        sb.Append(CultureInfo.InvariantCulture, $".workload prompt={w.PromptTokens}, generated={w.GeneratedTokens}, positions={w.Positions}, model=")
          .Append(AsmText.Quote(w.Model)).Append(", programs=").Append(AsmText.Quote(string.Join(',', w.Programs))).Append('\n');
    }

    private static void MemoryMap(StringBuilder sb, IReadOnlyList<MemoryRegion> map)
    {
        foreach (var r in map)
        {
            var p = r.Placement;
            sb.Append(".region ").Append(AsmText.Quote(r.Name)).Append(", ").Append(AsmText.Name(r.Kind)).Append(", ");
            sb.Append(CultureInfo.InvariantCulture, $"{p.Space.Name}, {p.Space.IndexDomain}={p.Index}");
            var fields = p.Fields;
            for (var i = 0; i < fields.Count; i++)
                sb.Append(CultureInfo.InvariantCulture, $", {p.Space.PlacementFields[i]}={fields[i]}");
            sb.Append(CultureInfo.InvariantCulture, $", size={r.SizeBytes}\n");
        }
    }

    /// <summary>Initial memory image: one <c>.image</c> line per chunk, its bytes as base64 <c>.image_data</c> lines.</summary>
    private static void Image(StringBuilder sb, IReadOnlyList<MemoryChunk> image)
    {
        foreach (var c in image)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $".image {c.Space.Name}, index={c.Index}, addr={c.Address}, size={c.Bytes.Length}\n");
            var b64 = Convert.ToBase64String(c.Bytes);
            for (var i = 0; i < b64.Length; i += AsmText.Base64LineChars)
                sb.Append(".image_data \"").Append(b64.AsSpan(i, Math.Min(AsmText.Base64LineChars, b64.Length - i))).Append("\"\n");
        }
    }

    private static void Debug(StringBuilder sb, PimBinary bin, StreamKind kind, int index)
    {
        foreach (var d in bin.Debug.Where(d => d.Stream == kind && d.StreamIndex == index))
            sb.Append(CultureInfo.InvariantCulture, $".debug first={d.First}, count={d.Count}, op={d.IrOpId}, name={AsmText.Quote(d.IrOpName)}\n");
    }

    private static void Stream(StringBuilder sb, PimBinary bin, InstructionStream c)
    {
        sb.Append(CultureInfo.InvariantCulture, $"\n.{c.Kind.Name} {c.Index}\n");
        Debug(sb, bin, c.Kind, c.Index);
        var table = c.Kind.Table;
        var hexDigits = "X" + (table.WordBits / 4).ToString(CultureInfo.InvariantCulture);
        var targets = new SortedSet<long>();
        for (var i = 0; i < c.Words.Count; i++)
            foreach (var (f, v) in Fields(c.Words[i]))
                if (f.Kind == FieldKind.Offset)
                    targets.Add(i + v);
        // Indent repeated bodies so the loop structure is visible.
        var ends = new Stack<long>();
        for (var i = 0; i < c.Words.Count; i++)
        {
            while (ends.Count > 0 && ends.Peek() <= i)
                ends.Pop();
            Entries(sb, c.Entries, i);
            Layers(sb, c.Layers, i);
            if (targets.Contains(i))
                sb.Append(CultureInfo.InvariantCulture, $"L{i}:\n");
            var op = c.Words[i];
            var text = new string(' ', 2 * ends.Count) + op.Spec.Mnemonic + Operands(op, i, table.NamedOperands);
            Line(sb, text, i, table.Encode(op).ToString(hexDigits, CultureInfo.InvariantCulture));
            if (op.Spec.Flow == OpFlow.Repeat)
                ends.Push(i + 1 + op["body"]);
        }
        Entries(sb, c.Entries, c.Words.Count);
        Layers(sb, c.Layers, c.Words.Count);
    }

    /// <summary>Prints the entry points at word <paramref name="word"/> (in canonical order).</summary>
    private static void Entries(StringBuilder sb, IReadOnlyList<StreamEntry> entries, int word)
    {
        foreach (var e in entries.Where(e => e.Word == word).Order(EntryRules.Order))
            sb.Append(".entry ").Append(IsBareName(e.Name) ? e.Name : AsmText.Quote(e.Name)).Append('\n');
    }

    /// <summary>Prints the layer declarations at word <paramref name="word"/> (in canonical order): <c>.layers entry, count=N[, stride=S]</c>.</summary>
    private static void Layers(StringBuilder sb, IReadOnlyList<LayerRepeat> layers, int word)
    {
        foreach (var r in layers.Where(r => r.Word == word).Order(LayerRules.Order))
        {
            sb.Append(".layers ").Append(IsBareName(r.Entry) ? r.Entry : AsmText.Quote(r.Entry)).Append(CultureInfo.InvariantCulture, $", count={r.Layers}");
            if (r.Form == LayerForm.Blocks) sb.Append(CultureInfo.InvariantCulture, $", stride={r.Stride}");
            sb.Append('\n');
        }
    }

    private static bool IsBareName(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '.');

    private static void Line(StringBuilder sb, string text, int index, string hex)
    {
        sb.Append("    ").Append(text);
        sb.Append(' ', Math.Max(1, 44 - text.Length));
        sb.Append(CultureInfo.InvariantCulture, $"; {index}: 0x{hex}\n");
    }

    private static IEnumerable<(Field Field, long Value)> Fields(Op op) =>
        op.Spec.Operands.Select((f, k) => (f, op.Operands[k]));

    private static string Operands(Op op, int index, bool named)
    {
        if (op.Operands.Count == 0)
            return "";
        var parts = Fields(op).Select(fv =>
        {
            var (f, v) = fv;
            var text = f.Kind switch
            {
                FieldKind.Register => AsmText.Register(v),
                FieldKind.Enum => f.Domain!.Names[(int)v],
                FieldKind.Offset => $"L{index + v}",
                _ => AsmText.Int(v),
            };
            return named ? $"{f.Name}={text}" : text;
        });
        return " " + string.Join(", ", parts);
    }
}
