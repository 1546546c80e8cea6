using System.Xml.Linq;
using Pimcc.Isa.Container;

namespace Pimcc.Tests.Driver;

public class VersionCliTests
{
    [Fact]
    public void VersionNamesTheToolchainAndTheFormatsItWritesAndReads()
    {
        var r = CliRunner.Run("--version");
        r.ExitCode.ShouldBe(0, r.Err);
        // The version is the one the driver project packs (tools/install.sh installs that package).
        var project = XDocument.Load(RepoPaths.Combine("compiler", "Pimcc.Driver", "Pimcc.Driver.csproj"));
        var version = project.Descendants("Version").Single().Value;
        r.Out.ShouldStartWith($"pimcc {version}\n");
        r.Out.ShouldContain($"out.bin: writes {PimBinary.MajorVersion}.{PimBinary.MinorVersion}");
        r.Out.ShouldContain("pimcc-target/1");
        // Every registered kind is listed (alphabetically: gpu before hpim).
        r.Out.Split('\n').Single(l => l.TrimStart().StartsWith("targets:", StringComparison.Ordinal)).ShouldContain("hpim");
        r.Err.ShouldBeEmpty();
    }
}
