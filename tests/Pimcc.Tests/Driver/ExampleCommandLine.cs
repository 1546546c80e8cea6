namespace Pimcc.Tests.Driver;

/// <summary>
/// A documented <c>pimcc ...</c> command line made runnable in a test: split into words (single and double quotes
/// group), <c>samples/...</c> paths pointed at the repository's samples, and every other file name (a word with a
/// known file extension, or the folder of an option that names one) pointed into a scratch folder, so examples read
/// bundled samples and write only there.
/// </summary>
public static class ExampleCommandLine
{
    private static readonly string[] FileExtensions = [".bin", ".pasm", ".pimir", ".json", ".html", ".csv", ".onnx", ".txt", ".sh", ".tsv"];

    /// <summary>Options whose value is a folder pimcc writes (a sweep's checkpoint and its job files).</summary>
    private static readonly string[] FolderOptions = ["--checkpoint", "--jobs-dir"];

    /// <summary>The words after <c>pimcc</c>.</summary>
    public static string[] Words(string line)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var ch in line.Trim())
        {
            if (quote is { } q) { if (ch == q) quote = null; else current.Append(ch); }
            else if (ch is '\'' or '"') { quote = ch; inWord = true; }
            else if (char.IsWhiteSpace(ch)) { if (inWord) words.Add(current.ToString()); current.Clear(); inWord = false; }
            else { current.Append(ch); inWord = true; }
        }
        if (inWord) words.Add(current.ToString());
        words[0].ShouldBe("pimcc", line);
        return [.. words.Skip(1)];
    }

    /// <summary>The arguments to run <paramref name="line"/> with in <paramref name="scratch"/>.</summary>
    public static string[] Arguments(string line, string scratch)
    {
        var words = Words(line);
        return [.. words.Select((w, i) => Rewrite(w, i > 0 && FolderOptions.Contains(words[i - 1]), scratch))];
    }

    private static string Rewrite(string word, bool folder, string scratch)
    {
        if (word.StartsWith("samples/", StringComparison.Ordinal)) return RepoPaths.Combine(word.Split('/'));
        if (folder) return Path.Combine(scratch, word);
        if (word.StartsWith('-') || word.Contains('=') || !FileExtensions.Any(e => word.EndsWith(e, StringComparison.Ordinal))) return word;
        return Path.Combine(scratch, word);
    }
}
