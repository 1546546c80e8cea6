namespace Pimcc.Tests;

/// <summary>Locates the repository root from the test binary, so tests read samples and docs in place.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Toolchain.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Toolchain.sln not found above " + AppContext.BaseDirectory);
    }
}
