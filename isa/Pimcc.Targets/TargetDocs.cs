using System.Globalization;
using System.Text;
using Pimcc.Targets.Description;

namespace Pimcc.Targets;

/// <summary>Renders docs/targets.md from the schema, the unit table, the presets and the HBM rule table.</summary>
public static class TargetDocs
{
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("<!-- Generated from isa/Pimcc.Targets (each kind's schema and doc sections, Units, presets) by TargetDocs.Markdown(); do not edit.\n");
        sb.Append("     Regenerate: PIMCC_REGENERATE_DOCS=1 dotnet test tests/Pimcc.Tests --filter FullyQualifiedName~Pimcc.Tests.Targets.TargetDocsTests -->\n");
        sb.Append("# Target descriptions\n\n");
        sb.Append("A target description is a versioned JSON file (`\"format\": \"").Append(DescriptionFormat.Tag).Append("\"`) that holds every hardware\n");
        sb.Append("parameter the compiler and simulator use. Each value carries its unit and its source:\n\n");
        sb.Append("```json\n\"hbm\": { \"globalBuffer\": { \"value\": 1, \"unit\": \"KiB\", \"source\": \"HPIM paper, hardware table\" } }\n```\n\n");
        sb.Append("- `\"kind\"` names the registered target unit the description is for: it fixes the schema (the keys below, per kind), the compiler pipeline and the simulator. The name is the description's own.\n");
        sb.Append("- Presets are bundled (`pimcc targets` lists them with their kinds, `pimcc targets show <name>` prints the resolved, canonical form).\n");
        sb.Append("- `--target-config file.json` reads a file. A file may start from a preset with `\"extends\": \"<preset>\"` and list only what it changes; it takes the preset's kind.\n");
        sb.Append("- `--set dotted.key=value` overrides one key. A bare number is in the key's unit (tables below); a unit suffix converts (e.g. `=15ns`, `=512KiB`).\n");
        sb.Append("- Unknown keys, missing keys, missing sources, wrong units, non-positive values, non-powers-of-two where the hardware decodes addresses, and values above a key's bound (e.g. `hbm.stacks` 64, `hbm.diesPerStack` 16, other counts and cycle counts 10^9), a core's local memory or an HBM channel's bytes beyond what 32-bit addresses reach, and inconsistent values are errors naming the key (exit code 41; unknown preset: 40).\n");
        sb.Append("- The `totals` group restates the paper's totals; they are checked against the parameters (exact for capacities, 1% for rounded bandwidth/peaks). After `--set` overrides, totals not overridden themselves are recomputed and marked `derived`.\n");
        sb.Append("- Times given for cycle keys are rounded up to whole cycles (`nCK`: the DRAM command clock period key of the kind; `cycle`: its core clock key).\n");
        sb.Append("- The canonical rendering lists keys in the order below with exact decimals; its SHA-256 identifies the description (embedded in out.bin).\n\n");

        sb.Append("## Units\n\n| dimension | accepted units | stored as |\n|---|---|---|\n");
        foreach (var d in Enum.GetValues<Dimension>().Where(d => d is not (Dimension.Boolean or Dimension.Choice)))
            sb.Append($"| {d} | {string.Join(", ", Units.Accepted(d).Select(u => $"`{u}`"))} | `{Units.BaseUnit(d)}` |\n");

        sb.Append("\n## Kinds\n\n| kind | machine | core clock key | DRAM clock period key | keys |\n|---|---|---|---|---:|\n");
        foreach (var k in TargetKinds.All)
            sb.Append($"| `{k.Kind}` | {Cell(k.Summary)} | {Key(k.Schema.CoreClockKey)} | {Key(k.Schema.DramClockPeriodKey)} | {k.Schema.Parameters.Count} |\n");

        foreach (var name in TargetRegistry.Names)
        {
            var t = TargetLoader.LoadPreset(name);
            sb.Append($"\n## Preset `{name}` (kind `{t.Kind}`)\n\n{t.Summary}\n\nSHA-256 of the canonical form: `{t.Sha256}`\n\n");
            sb.Append("| key | value | unit | meaning | source |\n|---|---:|---|---|---|\n");
            foreach (var p in t.Parameters.Ordered)
                sb.Append($"| `{p.Key}` | {Value(p, t.Parameters.Context)} | {p.Spec.Unit} | {Cell(p.Spec.Summary)}{Checks(p.Spec)} | {Cell(p.Source)} |\n");

            sb.Append(TargetKinds.Get(t.Kind, $"preset '{name}'").DocSections(t));
        }
        return sb.ToString();
    }

    /// <summary>A parameter's value in its own unit, as docs and reports show it.</summary>
    public static string Value(ResolvedParameter p, UnitContext ctx) => p.Spec.Dimension switch
    {
        Dimension.Boolean => p.Flag ? "true" : "false",
        Dimension.Choice => p.Word,
        _ => Units.Normalize(Units.FromBase(p.Spec.Dimension, p.Number, p.Spec.Unit, ctx)).ToString(CultureInfo.InvariantCulture),
    };

    private static string Checks(ParameterSpec s) =>
        s.PowerOfTwo ? " (power of two)" : s.Choices.Count > 0 ? $" (one of: {string.Join(", ", s.Choices)})" : "";

    private static string Cell(string s) => s.Replace("|", "\\|");

    private static string Key(string? key) => key is null ? "none" : $"`{key}`";
}
