using System.Text;
using Pimcc.Diagnostics;

namespace Pimcc.Isa.Assembly;

/// <summary>
/// Reads assembly text one line at a time ('\n' or "\r\n" ends a line) and refuses a line longer than a bound
/// as soon as the bound is passed, so a file that is one enormous line never sits in memory whole.
/// </summary>
internal sealed class AsmLineReader(TextReader text, string fileName, int maxChars)
{
    private readonly StringBuilder _line = new();

    /// <summary>1-based number of the line last returned.</summary>
    public int Number { get; private set; }

    public string? Next()
    {
        _line.Clear();
        int c;
        while ((c = text.Read()) >= 0 && c != '\n')
        {
            if (_line.Length == maxChars)
                throw Assembler.Malformed($"{fileName}:{Number + 1}", $"line is longer than {maxChars} characters",
                    "assembly lines are short; is this an assembly file?");
            _line.Append((char)c);
        }
        if (c < 0 && _line.Length == 0) return null;
        Number++;
        if (_line.Length > 0 && _line[^1] == '\r') _line.Length--;
        return _line.ToString();
    }
}
