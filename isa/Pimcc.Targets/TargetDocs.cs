using System.Globalization;
using System.Text;
using Pimcc.Targets.Description;
using Pimcc.Targets.Hbm;

namespace Pimcc.Targets;

/// <summary>Renders docs/targets.md from the schema, the unit table, the presets and the HBM rule table.</summary>
public static class TargetDocs
{
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("<!-- Generated from isa/Pimcc.Targets (TargetSchema, Units, presets, HbmTimingRules) by TargetDocs.Markdown(); do not edit.\n");
        sb.Append("     Regenerate: PIMCC_REGENERATE_DOCS=1 dotnet test tests/Pimcc.Tests --filter FullyQualifiedName~Pimcc.Tests.Targets.TargetDocsTests -->\n");
        sb.Append("# Target descriptions\n\n");
        sb.Append("A target description is a versioned JSON file (`\"format\": \"").Append(TargetSchema.Format).Append("\"`) that holds every hardware\n");
        sb.Append("parameter the compiler and simulator use. Each value carries its unit and its source:\n\n");
        sb.Append("```json\n\"hbm\": { \"globalBuffer\": { \"value\": 1, \"unit\": \"KiB\", \"source\": \"HPIM paper, hardware table\" } }\n```\n\n");
        sb.Append("- Presets are bundled (`pimcc targets` lists them, `pimcc targets show <name>` prints the resolved, canonical form).\n");
        sb.Append("- `--target-config file.json` reads a file. A file may start from a preset with `\"extends\": \"hpim\"` and list only what it changes.\n");
        sb.Append("- `--set dotted.key=value` overrides one key. A bare number is in the key's unit (table below); a unit suffix converts (`--set hbm.timing.nRCDRD=15ns`, `--set sram.localMemory.activation=512KiB`).\n");
        sb.Append("- Unknown keys, missing keys, missing sources, wrong units, non-positive values, non-powers-of-two where the hardware decodes addresses, values above a key's bound (`hbm.stacks` 64, `hbm.diesPerStack` 16, other counts and cycle counts 10^9), a core's local memory or an HBM channel's bytes beyond what 32-bit addresses reach, and inconsistent values are errors naming the key (exit code 41; unknown preset: 40).\n");
        sb.Append("- The `totals` group restates the paper's totals; they are checked against the parameters (exact for capacities, 1% for rounded bandwidth/peaks). After `--set` overrides, totals not overridden themselves are recomputed and marked `derived`.\n");
        sb.Append("- Times given for cycle keys are rounded up to whole cycles (`nCK`: HBM command clock `hbm.timing.tCK`; `cycle`: `system.clock`).\n");
        sb.Append("- The canonical rendering lists keys in the order below with exact decimals; its SHA-256 identifies the description (embedded in out.bin).\n\n");

        sb.Append("## Units\n\n| dimension | accepted units | stored as |\n|---|---|---|\n");
        foreach (var d in Enum.GetValues<Dimension>().Where(d => d is not (Dimension.Boolean or Dimension.Choice)))
            sb.Append($"| {d} | {string.Join(", ", Units.Accepted(d).Select(u => $"`{u}`"))} | `{Units.BaseUnit(d)}` |\n");

        foreach (var name in TargetRegistry.Names)
        {
            var t = TargetLoader.LoadPreset(name);
            sb.Append($"\n## Preset `{name}`\n\n{t.Summary}\n\nSHA-256 of the canonical form: `{t.Sha256}`\n\n");
            sb.Append("| key | value | unit | meaning | source |\n|---|---:|---|---|---|\n");
            foreach (var p in t.Parameters.Ordered)
                sb.Append($"| `{p.Key}` | {Value(p, t.Parameters.Context)} | {p.Spec.Unit} | {Cell(p.Spec.Summary)}{Checks(p.Spec)} | {Cell(p.Source)} |\n");

            sb.Append(Derived(t));

            sb.Append("\n### HBM command set\n\n| mnemonic | scope | bus | meaning |\n|---|---|---|---|\n");
            foreach (var c in HbmCommands.Table)
                sb.Append($"| `{c.Mnemonic}` | {c.Scope} | {c.Bus} | {c.Summary} |\n");

            sb.Append($"\n### HBM timing rules of `{name}` (DRAM command clocks of {Units.Normalize(t.Hbm.Timing.TckPs / 1000).ToString(CultureInfo.InvariantCulture)} ns)\n\n");
            sb.Append("Following may issue no earlier than latency after preceding, at the given level (all-bank commands touch every bank of their pseudo-channel).\n\n");
            sb.Append("| rule | level | preceding | following | latency | formula |\n|---|---|---|---|---:|---|\n");
            foreach (var r in HbmTimingRules.Rows(t))
            {
                var window = r.Window > 1 ? $" (window of {r.Window})" : "";
                sb.Append($"| {r.Name}{window} | {r.Level} | {Mnemonics(r.Preceding)} | {Mnemonics(r.Following)} | {r.Latency} | `{r.Formula}` |\n");
            }
        }
        return sb.ToString();
    }

    // Figures a researcher checks first, computed from the preset so they cannot go stale.
    private static string Derived(HpimTarget t)
    {
        var org = t.Hbm.Organization;
        var tm = t.Hbm.Timing;
        var macSpacing = Math.Max(Math.Max(tm.EffectiveCCDAB, tm.CCDL), HbmTimingRules.PuColumnNck(t));
        var tck = (double)tm.TckPs * 1e-12;
        var sustainedInternal = org.Banks * org.ColumnBytes / (macSpacing * tck);
        var puPeak = 2.0 * org.Banks * t.Hbm.Pu.Multipliers * t.Hbm.Pu.ClockHz;
        var elementsPerColumn = org.ColumnBytes / t.ElementBytes;
        var sustainedPim = 2.0 * org.Banks * elementsPerColumn / (macSpacing * tck);
        string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("\n### Derived figures\n\n");
        sb.Append($"- {org.Channels} channels, {org.PseudoChannels} pseudo-channels, {org.Banks} banks (PUs), {org.RowsPerBank} rows of {org.ColumnsPerRow} columns per bank; {F(org.CapacityBytes / (double)(1L << 30))} GiB.\n");
        sb.Append($"- External bandwidth {F(org.ExternalBytesPerSecond / 1e9)} GB/s; per-core interface {F(t.Hbm.CoreInterfaceBytesPerSecond / 1e9)} GB/s.\n");
        sb.Append($"- All-bank MAC spacing in force: {macSpacing} nCK = max(tCCDAB {tm.EffectiveCCDAB}, tCCD_L {tm.CCDL}, PU {HbmTimingRules.PuColumnNck(t)}). ");
        sb.Append($"Sustained in-bank bandwidth {F(sustainedInternal / 1e12)} TB/s and HBM-PIM throughput {F(sustainedPim / 1e12)} TFLOPS, ");
        sb.Append($"against a PU peak of {F(puPeak / 1e12)} TFLOPS. The paper's 102.4 TB/s internal bandwidth assumes one column per bank every command clock; ");
        sb.Append("with this JEDEC-style timing set the same-bank-group column spacing tCCD_L is the limit (override `hbm.timing.nCCDL` to study the paper's assumption).\n");
        sb.Append("- HBM timing engine cycles are DRAM command clocks (`hbm.timing.tCK`); `HbmTimingSet.ToPicoseconds` converts to time.\n");
        sb.Append("- ACTAB is not counted in the tFAW window (as in attacc_simulator); all-bank commands obey the per-bank rules of every bank they touch.\n");
        return sb.ToString();
    }

    private static string Mnemonics(IEnumerable<HbmCommand> commands) => string.Join(" ", commands.Select(c => HbmCommands.Info(c).Mnemonic));

    private static string Value(ResolvedParameter p, UnitContext ctx) => p.Spec.Dimension switch
    {
        Dimension.Boolean => p.Flag ? "true" : "false",
        Dimension.Choice => p.Word,
        _ => Units.Normalize(Units.FromBase(p.Spec.Dimension, p.Number, p.Spec.Unit, ctx)).ToString(CultureInfo.InvariantCulture),
    };

    private static string Checks(ParameterSpec s) =>
        s.PowerOfTwo ? " (power of two)" : s.Choices.Count > 0 ? $" (one of: {string.Join(", ", s.Choices)})" : "";

    private static string Cell(string s) => s.Replace("|", "\\|");
}
