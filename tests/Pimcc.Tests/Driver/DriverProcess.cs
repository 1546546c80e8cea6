using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pimcc.Tests.Driver;

/// <summary>Runs the driver as built, in its own process (stdout and stderr are pipes, so never a terminal).</summary>
public static class DriverProcess
{
    /// <summary>The dotnet host these tests run on.</summary>
    public static string Dotnet()
    {
        var dotnet = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        File.Exists(dotnet).ShouldBeTrue(dotnet);
        return dotnet;
    }

    /// <summary>The driver as built (compiler/Pimcc.Driver/bin/CONFIG/TFM/pimcc.dll, with its own deps and runtimes/),
    /// in the configuration and framework these tests were built in.</summary>
    public static string DriverDll()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var path = RepoPaths.Combine("compiler", "Pimcc.Driver", "bin", tfm.Parent!.Name, tfm.Name, "pimcc.dll");
        File.Exists(path).ShouldBeTrue(path);
        return path;
    }

    /// <param name="environment">Variables to set (null: remove) in the child's environment.</param>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(Dotnet()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        psi.ArgumentList.Add(DriverDll());
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
            if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var errTask = p.StandardError.ReadToEndAsync();
        var output = await p.StandardOutput.ReadToEndAsync();
        var err = await errTask;
        await p.WaitForExitAsync();
        return new CliResult(p.ExitCode, output, err);
    }
}
