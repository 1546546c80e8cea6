namespace Pimcc.Tests;

/// <summary>
/// Scratch folders for tests: all under one folder per test run, removed when the test process exits, so a run leaves
/// nothing behind in the temp folder.
/// </summary>
public static class TestScratch
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("pimcc-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        };
        return root;
    });

    private static int _next;

    /// <summary>A new empty folder named after <paramref name="prefix"/>.</summary>
    public static string NewDir(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Root.Value, $"{prefix}{Interlocked.Increment(ref _next)}")).FullName;
}
