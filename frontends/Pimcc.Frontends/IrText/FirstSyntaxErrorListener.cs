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
        var first = e is LexerNoViableAltException lex && recognizer.InputStream is ICharStream chars
            ? chars.GetText(Interval.Of(lex.StartIndex, lex.StartIndex))
            : "";
        var message = first switch
        {
            "\"" => "unterminated string (a string must close on the line it opens, with escapes \\\" \\\\ \\n \\t \\uXXXX)",
            "%" or "@" => $"'{first}' must be followed by a name: letters, digits, '_', '.', '$', '-', or a quoted string",
            "$" => "'$' must be followed by a quoted symbol name",
            "" => msg,
            _ => $"unexpected character '{Printable(first)}'",
        };
        throw new PimccError(ExitCode.MalformedInput, source.At(line, charPositionInLine), message, Hint);
    }

    /// <summary>Parser errors: ANTLR's message names the offending token and what was expected.</summary>
    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine,
        string msg, RecognitionException e) =>
        throw new PimccError(ExitCode.MalformedInput, source.At(line, charPositionInLine), msg, Hint);

    private static string Printable(string s) =>
        s.Length == 1 && (char.IsControl(s[0]) || char.IsWhiteSpace(s[0])) ? $"\\u{(int)s[0]:x4}" : s;
}
