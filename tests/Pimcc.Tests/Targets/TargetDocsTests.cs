using Pimcc.Tests.Meta;
using Pimcc.Targets;
using Pimcc.Targets.Description;

namespace Pimcc.Tests.Targets;

public class TargetDocsTests
{
    [Fact]
    public void DocsTargetsMdIsUpToDate() =>
        GeneratedDoc.ShouldBeUpToDate("targets.md", TargetDocs.Markdown(), "PIMCC_REGENERATE_DOCS=1 dotnet test --filter TargetDocsTests");

    [Fact]
    public void DocsListEveryKeyWithItsSource()
    {
        var md = TargetDocs.Markdown();
        foreach (var p in Pimcc.Targets.Hpim.HpimSchema.Parameters) md.ShouldContain($"| `{p.Key}` |");
        md.ShouldContain("attacc_simulator");
        md.ShouldContain("| tFAW (window of 4) | PseudoChannel | ACT | ACT | 48 | `nFAW` |");
    }

    [Fact]
    public void EveryPresetFileIsEmbeddedAndEveryEmbeddedPresetHasAFile()
    {
        var files = Directory.GetFiles(RepoPaths.Combine("samples", "targets"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        TargetRegistry.Names.ShouldBe(files!);
        foreach (var name in TargetRegistry.Names)
            TargetLoader.LoadPreset(name).Name.ShouldBe(name, "a preset's \"name\" must match its file name");
        foreach (var name in TargetRegistry.Names)
            TargetRegistry.PresetText(name).ShouldBe(File.ReadAllText(RepoPaths.Combine("samples", "targets", name + ".json")));
    }

    [Fact]
    public void EveryPresetValueCitesASourceAndEstimatesSayHow()
    {
        foreach (var name in TargetRegistry.Names)
            foreach (var p in TargetLoader.LoadPreset(name).Parameters.Ordered)
            {
                p.Source.Length.ShouldBeGreaterThan(10, $"{name}: {p.Key}");
                if (p.Source.StartsWith("estimate", StringComparison.Ordinal)) p.Source.ShouldContain(":", customMessage: $"{name}: {p.Key} estimate must say how");
            }
    }
}
