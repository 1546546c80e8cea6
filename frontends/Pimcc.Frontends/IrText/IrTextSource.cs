using Antlr4.Runtime;
using Pimcc.Diagnostics;

namespace Pimcc.Frontends.IrText;

/// <summary>The file being parsed: turns token positions into <c>file:line:column</c> locations (both 1-based).</summary>
internal sealed class IrTextSource(string fileName)
{
    public string FileName => fileName;

    public string At(int line, int zeroBasedColumn) => $"{fileName}:{line}:{zeroBasedColumn + 1}";

    public string At(IToken token) => At(token.Line, token.Column);

    /// <summary>A semantic error at a token: the text is well-formed but does not describe a valid module.</summary>
    public PimccError Invalid(IToken token, string message, string hint) =>
        new(ExitCode.InvalidModel, At(token), message, hint);
}
