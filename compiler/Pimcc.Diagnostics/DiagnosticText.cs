namespace Pimcc.Diagnostics;

/// <summary>Keeps diagnostics to one readable line: long lists and long echoed text are cut with a count of what was left out.</summary>
public static class DiagnosticText
{
    /// <summary>The longest message a diagnostic line carries (an echoed input line or list is cut to it).</summary>
    public const int MaxMessageChars = 400;

    /// <summary>"a; b; c; and 7 more": the first <paramref name="shown"/> items of a list.</summary>
    public static string FirstFew(IEnumerable<string> items, int shown = 3)
    {
        var all = items.ToList();
        var head = string.Join("; ", all.Take(shown));
        return all.Count > shown ? $"{head}; and {all.Count - shown} more" : head;
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters, saying how many were left out.</summary>
    public static string Truncate(string text, int max = MaxMessageChars) =>
        text.Length <= max ? text : $"{text[..max]}... ({text.Length - max} more characters)";
}
