using Pimcc.Diagnostics;

namespace Pimcc.Isa.Assembly;

/// <summary>
/// Reads assembly text one line at a time ('\n' or "\r\n" ends a line) into a reused buffer, reading the text in
/// blocks, and refuses a line longer than a bound as soon as the bound is passed, so a file that is one enormous
/// line never sits in memory whole.
/// </summary>
internal sealed class AsmLineReader(TextReader text, string fileName, int maxChars)
{
    private readonly char[] _block = new char[1 << 16];
    private int _at;
    private int _end;
    private char[] _line = new char[256];

    /// <summary>1-based number of the line last returned.</summary>
    public int Number { get; private set; }

    /// <summary>The line last returned: the first <see cref="Length"/> characters of <see cref="Chars"/>.</summary>
    public char[] Chars => _line;

    public int Length { get; private set; }

    /// <summary>Reads the next line; false at the end of the text.</summary>
    public bool Next()
    {
        var length = 0;
        var any = false;
        while (true)
        {
            if (_at == _end)
            {
                _end = text.Read(_block, 0, _block.Length);
                _at = 0;
                if (_end <= 0) { _end = 0; break; }
            }
            any = true;
            var span = _block.AsSpan(_at, _end - _at);
            var newline = span.IndexOf('\n');
            var take = newline < 0 ? span.Length : newline;
            if (length + take > maxChars)
                throw Assembler.Malformed($"{fileName}:{Number + 1}", $"line is longer than {maxChars} characters",
                    "assembly lines are short; is this an assembly file?");
            if (length + take > _line.Length) Array.Resize(ref _line, Math.Max(_line.Length * 2, length + take));
            span[..take].CopyTo(_line.AsSpan(length));
            length += take;
            _at += take;
            if (newline >= 0) { _at++; break; }
        }
        if (!any && length == 0) return false;
        Number++;
        if (length > 0 && _line[length - 1] == '\r') length--;
        Length = length;
        return true;
    }

    /// <summary>The line last returned, as a string.</summary>
    public override string ToString() => new(_line, 0, Length);
}
