using System.Globalization;
using System.Text;
using Antlr4.Runtime;

namespace Pimcc.Frontends.IrText;

/// <summary>Decodes the text of literal tokens: quoted strings (as StringAttr.Quote writes them) and sigil names.</summary>
internal static class IrTextLiterals
{
    /// <summary>The value of a STRING token (quotes included in its text). The lexer has checked the escapes.</summary>
    public static string Unquote(string quoted)
    {
        var body = quoted.AsSpan(1, quoted.Length - 2);
        if (!body.Contains('\\')) return body.ToString();
        var sb = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\') { sb.Append(body[i]); continue; }
            var c = body[++i];
            switch (c)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'u':
                    sb.Append((char)int.Parse(body.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: sb.Append(c); break; // \" and \\
            }
        }
        return sb.ToString();
    }

    /// <summary>The name in a <c>%name</c>, <c>@name</c> or <c>$"name"</c> token: drop the sigil, unquote if quoted.</summary>
    public static string Name(IToken token) => Name(token.Text);

    public static string Name(string text) => text[1] == '"' ? Unquote(text[1..]) : text[1..];
}
