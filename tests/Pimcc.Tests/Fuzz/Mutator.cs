using System.Text;
using System.Text.RegularExpressions;

namespace Pimcc.Tests.Fuzz;

/// <summary>Seeded mutations of input files: text edits aimed at numbers and structure, byte flips for binaries.</summary>
internal sealed partial class Mutator(int seed)
{
    private readonly Random _rng = new(seed);

    private static readonly string[] Extremes =
        ["0", "-1", "1", "2147483647", "2147483648", "4294967296", "-2147483649", "9223372036854775807", "1e400", "-1e400", "1e-400",
         "1e30", "0.5", "NaN", "null", "\"\"", "true", "[]", "{}", "65536", "1048576", "3"];

    private static readonly string[] Tokens = ["{", "}", "[", "]", "\"", ",", ":", "null", "-", "1e999", "\n", ";", ".core 99", "r99", "0x"];

    /// <param name="structural">Also insert tokens, delete and duplicate lines and cut text; else only replace numbers
    /// (which keeps JSON well-formed, so the values reach validation and the compiler).</param>
    public string Text(string text, bool structural, int edits = 3)
    {
        for (var i = 0; i < edits; i++) text = Edit(text, structural);
        return text;
    }

    private string Edit(string text, bool structural)
    {
        switch (structural ? _rng.Next(5) : 0)
        {
            case 0 or 1:
                var numbers = Number().Matches(text);
                if (numbers.Count == 0) goto default;
                var m = numbers[_rng.Next(numbers.Count)];
                return string.Concat(text.AsSpan(0, m.Index), Extremes[_rng.Next(Extremes.Length)], text.AsSpan(m.Index + m.Length));
            case 2:
                var at = _rng.Next(text.Length + 1);
                return text.Insert(at, Tokens[_rng.Next(Tokens.Length)]);
            case 3:
                var lines = text.Split('\n').ToList();
                var l = _rng.Next(lines.Count);
                if (_rng.Next(2) == 0) lines.RemoveAt(l);
                else lines.Insert(l, lines[_rng.Next(lines.Count)]);
                return string.Join('\n', lines);
            default:
                if (text.Length == 0) return text;
                var start = _rng.Next(text.Length);
                return text.Remove(start, Math.Min(text.Length - start, 1 + _rng.Next(16)));
        }
    }

    /// <summary>
    /// Replaces <paramref name="edits"/> operands of a disassembly's instruction words (indented lines; the comment
    /// after ';' left alone) by extreme or boundary values, so the words still assemble and reach the simulators.
    /// </summary>
    public string Operands(string asm, int edits)
    {
        var lines = asm.Split('\n');
        var words = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("    ", StringComparison.Ordinal) && Operand().IsMatch(Code(lines[i]))).ToArray();
        if (words.Length == 0) return asm;
        for (var e = 0; e < edits; e++)
        {
            var i = words[_rng.Next(words.Length)];
            var code = Code(lines[i]);
            var operands = Operand().Matches(code);
            var m = operands[_rng.Next(operands.Count)];
            lines[i] = string.Concat(code.AsSpan(0, m.Index), OperandValues[_rng.Next(OperandValues.Length)], code.AsSpan(m.Index + m.Length), lines[i].AsSpan(code.Length));
        }
        return string.Join('\n', lines);

        static string Code(string line) => line.Split(';')[0];
    }

    private static readonly string[] OperandValues =
        ["0", "1", "2", "3", "7", "63", "64", "65", "255", "256", "4095", "65535", "65536", "1048575", "16777215", "2147483647", "4294967295"];

    /// <summary>Flips, overwrites or sets extreme bytes in <c>[from, bytes.Length)</c>.</summary>
    public byte[] Bytes(byte[] bytes, int from, int edits = 4)
    {
        var b = (byte[])bytes.Clone();
        if (from >= b.Length) return b;
        for (var i = 0; i < edits; i++)
        {
            var at = from + _rng.Next(b.Length - from);
            b[at] = _rng.Next(3) switch
            {
                0 => (byte)(b[at] ^ (1 << _rng.Next(8))),
                1 => (byte)_rng.Next(256),
                _ => _rng.Next(2) == 0 ? (byte)0 : (byte)0xFF,
            };
        }
        return b;
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<=[=\s,])\d+\b")]
    private static partial Regex Operand();
}
