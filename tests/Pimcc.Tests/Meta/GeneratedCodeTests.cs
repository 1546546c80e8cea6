using System.Diagnostics;

namespace Pimcc.Tests.Meta;

public class GeneratedCodeTests
{
    [Fact]
    public void AntlrParsersAreUpToDateWithTheirGrammars()
    {
        var psi = new ProcessStartInfo("bash", [RepoPaths.Combine("tools", "antlr-gen.sh"), "--check"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, err);
    }
}
