using Pimcc.Tests.Meta;
using Pimcc.Isa.Docs;

namespace Pimcc.Tests.Isa;

/// <summary>docs/isa.md and docs/hbm-commands.md are generated from the tables; set PIMCC_REGENERATE_DOCS=1 to rewrite them.</summary>
public class GeneratedDocsTests
{
    [Theory]
    [InlineData("isa.md")]
    [InlineData("hbm-commands.md")]
    public void GeneratedReferenceIsUpToDate(string file) =>
        GeneratedDoc.ShouldBeUpToDate(file, file == "isa.md" ? IsaReference.SramMarkdown() : IsaReference.HbmMarkdown(), IsaReference.RegenerateHint);
}
