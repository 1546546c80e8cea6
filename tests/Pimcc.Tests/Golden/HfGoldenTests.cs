using Pimcc.Compiler.PassManagement;
using Pimcc.Frontends.HfConfig;
using Pimcc.Frontends.IrText;
using Pimcc.Ir;

namespace Pimcc.Tests.Golden;

/// <summary>
/// Golden IR for bundled HF configs after the target-independent pipeline, at a small workload
/// (32 in, 32 out) so the files stay readable. Each golden is checked for content (the frontend
/// and passes still produce it) and for round trip (parse then print gives the same bytes).
/// Regenerate with PIMCC_REGENERATE_GOLDEN=1.
/// </summary>
public class HfGoldenTests
{
    public static readonly string[] Models = ["opt-125m", "opt-350m", "gpt2", "llama-3.2-1b", "qwen2-0.5b", "phi-3-mini-4k", "gemma-2b", "pythia-1.4b", "falcon-7b", "stablelm-2-1_6b", "olmo-1b", "bloom-560m", "gemma-2-2b", "bert-base-uncased"];

    public static TheoryData<string> Names => [.. Models];

    private static string GoldenPath(string model) => RepoPaths.Combine("tests", "Pimcc.Tests", "Golden", "hf", model + ".pimir");

    private static string Produce(string model)
    {
        var m = HfConfigFrontend.Load(RepoPaths.Combine("samples", "hf-configs", model + ".json"), new HfWorkload(32, 32) { Defaulted = true }); // as when no count is given: an encoder reads 32 prompt tokens only
        var (result, _) = new PassManager(new PassInstrumentation { ReproducerDirectory = null })
            .Run(m, Pipeline.Parse(PassRegistry.FrontPipeline, PassRegistry.Default), model);
        // Paths in the module would differ per machine; goldens name the sample by file name only.
        return Printer.Print(result);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void FrontendOutputMatchesGolden(string model)
    {
        var actual = Produce(model);
        var path = GoldenPath(model);
        if (Environment.GetEnvironmentVariable("PIMCC_REGENERATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        actual.ShouldBe(File.ReadAllText(path), $"golden {path} is stale; regenerate with PIMCC_REGENERATE_GOLDEN=1");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void GoldenRoundTripsThroughTheParser(string model)
    {
        var text = File.ReadAllText(GoldenPath(model));
        var parsed = IrTextParser.Parse(text, model + ".pimir");
        Verifier.Verify(parsed).ShouldBeEmpty();
        Printer.Print(parsed).ShouldBe(text);
    }

    [Fact]
    public void EveryGoldenFileHasATestAndEverySampleRoundTrips()
    {
        Directory.GetFiles(RepoPaths.Combine("tests", "Pimcc.Tests", "Golden", "hf"), "*.pimir")
            .Select(Path.GetFileNameWithoutExtension).Order().ShouldBe(Models.Order());
        foreach (var sample in Directory.GetFiles(RepoPaths.Combine("samples", "hf-configs"), "*.json").Order())
        {
            var m = HfConfigFrontend.Load(sample, new HfWorkload(16, 16) { Defaulted = true });
            var text = Printer.Print(m);
            Printer.Print(IrTextParser.Parse(text, sample)).ShouldBe(text, sample);
        }
    }
}
