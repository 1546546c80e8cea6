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

    /// <summary>The same for a block of a hand-written doc: the text between <c>&lt;!-- BLOCK: begin --&gt;</c> and
    /// <c>&lt;!-- BLOCK: end --&gt;</c> lines must be exactly <paramref name="expected"/>.</summary>
    public static void BlockShouldBeUpToDate(string file, string block, string expected, string hint)
    {
        var path = RepoPaths.Combine("docs", file);
        File.Exists(path).ShouldBeTrue($"docs/{file} is missing");
        var text = File.ReadAllText(path);
        string begin = $"<!-- {block}: begin -->\n", end = $"<!-- {block}: end -->";
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        (from >= 0 && to > from).ShouldBeTrue($"docs/{file} has no block '{block}' (lines <!-- {block}: begin --> and <!-- {block}: end -->)");
        var current = text[(from + begin.Length)..to];
        if (Environment.GetEnvironmentVariable("PIMCC_REGENERATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..(from + begin.Length)] + expected + text[to..]);
            current = expected;
        }
        current.ShouldBe(expected, $"the block '{block}' of docs/{file} is stale; run: {hint}");
    }
}
