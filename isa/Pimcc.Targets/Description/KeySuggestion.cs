namespace Pimcc.Targets.Description;

/// <summary>Finds the valid key closest to a misspelt one, for "did you mean" hints.</summary>
internal static class KeySuggestion
{
    public static string Closest(string key, IEnumerable<string> candidates)
    {
        var lower = key.ToLowerInvariant();
        string best = "";
        var bestScore = int.MaxValue;
        foreach (var c in candidates)
        {
            // Whole-path edit distance, but a key with the same last segment (wrong group) or one the
            // written segment abbreviates (nRCD -> nRCDRD) is a better guess than a near miss.
            var score = 2 * Distance(lower, c.ToLowerInvariant());
            if (string.Equals(Last(c), Last(key), StringComparison.OrdinalIgnoreCase)) score = 0;
            else if (string.Equals(Parent(c), Parent(key), StringComparison.OrdinalIgnoreCase)
                     && Last(c).StartsWith(Last(key), StringComparison.OrdinalIgnoreCase)) score = Math.Min(score, 1);
            if (score < bestScore || (score == bestScore && string.CompareOrdinal(c, best) < 0)) (best, bestScore) = (c, score);
        }
        return best;
    }

    private static string Last(string k) => k[(k.LastIndexOf('.') + 1)..];
    private static string Parent(string k) => k[..Math.Max(0, k.LastIndexOf('.'))];

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
