using System.Collections.Immutable;
using System.Globalization;

namespace Pimcc.Ir;

/// <summary>An attribute value. Integers are <see cref="ExprAttr"/> (possibly symbolic, e.g. <c>start = kv</c>).</summary>
public abstract record AttrValue
{
    public static AttrValue Of(long v) => new ExprAttr(SymExpr.Const(v));
    public static AttrValue Of(SymExpr v) => new ExprAttr(v);
    public static AttrValue Of(double v) => new FloatAttr(v);
    public static AttrValue Of(string v) => new StringAttr(v);
    public static AttrValue Of(bool v) => new BoolAttr(v);
    public static AttrValue Of(IEnumerable<long> v) => new ListAttr([.. v.Select(Of)]);
    public static AttrValue Of(IEnumerable<double> v) => new ListAttr([.. v.Select(Of)]);
    public static AttrValue Of(IEnumerable<string> v) => new ListAttr([.. v.Select(Of)]);
}

public sealed record ExprAttr(SymExpr Value) : AttrValue
{
    public override string ToString() => Value.ToString();
}

public sealed record FloatAttr(double Value) : AttrValue
{
    /// <summary>Shortest round-trip text; always has '.', 'e', "inf" or "nan" so it never reads back as an integer.</summary>
    public override string ToString()
    {
        if (double.IsNaN(Value)) return "nan";
        if (double.IsPositiveInfinity(Value)) return "inf";
        if (double.IsNegativeInfinity(Value)) return "-inf";
        var s = Value.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') || s.Contains('e') ? s.Replace('E', 'e') : s + ".0";
    }
}

public sealed record StringAttr(string Value) : AttrValue
{
    public override string ToString() => Quote(Value);

    public static string Quote(string s)
    {
        var sb = new System.Text.StringBuilder("\"");
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}

public sealed record BoolAttr(bool Value) : AttrValue
{
    public override string ToString() => Value ? "true" : "false";
}

public sealed record ListAttr(ImmutableArray<AttrValue> Items) : AttrValue
{
    public bool Equals(ListAttr? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Aggregate(17, (h, i) => HashCode.Combine(h, i));

    public override string ToString() => "[" + string.Join(", ", Items) + "]";
}
