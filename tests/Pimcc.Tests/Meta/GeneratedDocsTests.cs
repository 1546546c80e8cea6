using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Driver.Commands;

namespace Pimcc.Tests.Meta;

/// <summary>Docs generated from code: fail when stale; PIMCC_REGENERATE_DOCS=1 rewrites them.</summary>
public class GeneratedDocsTests
{
    public static TheoryData<string> Docs => ["exit-codes.md", "passes.md"];

    private static string Render(string doc) => doc switch
    {
        "exit-codes.md" => ExitCodeDocs.Markdown(),
        "passes.md" => "<!-- Generated from the shared pass registry and each target compiler's passes by `pimcc passes`; do not edit. -->\n" +
                       "<!-- Regenerate: PIMCC_REGENERATE_DOCS=1 dotnet test tests/Pimcc.Tests --filter FullyQualifiedName~GeneratedDocsTests -->\n" +
                       "# pimcc passes\n\n```\n" + PassesCommand.Describe() + "```\n",
        _ => throw new ArgumentOutOfRangeException(nameof(doc)),
    };

    [Theory]
    [MemberData(nameof(Docs))]
    public void DocIsUpToDate(string doc) =>
        GeneratedDoc.ShouldBeUpToDate(doc, Render(doc), "PIMCC_REGENERATE_DOCS=1 dotnet test tests/Pimcc.Tests --filter FullyQualifiedName~GeneratedDocsTests");
}
