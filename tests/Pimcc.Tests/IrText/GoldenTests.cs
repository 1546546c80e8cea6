using Pimcc.Frontends.IrText;
using Pimcc.Ir;

namespace Pimcc.Tests.IrText;

/// <summary>Hand-written .pimir files in Golden/: parse -> print must give the file back byte for byte.</summary>
public class GoldenTests
{
    private static readonly string Folder = RepoPaths.Combine("tests", "Pimcc.Tests", "IrText", "Golden");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.pimir").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void GoldenFolderHasFiles() => Files().Count.ShouldBeGreaterThanOrEqualTo(3);

    [Theory]
    [MemberData(nameof(Files))]
    public void ParseThenPrintGivesTheFileBack(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        Printer.Print(IrTextParser.Parse(text, file)).ShouldBe(text);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void GoldenModulesVerify(string file) =>
        Verifier.Verify(IrTextParser.ParseFile(Path.Combine(Folder, file))).ShouldBeEmpty();

    [Fact]
    public void CommentsAndLayoutDoNotChangeTheModule()
    {
        var canonical = File.ReadAllText(Path.Combine(Folder, "tiny-decoder.pimir"));
        var commented = "// a comment before the header\r\n" + canonical
            .Replace("\n", "  // trailing comment\r\n")
            .Replace(", ", " ,\t");
        var a = IrTextParser.Parse(canonical, "a.pimir");
        var b = IrTextParser.Parse(commented, "b.pimir");
        b.ShouldBe(a);
        Printer.Print(b).ShouldBe(canonical);
    }
}
