using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Pimcc.Tests.Conformance;

/// <summary>
/// The reference interpreter against the ONNX backend node tests (Debian libonnx-testdata): every
/// single-node test of a supported operator must pass, except the cases listed with a reason in
/// unsupported.txt, which must fail (so the list never goes stale).
/// </summary>
public class OnnxNodeConformanceTests(ITestOutputHelper output)
{
    private static readonly string UnsupportedFile = RepoPaths.Combine("tests", "Pimcc.Tests", "Conformance", "unsupported.txt");

    [Fact]
    public void Supported_operators_pass_their_node_tests()
    {
        Directory.Exists(OnnxNodeTest.DefaultRoot).ShouldBeTrue($"{OnnxNodeTest.DefaultRoot} is missing; run tools/setup.sh (installs libonnx-testdata)");
        var tests = OnnxNodeTest.Discover(OnnxNodeTest.DefaultRoot);
        var outcomes = tests.Select(OnnxNodeRunner.Run).ToList();
        var listed = ReadUnsupportedList();

        var report = Report(outcomes, listed);
        output.WriteLine(report);

        var problems = new List<string>();
        foreach (var o in outcomes)
        {
            var isListed = listed.ContainsKey(o.Test.Name);
            if (!o.Passed && !isListed) problems.Add($"{o.Test.Name} failed: {o.Detail}");
            if (o.Passed && isListed) problems.Add($"{o.Test.Name} is listed as unsupported ({listed[o.Test.Name]}) but passes; remove it from unsupported.txt");
        }
        foreach (var name in listed.Keys.Where(n => outcomes.All(o => o.Test.Name != n)))
            problems.Add($"{name} is listed in unsupported.txt but is not an applicable node test");
        problems.ShouldBeEmpty(report);
        tests.Count.ShouldBeGreaterThan(100);
    }

    /// <summary>Per operator and overall: N passed, N failed (of which N listed as unsupported).</summary>
    private static string Report(List<OnnxNodeOutcome> outcomes, IReadOnlyDictionary<string, string> listed)
    {
        var sb = new StringBuilder();
        string Line(string what, IEnumerable<OnnxNodeOutcome> os)
        {
            var list = os.ToList();
            var failed = list.Where(o => !o.Passed).ToList();
            return string.Create(CultureInfo.InvariantCulture,
                $"{what,-20} {list.Count(o => o.Passed),4} passed, {failed.Count,3} failed ({failed.Count(o => listed.ContainsKey(o.Test.Name))} listed unsupported)");
        }
        foreach (var g in outcomes.GroupBy(o => o.Test.OpType).OrderBy(g => g.Key, StringComparer.Ordinal))
            sb.AppendLine(Line(g.Key, g));
        sb.AppendLine(Line("overall", outcomes));
        sb.AppendLine("  multi-node graphs passed: " + string.Join(", ", outcomes.Where(o => o.Passed && o.Test.OpType == OnnxNodeTest.MultiNode).Select(o => o.Test.Name)));
        foreach (var o in outcomes.Where(o => !o.Passed))
            sb.AppendLine($"  {o.Test.Name}: {o.Detail}");
        return sb.ToString();
    }

    /// <summary>Lines "test_name  reason"; '#' starts a comment.</summary>
    private static SortedDictionary<string, string> ReadUnsupportedList()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(UnsupportedFile))
        {
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            parts.Length.ShouldBe(2, $"unsupported.txt: '{raw}' needs a test name and a reason");
            result.Add(parts[0], parts[1]);
        }
        return result;
    }
}
