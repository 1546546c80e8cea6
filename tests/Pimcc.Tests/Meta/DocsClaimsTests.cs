using System.Text.RegularExpressions;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Meta;

/// <summary>
/// The docs cannot drift from the behaviour: every command in a code block of README.md and docs/*.md that runs
/// <c>pimcc</c> (a line starting with it, or a <c>&amp;&amp;</c> step running <c>.../pimcc</c>) is run, in the order of
/// its document, in one scratch folder per document, against the bundled samples, and must exit 0, or N where the line
/// ends with <c># exit N</c>.
/// </summary>
public partial class DocsClaimsTests
{
    /// <summary>One documented command: where it is, the words after <c>pimcc</c> and the exit code it claims.</summary>
    public sealed record Claim(string Where, string Command, int Exit);

    public static TheoryData<string> Documents =>
        [.. new[] { "README.md" }.Concat(Directory.GetFiles(RepoPaths.Combine("docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal))];

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryPimccCommandInTheDocumentExitsAsItSays(string document)
    {
        var scratch = CliRunner.TempDir();
        foreach (var claim in Claims(document))
        {
            var r = DocumentedCommands.Run(claim.Command, scratch);
            r.ExitCode.ShouldBe(claim.Exit, $"{claim.Where}: {claim.Command}\n{r.Err}");
        }
    }

    /// <summary>The README's session and main job are found, so a change to the block syntax cannot empty the test.</summary>
    [Fact]
    public void TheReadmeClaimsAreFound()
    {
        var claims = Claims("README.md");
        claims.Count.ShouldBeGreaterThanOrEqualTo(10);
        claims.ShouldContain(c => c.Command.StartsWith("pimcc run samples/hf-configs/opt-125m.json", StringComparison.Ordinal) && c.Exit == 0);
        claims.ShouldContain(c => c.Exit == 63);
        Claims("docs/sweep.md").ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("pimcc sim out.bin", "pimcc sim out.bin", 0)]
    [InlineData("pimcc sim out.bin --gen-tokens 9   # exit 63: too many", "pimcc sim out.bin --gen-tokens 9", 63)]
    [InlineData("bash tools/install.sh && ~/.dotnet/tools/pimcc run m.json", "pimcc run m.json", 0)]
    public void AClaimIsTheCommandAndItsExitCode(string line, string command, int exit)
    {
        var claim = ClaimsIn("x.md", ["```", line, "```"]).ShouldHaveSingleItem();
        (claim.Command, claim.Exit).ShouldBe((command, exit));
    }

    public static List<Claim> Claims(string document) =>
        ClaimsIn(document, File.ReadAllLines(RepoPaths.Combine(document.Split('/'))));

    /// <summary>Commands in fenced (```) and indented (4 spaces) code blocks; a line ending in a backslash continues on the next.</summary>
    public static List<Claim> ClaimsIn(string document, IReadOnlyList<string> lines)
    {
        var claims = new List<Claim>();
        var fenced = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { fenced = !fenced; continue; }
            if (!fenced && !line.StartsWith("    ", StringComparison.Ordinal)) continue;
            var first = i;
            while (line.TrimEnd().EndsWith('\\') && i + 1 < lines.Count)
                line = line.TrimEnd()[..^1].TrimEnd() + " " + lines[++i].Trim();
            var m = ExitComment().Match(line);
            var exit = m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var code = m.Success ? line[..m.Index] : line;
            foreach (var step in code.Split("&&").Select(s => s.Trim()))
            {
                var words = step.Split(' ', 2);
                if (words[0] != "pimcc" && !words[0].EndsWith("/pimcc", StringComparison.Ordinal)) continue;
                step.IndexOfAny(['|', '>', '<', ';', '$', '`']).ShouldBe(-1, $"{document}:{first + 1}: a documented pimcc command is run as it stands; no shell syntax");
                claims.Add(new Claim($"{document}:{first + 1}", words.Length == 1 ? "pimcc" : "pimcc " + words[1], exit));
            }
        }
        return claims;
    }

    [GeneratedRegex(@"\s+#\s*exit\s+(\d+)\b.*$")]
    private static partial Regex ExitComment();
}
