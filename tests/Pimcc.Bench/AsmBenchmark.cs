using System.Globalization;
using System.Text.RegularExpressions;

namespace Pimcc.Bench;

/// <summary>
/// Assembler figures on a generated input of exactly N lines (default 10^6): a model (default OPT-30B) is compiled
/// and disassembled (not timed), and the input keeps its target and memory-map directives and fills one section per
/// stream with that stream's own instruction lines, cycled (lines that name a label and <c>rep</c> headers are left
/// out, so every generated section is straight-line code that assembles on its own). Then <c>pimcc asm</c> runs on it
/// in its own process.
///   dotnet run --project tests/Pimcc.Bench -c Release -- asm [--lines N] [model]
/// </summary>
internal static partial class AsmBenchmark
{
    public static int Run(string[] args, string root)
    {
        var lines = 1_000_000;
        var model = "opt-30b";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lines" && i + 1 < args.Length) lines = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else model = args[i];
        }
        var dir = Directory.CreateTempSubdirectory("pimcc-bench-asm").FullName;
        var bin = Path.Combine(dir, model + ".bin");
        var disassembly = Path.Combine(dir, model + ".pasm");
        foreach (var step in new[] { (string[])[BenchProcess.Config(root, model), "--target", "hpim", "-o", bin], ["disasm", bin, "-o", disassembly] })
        {
            var r = BenchProcess.Run(step);
            if (r.ExitCode != 0) { Console.WriteLine($"{model}: {step[0]} failed: {r.FirstError}"); return 1; }
        }
        var input = Path.Combine(dir, $"generated-{lines}.pasm");
        var written = Generate(disassembly, input, lines);
        var asm = BenchProcess.Run(["asm", input, "-o", Path.Combine(dir, "generated.bin")]);
        if (asm.ExitCode != 0) { Console.WriteLine($"asm failed: {asm.FirstError}"); return 1; }
        Console.WriteLine($"input: {written:N0} lines ({new FileInfo(input).Length / 1048576.0:F1} MiB) generated from the disassembly of {model}; cpu s = user + system of the pimcc asm process");
        Console.WriteLine($"{"lines",10} {"wall s",7} {"cpu s",7} {"peak MiB",9} {"us/line (cpu)",14}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{written,10} {asm.WallSeconds,7:F2} {asm.CpuSeconds,7:F2} {asm.PeakMiB,9:F0} {asm.CpuSeconds / written * 1e6,14:F2}"));
        return 0;
    }

    /// <summary>Writes the generated input; returns its line count.</summary>
    private static long Generate(string disassembly, string path, int total)
    {
        var header = new List<string>();
        var sections = new List<(string Directive, List<string> Body)>();
        foreach (var line in File.ReadLines(disassembly))
        {
            if (line.StartsWith(".core ", StringComparison.Ordinal) || line.StartsWith(".channel ", StringComparison.Ordinal))
                sections.Add((line, []));
            else if (line.StartsWith(".target", StringComparison.Ordinal) || line.StartsWith(".region", StringComparison.Ordinal))
                header.Add(line);
            else if (sections.Count > 0 && line.StartsWith(' ') && !LabelReference().IsMatch(line) && !line.TrimStart().StartsWith("rep ", StringComparison.Ordinal))
                sections[^1].Body.Add(line);
        }
        sections.RemoveAll(s => s.Body.Count == 0);
        var perSection = Math.Max(0, total - header.Count - sections.Count) / sections.Count;
        var extra = Math.Max(0, total - header.Count - sections.Count) % sections.Count;
        using var w = new StreamWriter(path);
        long written = 0;
        foreach (var h in header) { w.WriteLine(h); written++; }
        for (var s = 0; s < sections.Count; s++)
        {
            w.WriteLine(sections[s].Directive);
            written++;
            var body = sections[s].Body;
            var n = perSection + (s < extra ? 1 : 0);
            for (var k = 0; k < n; k++) { w.WriteLine(body[k % body.Count]); written++; }
        }
        return written;
    }

    [GeneratedRegex(@"\bL\d+\b")]
    private static partial Regex LabelReference();
}
