namespace Pimcc.Tests.HfConfig;

/// <summary>Every sample config has its own expectations, and no expectation outlives its sample.</summary>
public class SampleCoverageMetaTests
{
    [Fact]
    public void EverySampleHasAParameterCountExpectation()
    {
        var files = HfConfigKit.SampleFiles.ToList();
        files.ShouldNotBeEmpty();
        files.Where(f => !ParameterCountTests.Expected.ContainsKey(f)).ShouldBeEmpty("samples without a parameter-count test");
        ParameterCountTests.Expected.Keys.Where(k => !files.Contains(k)).ShouldBeEmpty("expectations without a sample");
        files.ShouldAllBe(f => f.EndsWith(".json", StringComparison.Ordinal));
    }

    [Fact]
    public void TheAllSamplesTheoryCoversTheFolder() =>
        ((IEnumerable<object[]>)SampleConfigTests.AllSamples).Select(row => (string)row[0]).ShouldBe(HfConfigKit.SampleFiles);
}
