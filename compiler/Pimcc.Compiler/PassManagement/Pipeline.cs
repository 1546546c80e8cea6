using System.Collections.Immutable;
using System.Text;
using Pimcc.Diagnostics;

namespace Pimcc.Compiler.PassManagement;

/// <summary>One pass in a pipeline with its options.</summary>
public sealed record PipelineStep(Pass Pass, PassOptions Options)
{
    public override string ToString()
    {
        var opts = Options.Explicit.Select(kv => $"{kv.Key}={Format(kv.Value)}").ToList();
        return opts.Count == 0 ? Pass.Name : $"{Pass.Name}{{{string.Join(",", opts)}}}";
    }

    private static string Format(object v) => v is bool b ? (b ? "true" : "false") : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!;
}

/// <summary>
/// A parsed pipeline string: <c>infer-shapes,canonicalize,annotate-ops{intensity-kv=512}</c>.
/// Parsing checks pass names and options, and that every pass's required properties are
/// established by the input or an earlier pass, before anything runs.
/// </summary>
public sealed record Pipeline(ImmutableArray<PipelineStep> Steps)
{
    /// <summary>The registry the pipeline was parsed from: names the passes that establish a missing property.</summary>
    public PassRegistry? Registry { get; init; }

    public override string ToString() => string.Join(",", Steps);

    public static Pipeline Parse(string text, PassRegistry registry)
    {
        var steps = new List<PipelineStep>();
        foreach (var item in SplitTopLevel(text))
        {
            var brace = item.IndexOf('{');
            var name = (brace < 0 ? item : item[..brace]).Trim();
            var pass = registry.Find(name) ?? throw Error($"unknown pass '{name}'",
                $"known passes: {string.Join(", ", registry.All.Select(p => p.Name))}");
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            if (brace >= 0)
            {
                if (!item.EndsWith('}')) throw Error($"unbalanced braces in '{item}'", "write pass{name=value,...}");
                foreach (var kv in item[(brace + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var eq = kv.IndexOf('=');
                    var key = eq < 0 ? kv : kv[..eq].Trim();
                    var opt = pass.Options.FirstOrDefault(o => o.Name == key) ?? throw Error(
                        $"pass '{name}' has no option '{key}'",
                        pass.Options.IsEmpty ? "it takes no options" : $"options: {string.Join(", ", pass.Options.Select(o => o.Name))}");
                    var raw = eq < 0 ? "true" : kv[(eq + 1)..].Trim();
                    values[key] = opt.Parse(raw) ?? throw Error($"option '{key}' of pass '{name}' cannot be '{raw}'", $"expected a {OptionTypeName(opt.Type)}");
                }
            }
            steps.Add(new PipelineStep(pass, new PassOptions(values)));
        }
        if (steps.Count == 0) throw Error("empty pipeline", "name at least one pass");
        return new Pipeline([.. steps]) { Registry = registry };
    }

    /// <summary>Rejects a pipeline whose requirements are not established before each pass.</summary>
    public void CheckRequirements(IEnumerable<string> initiallyEstablished)
    {
        var have = new HashSet<string>(initiallyEstablished, StringComparer.Ordinal);
        foreach (var step in Steps)
        {
            var missing = step.Pass.Requires.Where(r => !have.Contains(r)).ToList();
            if (missing.Count > 0)
                throw Error($"pass '{step.Pass.Name}' requires {string.Join(", ", missing)}, which no earlier pass establishes",
                    $"add {Establishers(missing[0])} before '{step.Pass.Name}' in --passes");
            foreach (var i in step.Pass.Invalidates) have.Remove(i);
            foreach (var e in step.Pass.Establishes) have.Add(e);
        }
    }

    // The passes that establish a property, named for the hint (or a plain phrase when none is registered).
    private string Establishers(string property)
    {
        var names = Registry?.All.Where(p => p.Establishes.Contains(property)).Select(p => $"'{p.Name}'").ToList() ?? [];
        return names.Count == 0 ? $"a pass that establishes {property}" : string.Join(" or ", names);
    }

    /// <summary>
    /// This pipeline with option <paramref name="option"/> of every <paramref name="pass"/> step set from
    /// <paramref name="raw"/>: how a target's command-line flag (<see cref="Targets.TargetFlag"/>) reaches its pass.
    /// A value that does not fit the option, or a pipeline without the pass, is a usage error at <paramref name="flag"/>.
    /// </summary>
    public Pipeline WithOption(string pass, string option, string raw, string flag)
    {
        if (Steps.All(s => s.Pass.Name != pass))
            throw new PimccError(ExitCode.Usage, flag, $"{flag} sets an option of pass '{pass}', which the pipeline does not run",
                $"add '{pass}' to --passes, or drop {flag}");
        var steps = Steps.Select(s =>
        {
            if (s.Pass.Name != pass) return s;
            var opt = s.Pass.Options.FirstOrDefault(o => o.Name == option)
                ?? throw new InvalidOperationException($"flag {flag}: pass '{pass}' declares no option '{option}'");
            var value = opt.Parse(raw) ?? throw new PimccError(ExitCode.Usage, flag, $"{flag} cannot be '{raw}'", $"expected a {OptionTypeName(opt.Type)}");
            return s with { Options = s.Options.With(option, value) };
        });
        return this with { Steps = [.. steps] };
    }

    private static string OptionTypeName(Type t) => t == typeof(long) ? "whole number" : t == typeof(double) ? "number" : t == typeof(bool) ? "true or false" : "text";

    private static PimccError Error(string message, string hint) => new(ExitCode.Usage, "--passes", message, hint);

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (c == '{') depth++;
            if (c == '}') depth--;
            if (c == ',' && depth == 0)
            {
                if (current.ToString().Trim().Length > 0) yield return current.ToString().Trim();
                current.Clear();
            }
            else current.Append(c);
        }
        if (current.ToString().Trim().Length > 0) yield return current.ToString().Trim();
    }
}
