using System.ComponentModel;
using System.Reflection;
using System.Text;

namespace Pimcc.Diagnostics;

/// <summary>Renders the exit-code table for docs/exit-codes.md and `pimcc --help`.</summary>
public static class ExitCodeDocs
{
    public static IReadOnlyList<(int Code, string Name, string Meaning)> Table { get; } = Build();

    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("<!-- Generated from compiler/Pimcc.Diagnostics/ExitCode.cs; do not edit. -->\n" +
                  "<!-- Regenerate: PIMCC_REGENERATE_DOCS=1 dotnet test tests/Pimcc.Tests --filter FullyQualifiedName~GeneratedDocsTests -->\n");
        sb.Append("# pimcc exit codes\n\n| code | name | meaning |\n|---:|---|---|\n");
        foreach (var (code, name, meaning) in Table)
            sb.Append($"| {code} | `{name}` | {meaning} |\n");
        return sb.ToString();
    }

    private static IReadOnlyList<(int, string, string)> Build() =>
        Enum.GetValues<ExitCode>()
            .Select(c => ((int)c, c.ToString(), Describe(c)))
            .OrderBy(t => t.Item1)
            .ToList();

    public static string Describe(ExitCode code) =>
        typeof(ExitCode).GetField(code.ToString())?.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";
}
