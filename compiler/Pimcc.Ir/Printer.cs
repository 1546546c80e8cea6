using System.Text;

namespace Pimcc.Ir;

/// <summary>
/// Prints a module as textual IR (<c>.pimir</c>). The format is line-oriented and deterministic;
/// frontends/Pimcc.Frontends/IrText parses it back, and print -> parse -> print is the identity.
/// <code>
/// pimir 1
/// module @name {
///   attr hidden_size = 768
///   weight @embed : f16[50272,768]
///   weight @bias : f32[4] {layout = "x"} = dense "AAAAAA=="
///   kv_cache @layers.0 : f16[2048,12,64]
///   func @decode(%token: i64[1]) {stage = "decode", symbols = ["kv"]} {
///     %x = embedding(%token, @embed) : f16[1,768]
///     return %x
///   }
/// }
/// </code>
/// Names after <c>%</c> and <c>@</c> are bare when <see cref="IrNames.IsBare"/>, else quoted strings.
/// Attribute keys and opcodes have no sigil, so they are bare only when they are identifiers
/// (<see cref="IrNames.IsIdentifier"/>); symbols in expressions that are not identifiers, or that are
/// value words (<c>true false inf nan</c>), print as <c>$"name"</c>. The grammar is
/// frontends/Pimcc.Frontends/IrText/PimIr.g4.
/// </summary>
public static class Printer
{
    public const int FormatVersion = 1;

    public static string Print(Module module)
    {
        var sb = new StringBuilder();
        sb.Append("pimir ").Append(FormatVersion).Append('\n');
        sb.Append("module @").Append(IrNames.Quote(module.Name)).Append(" {\n");
        foreach (var (k, v) in module.Attrs)
            sb.Append("  attr ").Append(IrNames.QuoteIdentifier(k)).Append(" = ").Append(v).Append('\n');
        foreach (var w in module.Weights)
        {
            sb.Append("  weight @").Append(IrNames.Quote(w.Name)).Append(" : ").Append(w.Type);
            AppendAttrs(sb, w.Attrs);
            if (w.HasData) sb.Append(" = dense \"").Append(Convert.ToBase64String(w.Data.AsSpan())).Append('"');
            sb.Append('\n');
        }
        foreach (var c in module.KvCaches)
        {
            sb.Append("  kv_cache @").Append(IrNames.Quote(c.Name)).Append(" : ").Append(c.Type);
            AppendAttrs(sb, c.Attrs);
            sb.Append('\n');
        }
        foreach (var f in module.Functions) AppendFunction(sb, f);
        sb.Append("}\n");
        return sb.ToString();
    }

    public static string Print(Function f)
    {
        var sb = new StringBuilder();
        AppendFunction(sb, f);
        return sb.ToString();
    }

    public static string Print(Operation op)
    {
        var sb = new StringBuilder();
        AppendOperation(sb, op);
        return sb.ToString();
    }

    private static void AppendFunction(StringBuilder sb, Function f)
    {
        sb.Append("  func @").Append(IrNames.Quote(f.Name)).Append('(');
        sb.AppendJoin(", ", f.Params.Select(p => p.ToString()));
        sb.Append(')');
        AppendAttrs(sb, f.Attrs);
        sb.Append(" {\n");
        foreach (var op in f.Body)
        {
            sb.Append("    ");
            AppendOperation(sb, op);
            sb.Append('\n');
        }
        sb.Append("    return ").AppendJoin(", ", f.Returns.Select(r => r.ToString())).Append('\n');
        sb.Append("  }\n");
    }

    private static void AppendOperation(StringBuilder sb, Operation op)
    {
        sb.AppendJoin(", ", op.Results.Select(r => "%" + IrNames.Quote(r.Name)));
        sb.Append(" = ").Append(IrNames.QuoteIdentifier(op.Opcode)).Append('(');
        sb.AppendJoin(", ", op.Operands.Select(o => o.ToString()));
        sb.Append(')');
        AppendAttrs(sb, op.Attrs);
        sb.Append(" : ").AppendJoin(", ", op.Results.Select(r => r.Type.ToString()));
    }

    private static void AppendAttrs(StringBuilder sb, AttrMap attrs)
    {
        if (attrs.Count == 0) return;
        sb.Append(" {");
        sb.AppendJoin(", ", attrs.Select(kv => $"{IrNames.QuoteIdentifier(kv.Key)} = {kv.Value}"));
        sb.Append('}');
    }
}
