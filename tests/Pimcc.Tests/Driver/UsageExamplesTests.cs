using System.CommandLine;
using Pimcc.Driver;
using Pimcc.Driver.Help;

namespace Pimcc.Tests.Driver;

/// <summary>
/// Every command's <c>--help</c> shows how it is really typed: usage lines that parse back into an invocation of that
/// command, and examples that run with exit 0 against the bundled samples.
/// </summary>
public class UsageExamplesTests
{
    private static IEnumerable<Command> Tree(Command c) => c.Subcommands.SelectMany(Tree).Prepend(c);

    private static List<Command> Commands() => [.. Tree(Cli.Build(new ConsoleIo(TextWriter.Null, TextWriter.Null)))];

    [Fact]
    public void EveryCommandHasAnEntryAndEveryEntryACommand()
    {
        var paths = Commands().Select(HelpLayout.PathOf).ToList();
        paths.Order().ShouldBe(UsageTable.All.Select(u => u.Path).Order());
    }

    [Fact]
    public void HelpOfEveryCommandShowsItsUsageAndExamples()
    {
        foreach (var command in Commands())
        {
            var path = HelpLayout.PathOf(command);
            var r = CliRunner.Run([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
            r.ExitCode.ShouldBe(0, $"pimcc {path} --help: {r.Err}");
            var entry = UsageTable.Find(path)!;
            entry.Usage.ShouldNotBeEmpty();
            entry.Examples.ShouldNotBeEmpty();
            r.Out.ShouldContain("Usage:\n");
            r.Out.ShouldContain("Examples:\n");
            var prefix = path.Length == 0 ? "pimcc " : $"pimcc {path} ";
            foreach (var line in entry.Usage.Concat(entry.Examples))
            {
                r.Out.ShouldContain("\n  " + line + "\n");
                (line + " ").ShouldStartWith(prefix);
            }
            // The root's MODEL is no argument of a subcommand (it was listed before every one of them).
            if (path.Length > 0) r.Out.ShouldNotContain("[<model>]");
        }
    }

    /// <summary>The bare usage (optional parts dropped) and the full one (every optional part, first choice) parse
    /// without errors into the command whose help shows them.</summary>
    [Fact]
    public void UsageLinesParseBackIntoTheirCommand()
    {
        foreach (var command in Commands())
        {
            var path = HelpLayout.PathOf(command);
            foreach (var line in UsageTable.Find(path)!.Usage)
                foreach (var full in new[] { false, true })
                {
                    var args = UsageLine.Expand(line, full);
                    var parse = Cli.Build(new ConsoleIo(TextWriter.Null, TextWriter.Null)).Parse(args);
                    parse.Errors.ShouldBeEmpty($"{line} -> {string.Join(' ', args)}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
                    HelpLayout.PathOf(parse.CommandResult.Command).ShouldBe(path, line);
                }
        }
    }

    [Fact]
    public void ExamplesRunWithExitZeroAgainstTheBundledSamples()
    {
        var scratch = CliRunner.TempDir();
        foreach (var example in UsageTable.All.SelectMany(u => u.Examples))
        {
            var r = DocumentedCommands.Run(example, scratch);
            r.ExitCode.ShouldBe(0, $"{example}: {r.Err}");
        }
        File.Exists(Path.Combine(scratch, "reassembled.bin")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(scratch, "report.html")).ShouldContain("<svg");
    }

    [Theory]
    [InlineData("pimcc sim BINARY [--format text|json] [-o REPORT]", false, "sim out.bin")]
    [InlineData("pimcc sim BINARY [--format text|json] [-o REPORT]", true, "sim out.bin --format text -o report.txt")]
    [InlineData("pimcc MODEL [--target NAME | --target-config FILE] [options]", true, "model.json --target hpim")]
    [InlineData("pimcc targets show NAME|FILE.json [--set KEY=VALUE]", true, "targets show hpim --set hbm.stacks=2")]
    [InlineData("pimcc sweep MODEL... [--workload P:G]... [-j J]", true, "sweep model.json --workload 16:16 -j 2")]
    public void UsageExpansionDropsOrTakesOptionalPartsAndTheFirstChoice(string line, bool full, string expected) =>
        string.Join(' ', UsageLine.Expand(line, full)).ShouldBe(expected);
}

/// <summary>Turns a usage line into arguments: placeholders become sample values, <c>[...]</c> is dropped or kept,
/// of <c>a|b</c> the first is taken, <c>[options]</c> is dropped, a repeatable <c>X...</c> is taken once.</summary>
public static class UsageLine
{
    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.Ordinal)
    {
        ["MODEL"] = "model.json", ["MODEL.onnx"] = "model.onnx", ["BINARY"] = "out.bin", ["REPORT"] = "report.txt", ["BASELINE"] = "a100.json", ["COMPARISON"] = "comparison.txt",
        ["TRACE.json"] = "trace.json", ["LOGITS.json"] = "logits.json", ["FILE"] = "file.json", ["FILE.json"] = "file.json",
        ["FILE.pasm"] = "prog.pasm", ["NAME"] = "hpim", ["N"] = "4", ["M"] = "4", ["IDS"] = "1,2,3", ["KEY=VALUE"] = "hbm.stacks=2",
        ["P:G"] = "16:16", ["KEY=V1,V2"] = "hbm.stacks=1,2", ["TABLE"] = "table.csv", ["TABLE.json"] = "table.json", ["DIR"] = "jobs", ["J"] = "2", ["START:END"] = "0:1",
    };

    public static string[] Expand(string line, bool full)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var args = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i].EndsWith("...", StringComparison.Ordinal) ? words[i][..^3] : words[i]; // "X..." repeats X
            if (w == "[options]") continue;
            if (w.StartsWith('['))
            {
                var group = new List<string> { w };
                while (!group[^1].EndsWith(']')) group.Add(words[++i].EndsWith("]...", StringComparison.Ordinal) ? words[i][..^3] : words[i]);
                if (!full) continue;
                var inner = string.Join(' ', group)[1..^1].Split(" | ")[0];
                args.AddRange(inner.Split(' ').Select(Value));
                continue;
            }
            args.Add(Value(w));
        }
        return [.. args];
    }

    // The first of a choice; a placeholder's sample value; a literal as it is.
    private static string Value(string word)
    {
        var first = word.Split('|')[0];
        if (Placeholders.TryGetValue(first, out var v)) return v;
        (first.Length > 1 && first.All(c => char.IsUpper(c) || c is '.' or ':' or '=')).ShouldBeFalse($"unknown placeholder {first}");
        return first;
    }
}
