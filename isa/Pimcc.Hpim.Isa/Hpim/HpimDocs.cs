using System.Globalization;
using System.Text;
using Pimcc.Targets.Description;
using Pimcc.Targets.Hbm;

namespace Pimcc.Targets.Hpim;

/// <summary>The hpim sections of docs/targets.md for one preset: derived figures, the HBM command set and its timing rules.</summary>
internal static class HpimDocs
{
    public static string Sections(HpimTarget t)
    {
        var sb = new StringBuilder(Derived(t));

        sb.Append("\n### HBM command set\n\n| mnemonic | scope | bus | bus clocks | meaning |\n|---|---|---|---:|---|\n");
        foreach (var c in HbmCommands.Table)
            sb.Append($"| `{c.Mnemonic}` | {c.Scope} | {c.Bus} | {Units.Show(HbmTimingRules.BusClocks(c, t.Hbm.Timing))} | {c.Summary} |\n");

        sb.Append($"\n### HBM timing rules of `{t.Name}` (DRAM command clocks of {Units.Normalize(t.Hbm.Timing.TckPs / 1000).ToString(CultureInfo.InvariantCulture)} ns)\n\n");
        sb.Append("Following may issue no earlier than latency after preceding, at the given level (all-bank commands touch every bank of their pseudo-channel; "
            + "a rule at \"another\" level binds commands on different nodes of it). Each command also holds its bus (row or column) its bus clocks: "
            + "the next command on that bus waits for them. ");
        sb.Append(t.Hbm.Timing.TimingFromCommandEnd
            ? "Latencies count between command ends (JEDEC): the engine, in half-clock ticks, adds the bus clocks of the preceding command and subtracts the following one's; column commands start on a rising edge.\n\n"
            : "Latencies count from the first clock of each command.\n\n");
        sb.Append("| rule | level | preceding | following | latency | formula |\n|---|---|---|---|---:|---|\n");
        foreach (var r in HbmTimingRules.Rows(t))
        {
            var window = r.Window > 1 ? $" (window of {r.Window})" : "";
            var level = r.Sibling ? $"another {r.Level}" : r.Level.ToString();
            sb.Append($"| {r.Name}{window} | {level} | {Mnemonics(r.Preceding)} | {Mnemonics(r.Following)} | {r.Latency} | `{r.Formula}` |\n");
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
        sb.Append(tm.TicksPerClock == 1
            ? "- HBM timing engine cycles are DRAM command clocks (`hbm.timing.tCK`); `HbmTimingSet.ToPicoseconds` converts to time.\n"
            : $"- HBM timing engine cycles are half DRAM command clocks (row commands on both clock edges), {tm.TicksPerClock} per `hbm.timing.tCK`.\n");
        sb.Append($"- {org.StackIdsPerChannel} stack ID(s) per channel; refresh: {(tm.RefreshPolicy == Pimcc.Targets.Dram.DramRefreshPolicy.InterruptOpenRows ? "a due REF interrupts open rows (PREA, REF, reopen)" : "a due REF waits until the stream closes the rows")}.\n");
        sb.Append("- ACTAB is not counted in the tFAW window (as in attacc_simulator); all-bank commands obey the per-bank rules of every bank they touch.\n");
        return sb.ToString();
    }

    private static string Mnemonics(IEnumerable<HbmCommand> commands) => string.Join(" ", commands.Select(c => HbmCommands.Info(c).Mnemonic));
}
