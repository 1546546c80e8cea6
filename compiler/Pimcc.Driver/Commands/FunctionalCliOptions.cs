using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Sim.Units;

namespace Pimcc.Driver.Commands;

/// <summary>
/// The values mode of <c>pimcc sim</c> and <c>pimcc run</c> (docs/simulator.md, "Functional mode"):
/// <c>--functional --tokens 1,2,3 [--gen-tokens N] [--logits out.json]</c>. Prints the prompt and the greedy
/// tokens; the timing report is not produced in this mode.
/// </summary>
public sealed class FunctionalCliOptions
{
    public Option<bool> Functional { get; } = new("--functional") { Description = "execute the program on values (needs the binary's memory image) and generate greedily; no timing report" };
    public Option<string?> Tokens { get; } = new("--tokens") { Description = "functional mode: prompt token ids, comma-separated (e.g. 1,2,3)" };
    public Option<string?> TokensFile { get; } = new("--tokens-file") { Description = "functional mode: file of prompt token ids (separated by commas or white space)" };
    public Option<string?> Logits { get; } = new("--logits") { Description = "functional mode: write every step's logits as JSON to this file" };
    public Option<bool> NoRaceCheck { get; } = new("--no-race-check") { Description = "functional mode: skip the second stream interleaving (halves the run time)" };
    public Option<bool> PromptReplay { get; } = new("--prompt-replay") { Description = "functional mode: feed the prompt through the decode program position by position instead of running prefill" };

    public void AddTo(Command c)
    {
        foreach (var o in new Option[] { Functional, Tokens, TokensFile, Logits, NoRaceCheck, PromptReplay }) c.Options.Add(o);
    }

    public bool Requested(ParseResult p) => p.GetValue(Functional);

    /// <summary>Runs the greedy generation: <paramref name="decodeSteps"/> decode steps after the prompt (null: as many
    /// as the binary was compiled to generate). More than compiled is refused before anything runs.</summary>
    public int Run(PimBinary bin, string name, int? decodeSteps, ParseResult p, ConsoleIo io, OutputPlan outputs)
    {
        var prompt = ReadPrompt(p);
        var sw = Stopwatch.StartNew();
        var (simulator, target) = SimulatorTargets.For(bin, name);
        var result = RunShowingProgress(simulator, bin, target, name, new FunctionalRequest(prompt, decodeSteps ?? bin.Workload?.GeneratedTokens ?? 0)
        {
            CheckInterleavings = !p.GetValue(NoRaceCheck),
            ReplayPrompt = p.GetValue(PromptReplay),
        }, io);
        outputs.Write((outputs["-o"], OutputPlan.Text(Render(result))), (outputs["--logits"], outputs["--logits"] is null ? [] : OutputPlan.Text(LogitsJson(result))));
        io.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pimcc: functional run of {result.Steps.Count} program steps in {sw.Elapsed.TotalSeconds:F2} s wall time"));
        return 0;
    }

    /// <summary>The functional run with a progress bar of its program steps (on a terminal only).</summary>
    public static FunctionalGenerationResult RunShowingProgress(ISimulatorTarget simulator, PimBinary bin, Pimcc.Targets.TargetDescription target, string name,
        FunctionalRequest request, ConsoleIo io) => io.Progress.Run(stages =>
        {
            var bar = stages.Stage($"running {Path.GetFileName(name)} on values ({request.Prompt.Count} in, {request.DecodeSteps} out)", 1 + request.DecodeSteps);
            return simulator.RunFunctional(bin, target, name, request with { Progress = bar.Update });
        });

    private List<int> ReadPrompt(ParseResult p) => PromptOrNull(p)
        ?? throw new PimccError(ExitCode.Usage, "--tokens", "functional mode needs the prompt: exactly one of --tokens and --tokens-file", "e.g. --tokens 1,2,3");

    /// <summary>The prompt of --tokens or --tokens-file; null when neither is given; both is a usage error.</summary>
    public List<int>? PromptOrNull(ParseResult p)
    {
        var text = p.GetValue(Tokens);
        var file = p.GetValue(TokensFile);
        if (text is null && file is null) return null;
        if (text is not null && file is not null)
            throw new PimccError(ExitCode.Usage, "--tokens", "give the prompt once: one of --tokens and --tokens-file", "e.g. --tokens 1,2,3");
        var where = text is not null ? "--tokens" : file!;
        return ParseTokenIds(text ?? InputFile.ReadText(file!, InputKind.TokenList), where);
    }

    /// <summary>Token ids separated by commas or white space; anything else is <see cref="ExitCode.InvalidSimInput"/> at <paramref name="where"/>.</summary>
    public static List<int> ParseTokenIds(string text, string where)
    {
        var ids = new List<int>();
        foreach (var part in text.Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
            ids.Add(int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id
                : throw new PimccError(ExitCode.InvalidSimInput, where, $"'{part}' is not a token id", "token ids are integers, e.g. --tokens 1,2,3"));
        return ids;
    }

    public static string Render(FunctionalGenerationResult r)
    {
        var sb = new StringBuilder();
        sb.Append("prompt:    ").AppendJoin(',', r.Prompt).Append('\n');
        sb.Append("generated: ").AppendJoin(',', r.Generated).Append('\n');
        if (r.PromptReplayed) sb.Append("note: the prompt was fed through the decode program one position at a time (no prefill logits)\n");
        return sb.ToString();
    }

    /// <summary><c>pimcc-functional-logits/1</c>: prompt, generated ids and every step's logits (shortest round-trip floats).</summary>
    public static string LogitsJson(FunctionalGenerationResult r)
    {
        var sb = new StringBuilder();
        sb.Append("{\"format\":\"pimcc-functional-logits/1\",\"prompt\":[").AppendJoin(',', r.Prompt)
          .Append("],\"generated\":[").AppendJoin(',', r.Generated).Append("],\"promptReplayed\":").Append(r.PromptReplayed ? "true" : "false").Append(",\"steps\":[");
        for (var i = 0; i < r.Steps.Count; i++)
        {
            var s = r.Steps[i];
            if (i > 0) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture, $"\n{{\"program\":\"{s.Program}\",\"position\":{s.Position},\"input\":{s.InputToken},\"next\":{s.NextToken},\"logits\":[");
            for (var j = 0; j < s.Logits.Length; j++)
            {
                if (j > 0) sb.Append(',');
                var v = s.Logits[j];
                sb.Append(float.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : float.IsNaN(v) ? "null" : v > 0 ? "1e999" : "-1e999");
            }
            sb.Append("]}");
        }
        sb.Append("]}\n");
        return sb.ToString();
    }
}
