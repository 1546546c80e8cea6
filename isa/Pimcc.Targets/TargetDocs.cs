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
        sb.Append("- Unknown keys, missing keys, missing sources, wrong units, non-positive values, non-powers-of-two where the hardware decodes addresses, and inconsistent values are errors naming the key (exit code 41; unknown preset: 40).\n");
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

            sb.Append("\n### HBM command set\n\n| mnemonic | scope | bus | meaning |\n|---|---|---|---|\n");
            foreach (var c in HbmCommands.Table)
                sb.Append($"| `{c.Mnemonic}` | {c.Scope} | {c.Bus} | {c.Summary} |\n");

            sb.Append($"\n### HBM timing rules of `{name}` (DRAM command clocks of {Units.Normalize(t.Hbm.Timing.TckPs / 1000).ToString(CultureInfo.InvariantCulture)} ns)\n\n");
            sb.Append("Following may issue no earlier than latency after preceding, at the given level (all-bank commands touch every bank of their pseudo-channel).\n\n");
            sb.Append("| rule | level | preceding | following | latency | formula |\n|---|---|---|---|---:|---|\n");
            var groups = HbmTimingRules.Build(t)
                .GroupBy(r => (r.Name, r.Level, r.Latency, r.Formula, r.Window, Prec: r.Preceding))
                .GroupBy(g => (g.Key.Name, g.Key.Level, g.Key.Latency, g.Key.Formula, g.Key.Window, Foll: string.Join(" ", g.Select(r => HbmCommands.Info(r.Following).Mnemonic))));
            foreach (var g in groups)
            {
                var prec = string.Join(" ", g.Select(x => HbmCommands.Info(x.Key.Prec).Mnemonic));
                var window = g.Key.Window > 1 ? $" (window of {g.Key.Window})" : "";
                sb.Append($"| {g.Key.Name}{window} | {g.Key.Level} | {prec} | {g.Key.Foll} | {g.Key.Latency} | `{g.Key.Formula}` |\n");
            }
        }
        return sb.ToString();
    }

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
