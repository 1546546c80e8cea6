using Pimcc.Isa.Docs;

namespace Pimcc.Tests.Isa;

/// <summary>docs/isa.md and docs/hbm-commands.md are generated from the tables; set PIMCC_REGENERATE_DOCS=1 to rewrite them.</summary>
public class GeneratedDocsTests
{
    [Theory]
    [InlineData("isa.md")]
    [InlineData("hbm-commands.md")]
    public void GeneratedReferenceIsUpToDate(string file)
    {
        var expected = file == "isa.md" ? IsaReference.SramMarkdown() : IsaReference.HbmMarkdown();
        var path = RepoPaths.Combine("docs", file);
        if (Environment.GetEnvironmentVariable("PIMCC_REGENERATE_DOCS") == "1")
            File.WriteAllText(path, expected);
        File.Exists(path).ShouldBeTrue($"{path} missing; run: {IsaReference.RegenerateHint}");
        File.ReadAllText(path).ShouldBe(expected, $"docs/{file} is stale; run: {IsaReference.RegenerateHint}");
    }
}
