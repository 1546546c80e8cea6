using System.Globalization;
using System.Text;
using Pimcc.Isa.Container;

namespace Pimcc.Isa.Assembly;

/// <summary>Spellings shared by the assembler and the disassembler, so the two cannot drift apart.</summary>
internal static class AsmText
{
    public const int Base64LineChars = 96;

    public static readonly IReadOnlyList<(RegionKind Kind, string Name)> RegionKinds =
        [(RegionKind.Weight, "weight"), (RegionKind.KvCache, "kv_cache"), (RegionKind.Activation, "activation"), (RegionKind.Scratch, "scratch")];

    public static string Name(RegionKind k) => RegionKinds.First(r => r.Kind == k).Name;

    public static string Register(long n) => "r" + n.ToString(CultureInfo.InvariantCulture);

    public static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quotes a string: backslash and quote escaped, control characters as \xHH.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            if (c is '"' or '\\')
                sb.Append('\\').Append(c);
            else if (c < 0x20 || c == 0x7F)
                sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Inverse of <see cref="Quote"/>; returns null on a bad escape.</summary>
    public static string? Unquote(string token)
    {
        var sb = new StringBuilder(token.Length);
        for (var i = 1; i < token.Length - 1; i++)
        {
            var c = token[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            var e = token[++i];
            switch (e)
            {
                case '"' or '\\': sb.Append(e); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'x' when i + 2 <= token.Length - 2
                              && int.TryParse(token.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    i += 2;
                    break;
                default: return null;
            }
        }
        return sb.ToString();
    }

    /// <summary>Parses an INT token: decimal or 0x hex, optional minus; null when it does not fit 64 bits.</summary>
    public static long? ParseInt(string token)
    {
        var neg = token.StartsWith('-');
        var body = neg ? token[1..] : token;
        ulong magnitude;
        var ok = body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(body.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude)
            : ulong.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude);
        if (!ok)
            return null;
        if (neg)
            return magnitude <= 1UL << 63 ? (long)(0UL - magnitude) : null;
        return magnitude <= long.MaxValue ? (long)magnitude : null;
    }
}
