namespace Pimcc.Tests.Meta;

/// <summary>
/// Every project of the repository is in Toolchain.sln. A project only referenced by another one is built by
/// <c>dotnet build Toolchain.sln -c Release</c> in its default configuration, Debug, so the driver would run it
/// unoptimised (the pimllm, hyflexpim and gpu simulators once ran so: pimllm LLaMA-7B at 4,096 took 55 s of CPU instead of 30).
/// </summary>
public class SolutionTests
{
    [Fact]
    public void EveryProjectIsInTheSolution()
    {
        var sln = File.ReadAllText(RepoPaths.Combine("Toolchain.sln")).Replace('\\', '/');
        var projects = new[] { "compiler", "frontends", "isa", "runtime-sim", "tests" }
            .SelectMany(d => Directory.EnumerateFiles(RepoPaths.Combine(d), "*.csproj", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .ToList();
        projects.ShouldNotBeEmpty();
        projects.Where(p => !sln.Contains($"\"{p}\"", StringComparison.Ordinal)).ShouldBeEmpty("projects missing from Toolchain.sln (dotnet sln add them)");
    }
}
