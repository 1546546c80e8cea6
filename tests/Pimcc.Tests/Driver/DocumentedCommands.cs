using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Pimcc.Driver;

namespace Pimcc.Tests.Driver;

/// <summary>
/// Documented command lines (code blocks of the docs, <c>--help</c> examples) run in process, each distinct one once
/// per test run. The same input gives the same bytes (a project rule), so a command whose words and input files equal
/// an earlier run's has that run's outcome: its exit code and output, and the files it wrote, copied into this scratch
/// folder. The key is every argument (the scratch folder's path made neutral) and the contents of every file or folder
/// an argument names that exists before the run; the outcome is the exit code, stdout, stderr and every file of the
/// scratch folder the command created or changed. README.md and <c>pimcc run --help</c> both run the same OPT-125M
/// 128:128 simulation, for example; tests of determinism run pimcc twice themselves and never come here.
/// Different commands share their timing simulations through one <see cref="TimingMemo"/> (the same binary and request
/// give the same report): README's <c>sim out.bin --format html</c> and <c>run</c> simulate one binary, and the points of
/// <c>pimcc sweep --help</c>'s sweep are points of docs/sweep.md's; each still compiles and writes what it writes.
/// </summary>
public static class DocumentedCommands
{
    private const string ScratchToken = "<scratch>";

    private sealed record Outcome(string Scratch, CliResult Result, IReadOnlyList<(string Name, byte[] Bytes)> Files);

    private static readonly ConcurrentDictionary<string, Lazy<Outcome>> Outcomes = new(StringComparer.Ordinal);

    private static readonly TimingMemo Timings = new();

    /// <summary>Runs <paramref name="line"/> (<c>pimcc ...</c>) in <paramref name="scratch"/> as
    /// <see cref="ExampleCommandLine"/> makes it runnable, or gives the outcome of the same command run earlier.</summary>
    public static CliResult Run(string line, string scratch)
    {
        var args = ExampleCommandLine.Arguments(line, scratch);
        var outcome = Outcomes.GetOrAdd(Key(args, scratch), _ => new Lazy<Outcome>(() => Execute(args, scratch))).Value;
        if (outcome.Scratch == scratch) return outcome.Result;
        foreach (var (name, bytes) in outcome.Files)
        {
            var path = Path.Combine(scratch, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
        var r = outcome.Result;
        return new CliResult(r.ExitCode, r.Out.Replace(outcome.Scratch, scratch, StringComparison.Ordinal), r.Err.Replace(outcome.Scratch, scratch, StringComparison.Ordinal));
    }

    private static Outcome Execute(string[] args, string scratch)
    {
        var before = Contents(scratch);
        var result = CliRunner.Run(Timings, args);
        var written = Contents(scratch).Where(f => !before.TryGetValue(f.Key, out var hash) || hash != f.Value)
            .Select(f => (f.Key, File.ReadAllBytes(Path.Combine(scratch, f.Key)))).ToList();
        return new Outcome(scratch, result, written);
    }

    /// <summary>The arguments with the scratch folder as a token, each followed by the contents of the file or folder
    /// it names, if one exists.</summary>
    private static string Key(string[] args, string scratch)
    {
        var key = new StringBuilder();
        foreach (var a in args)
        {
            key.Append(a.Replace(scratch, ScratchToken, StringComparison.Ordinal)).Append('\0');
            if (File.Exists(a)) key.Append(Hash(File.ReadAllBytes(a)));
            else if (Directory.Exists(a)) foreach (var (name, hash) in Contents(a).OrderBy(f => f.Key, StringComparer.Ordinal)) key.Append(name).Append('=').Append(hash).Append(';');
            key.Append('\n');
        }
        return key.ToString();
    }

    /// <summary>Every file under <paramref name="dir"/>: its path relative to it, and a hash of its bytes.</summary>
    private static Dictionary<string, string> Contents(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Hash(File.ReadAllBytes(f)), StringComparer.Ordinal);

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
