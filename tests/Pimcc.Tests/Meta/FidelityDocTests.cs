using Pimcc.Bench;

namespace Pimcc.Tests.Meta;

/// <summary>docs/fidelity.md's tables are what <c>pimcc-bench fidelity</c> prints now (OPT-13B, 256 in, 1024 out, on
/// hpim and on the a100 baseline with LLMCompass's overheads), so the explanation beside them cannot drift from the
/// model.</summary>
public class FidelityDocTests
{
    [Fact]
    public void FidelityTablesAreWhatTheBenchPrints()
    {
        var tables = FidelityBenchmark.Tables(RepoPaths.Root, "hpim", TestScratch.NewDir("fidelity"));

        // The weight bytes by hand from samples/hf-configs/opt-13b.json (d 5120, ffn 20480, 40 layers, FP16), 1024
        // decode steps: FFN 2 x 5120 x 20480 x 2 B x 40 x 1024 = 17.180 TB; Q, K, V 3 x 5120² x 2 B x 40 x 1024 = 6.442 TB.
        tables.ShouldContain("| FFN | 17.180 TB |");
        tables.ShouldContain("| QKV generation | 6.442 TB |");
        // The paper's FFN rate, by hand: 17.180 TB / 2.646 s = 6.49 TB/s, 1.98 x hpim's 3.2768 TB/s external bandwidth.
        tables.ShouldContain("| 6.49 TB/s | 1.98 |");

        GeneratedDoc.BlockShouldBeUpToDate("fidelity.md", "pimcc-bench fidelity", tables,
            "PIMCC_REGENERATE_DOCS=1 dotnet test tests/Pimcc.Tests -c Release --filter FullyQualifiedName~FidelityDocTests");
    }
}
