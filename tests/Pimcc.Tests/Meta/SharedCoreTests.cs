using System.Reflection;
using System.Text.RegularExpressions;

namespace Pimcc.Tests.Meta;

/// <summary>
/// The shared core names no target (issue 11): no shared project references a target's project, and no shared source
/// line (comments aside) names a type a target's assemblies declare. The target type names are taken from the target
/// assemblies themselves, so a type added to hpim later is covered too.
/// </summary>
public partial class SharedCoreTests
{
    /// <summary>The shared projects: everything that is not a target's own (Pimcc.&lt;Target&gt;.Isa/Compiler/Sim).</summary>
    private static readonly string[] SharedProjects =
    [
        "isa/Pimcc.Isa", "isa/Pimcc.Targets", "compiler/Pimcc.Compiler", "compiler/Pimcc.Ir", "compiler/Pimcc.Diagnostics",
        "compiler/Pimcc.Driver", "runtime-sim/Pimcc.Sim", "runtime-sim/Pimcc.Reports", "runtime-sim/Pimcc.Reference",
        "runtime-sim/Pimcc.OnnxRuntime", "frontends/Pimcc.Frontends", "frontends/Pimcc.Frontends.Onnx",
    ];

    private static readonly string[] TargetAssemblies = ["Pimcc.Hpim.Isa", "Pimcc.Hpim.Compiler", "Pimcc.Hpim.Sim"];

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    private static IEnumerable<string> SharedSources() =>
        SharedProjects.SelectMany(p => Directory.EnumerateFiles(RepoPaths.Combine(p.Split('/')), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void NoSharedProjectReferencesATargetProject()
    {
        foreach (var p in SharedProjects.Where(p => p != "compiler/Pimcc.Driver"))
            foreach (var csproj in Directory.EnumerateFiles(RepoPaths.Combine(p.Split('/')), "*.csproj"))
                File.ReadAllText(csproj).ShouldNotMatch(@"Pimcc\.Hpim\.", $"{csproj} references a target's project");
    }

    [Fact]
    public void NoSharedAssemblyReferencesATargetAssembly()
    {
        // The driver is the composition root: it references every target's projects by wildcard so that they are built
        // and deployed beside it, and names none of their types (checked on its sources below).
        foreach (var p in SharedProjects.Where(p => p != "compiler/Pimcc.Driver"))
        {
            var name = Path.GetFileName(p);
            var refs = Assembly.Load(name).GetReferencedAssemblies().Select(r => r.Name).ToList();
            refs.Where(r => TargetAssemblies.Contains(r)).ShouldBeEmpty($"{name} references a target assembly");
        }
    }

    [Fact]
    public void NoSharedSourceNamesATargetType()
    {
        // Target type names with the target's own prefix (HpimTarget, SramIsa, HbmCommandSet, ...): generic names a
        // target also declares (Unit, Row) are covered by the assembly-reference check above.
        var targetTypes = TargetAssemblies
            .SelectMany(a => Assembly.Load(a).GetTypes())
            .Where(t => t.IsPublic || t.IsNestedPublic)
            .Select(t => t.Name.Split('`')[0])
            .Where(n => n.StartsWith("Hpim", StringComparison.Ordinal) || n.StartsWith("Sram", StringComparison.Ordinal) || n.StartsWith("Hbm", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        targetTypes.ShouldContain("HpimTarget");
        targetTypes.ShouldContain("SramIsa");
        var hits = new List<string>();
        foreach (var file in SharedSources())
        {
            var n = 0;
            foreach (var raw in File.ReadLines(file))
            {
                n++;
                var comment = raw.IndexOf("//", StringComparison.Ordinal);
                var code = comment < 0 ? raw : raw[..comment];
                foreach (Match m in Identifier().Matches(code))
                    if (targetTypes.Contains(m.Value))
                        hits.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}:{n}: {m.Value}");
            }
        }
        hits.ShouldBeEmpty();
    }
}
