using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;

namespace Pimcc.Tests.Isa;

/// <summary>The block-buffered line reader against <see cref="TextReader.ReadLine"/>'s own splitting of '\n' and
/// "\r\n" lines, across block boundaries, and its bound on a line's length.</summary>
public class AsmLineReaderTests
{
    private static List<string> Lines(string text, int max = 1 << 16)
    {
        var reader = new AsmLineReader(new StringReader(text), "t.pasm", max);
        var lines = new List<string>();
        while (reader.Next())
        {
            reader.Number.ShouldBe(lines.Count + 1);
            lines.Add(reader.ToString());
        }
        return lines;
    }

    private static List<string> Expected(string text)
    {
        var r = new StringReader(text);
        var lines = new List<string>();
        while (r.ReadLine() is { } l) lines.Add(l);
        return lines;
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("a")]
    [InlineData("a\n")]
    [InlineData("a\r\nb\r\n\r\nc")]
    [InlineData("\n\n  x\n")]
    public void SplitsLinesAsReadLineDoes(string text) => Lines(text).ShouldBe(Expected(text));

    [Fact]
    public void LinesCrossingTheReadBlocksComeBackWhole()
    {
        var rng = new Random(7);
        var text = string.Join("\r\n", Enumerable.Range(0, 3000).Select(i => new string((char)('a' + i % 26), rng.Next(0, 200)))) + "\n";
        text.Length.ShouldBeGreaterThan(3 << 16);
        Lines(text).ShouldBe(Expected(text));
    }

    [Fact]
    public void ALineAtTheBoundIsReadAndOnePastItIsRefusedWithItsNumber()
    {
        Lines("x\n" + new string('y', 100) + "\n", max: 100)[1].Length.ShouldBe(100);
        var e = Should.Throw<PimccError>(() => Lines("x\n" + new string('y', 101) + "\n", max: 100));
        e.Code.ShouldBe(ExitCode.MalformedInput);
        e.Location.ShouldBe("t.pasm:2");
    }
}
