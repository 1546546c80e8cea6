using Antlr4.Runtime;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Frontends.IrText;

/// <summary>
/// Reads textual IR (<c>.pimir</c>, as <see cref="Printer"/> writes it) back into a <see cref="Module"/>.
/// Print -> parse -> print is the identity. The parser does not verify the module; callers run
/// <see cref="Verifier"/> as for any other frontend.
/// </summary>
public static class IrTextParser
{
    /// <summary>
    /// Parses <paramref name="text"/>; <paramref name="fileName"/> only names the source in diagnostics.
    /// Throws <see cref="PimccError"/>: <see cref="ExitCode.MalformedInput"/> for the first syntax error,
    /// <see cref="ExitCode.UnsupportedVersion"/> for a <c>pimir N</c> header this pimcc cannot read,
    /// <see cref="ExitCode.InvalidModel"/> for well-formed text that names no valid module (unknown element
    /// type, bad base64, duplicate names, out-of-range integers). Locations are <c>file:line:column</c>, 1-based.
    /// </summary>
    public static Module Parse(string text, string fileName)
    {
        var source = new IrTextSource(fileName);
        var listener = new FirstSyntaxErrorListener(source);
        var lexer = new PimIrLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(listener);
        var parser = new PimIrParser(new CommonTokenStream(lexer));
        parser.RemoveErrorListeners();
        parser.AddErrorListener(listener);

        // The header first: a file from a later format version should be reported as such, not as
        // a syntax error somewhere in a body this version cannot read.
        CheckVersion(source, parser.header());
        parser.Reset();
        return new ModuleReader(source).VisitFile(parser.file());
    }

    /// <summary>Reads and parses a file; a missing or unreadable file is <see cref="ExitCode.InputNotFound"/>.</summary>
    public static Module ParseFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new PimccError(ExitCode.InputNotFound, path, $"cannot read textual IR: {e.Message}",
                "check the path and the file's permissions");
        }
        return Parse(text, path);
    }

    private static void CheckVersion(IrTextSource source, PimIrParser.HeaderContext header)
    {
        var token = header.version;
        if (long.TryParse(token.Text, out var v) && v == Printer.FormatVersion) return;
        throw new PimccError(ExitCode.UnsupportedVersion, source.At(token),
            $"textual IR version {token.Text} is not supported; this pimcc reads version {Printer.FormatVersion}",
            "re-emit the IR with this pimcc (`pimcc <model> --emit ir`)");
    }
}
