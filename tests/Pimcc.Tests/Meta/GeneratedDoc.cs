namespace Pimcc.Tests.Meta;

/// <summary>One check for every doc generated from code: the file under docs/ must hold exactly what the code renders
/// now; <c>PIMCC_REGENERATE_DOCS=1</c> rewrites it first.</summary>
internal static class GeneratedDoc
{
    /// <param name="file">The file's name under docs/.</param>
    /// <param name="hint">How to regenerate it, for the failure message.</param>
    public static void ShouldBeUpToDate(string file, string expected, string hint)
    {
        var path = RepoPaths.Combine("docs", file);
        if (Environment.GetEnvironmentVariable("PIMCC_REGENERATE_DOCS") == "1") File.WriteAllText(path, expected);
        File.Exists(path).ShouldBeTrue($"docs/{file} is missing; run: {hint}");
        File.ReadAllText(path).ShouldBe(expected, $"docs/{file} is stale; run: {hint}");
    }
}
