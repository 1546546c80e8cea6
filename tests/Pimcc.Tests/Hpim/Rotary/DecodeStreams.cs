using System.Text.RegularExpressions;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;

namespace Pimcc.Tests.Hpim.Rotary;

/// <summary>The decode program of one stream as text, independent of how long the prefill program before it is.</summary>
internal static partial class DecodeStreams
{
    /// <summary>
    /// The disassembly from <c>.entry decode</c> on, with word numbers and labels made relative to the decode entry,
    /// so a change to the prefill program does not touch decode snapshots.
    /// </summary>
    public static string Text(PimBinary bin, string section)
    {
        var text = Disassembler.Disassemble(bin, section);
        var entry = section.StartsWith("core", StringComparison.Ordinal)
            ? bin.Core(int.Parse(section[4..], System.Globalization.CultureInfo.InvariantCulture))!.EntryWord("decode")!.Value
            : bin.Channel(int.Parse(section[7..], System.Globalization.CultureInfo.InvariantCulture))!.EntryWord("decode")!.Value;
        var lines = text.Split('\n');
        var from = Array.FindIndex(lines, l => l.StartsWith(".entry decode", StringComparison.Ordinal));
        var rel = lines.Skip(from).Select(l => Word().Replace(Label().Replace(l, m => "L" + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - entry)),
            m => "; " + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - entry) + ":"));
        return string.Join('\n', rel);
    }

    [GeneratedRegex(@"\bL(\d+)\b")]
    private static partial Regex Label();

    [GeneratedRegex(@"; (\d+):")]
    private static partial Regex Word();
}
