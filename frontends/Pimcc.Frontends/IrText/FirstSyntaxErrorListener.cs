using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using Pimcc.Diagnostics;

namespace Pimcc.Frontends.IrText;

/// <summary>
/// Replaces ANTLR's console listeners: the first lexer or parser error becomes a
/// <see cref="PimccError"/> (<see cref="ExitCode.MalformedInput"/>) and stops parsing, so nothing is
/// printed and later errors caused by recovery are never reported.
/// </summary>
internal sealed class FirstSyntaxErrorListener(IrTextSource source) : IAntlrErrorListener<int>, IAntlrErrorListener<IToken>
{
    private const string Hint = "fix the text at this position; `pimcc <model> --emit ir` writes the expected format";

    /// <summary>Lexer errors: a character no token can start with, or a token left unfinished.</summary>
    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine,
        string msg, RecognitionException e)
    {
        var (first, second) = e is LexerNoViableAltException lex && recognizer.InputStream is ICharStream chars
            ? (chars.GetText(Interval.Of(lex.StartIndex, lex.StartIndex)), chars.GetText(Interval.Of(lex.StartIndex + 1, lex.StartIndex + 1)))
            : ("", "");
        var message = first switch
        {
            _ when first == "\"" || (first is "%" or "@" or "$" && second == "\"") =>
                "unterminated string or unknown escape (a string closes on the line it opens; escapes are \\\" \\\\ \\n \\t \\r \\uXXXX)",
            "%" or "@" => $"'{first}' must be followed by a name: letters, digits, '_', '.', '$', '-', or a quoted string",
            "$" => "'$' must be followed by a quoted symbol name",
            "" => msg,
            _ => $"unexpected character '{Printable(first)}'",
        };
        throw new PimccError(ExitCode.MalformedInput, source.At(line, charPositionInLine), message, Hint);
    }

    /// <summary>
    /// Parser errors, reworded from the parser's expected-token set in the words of the format
    /// (<c>%name</c>, <c>identifier</c>) rather than ANTLR's token names.
    /// </summary>
    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine,
        string msg, RecognitionException e)
    {
        var message = recognizer is Parser parser
            ? $"unexpected {Describe(offendingSymbol)}; expected {Expected(parser.GetExpectedTokens().ToList())}"
            : msg;
        throw new PimccError(ExitCode.MalformedInput, source.At(line, charPositionInLine), message, Hint);
    }

    private static string Describe(IToken token) =>
        token.Type == TokenConstants.EOF ? "end of file"
        : token.Text.Length > 40 ? $"'{token.Text[..40]}...'"
        : $"'{token.Text}'";

    private static string Expected(IList<int> types)
    {
        // Keywords are identifiers wherever an identifier may stand, so listing them adds nothing.
        var shown = types.Contains(PimIrParser.ID)
            ? types.Where(t => !IsKeyword(t))
            : types;
        var names = shown.Select(Name).ToList();
        return names.Count switch
        {
            0 => "nothing more",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
        };
    }

    private static bool IsKeyword(int type) => type is PimIrParser.PIMIR or PimIrParser.MODULE or PimIrParser.ATTR
        or PimIrParser.WEIGHT or PimIrParser.DENSE or PimIrParser.KV_CACHE or PimIrParser.FUNC or PimIrParser.RETURN
        or PimIrParser.TRUE or PimIrParser.FALSE or PimIrParser.INF or PimIrParser.NAN;

    private static string Name(int type) => type switch
    {
        TokenConstants.EOF => "end of file",
        PimIrParser.VALUE_NAME => "%name",
        PimIrParser.GLOBAL_NAME => "@name",
        PimIrParser.QUOTED_SYMBOL => "$\"symbol\"",
        PimIrParser.FLOAT => "float",
        PimIrParser.INT => "integer",
        PimIrParser.ID => "identifier",
        PimIrParser.STRING => "string",
        _ => PimIrParser.DefaultVocabulary.GetDisplayName(type),
    };

    private static string Printable(string s) =>
        s.Length == 1 && (char.IsControl(s[0]) || char.IsWhiteSpace(s[0])) ? $"\\u{(int)s[0]:x4}" : s;
}
