using System.Globalization;
using System.Text;
using Pimcc.Targets.Description;
using Pimcc.Targets.Dram;

namespace Pimcc.Pimllm.Isa;

/// <summary>The pimllm sections of docs/targets.md for one preset: derived figures and the LPDDR5 rule table.</summary>
internal static class PimllmDocs
{
    public static string Sections(PimllmTarget t)
    {
        var x = t.Crossbars;
        var s = t.Systolic;
        var l = t.Lpddr;
        string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("\n### Derived figures\n\n");
        if (t.HasCrossbars)
        {
            var weights = (long)x.Count * x.Rows * x.OutputsPerCrossbar;
            var readPs = Math.Max(x.ReadLatencyPs, x.ConversionPs);
            sb.Append($"- {x.Count} crossbars of {x.Rows} x {x.Columns} ({x.Cells} cells, {x.OutputsPerCrossbar} outputs each): {F(weights / 1e9)} G weights stationary; ");
            sb.Append($"{(long)x.Count * x.AdcsPerCrossbar} ADCs.\n");
            sb.Append($"- One crossbar read: {F((double)x.ReadLatencyPs / 1000)} ns analog, {F((double)x.ConversionPs / 1000)} ns to convert {x.Columns} columns on {x.AdcsPerCrossbar} ADCs at {F(x.AdcSampleRateHz / 1e9)} GS/s; ");
            sb.Append($"{x.ReadsPerInput(t.ActivationBits)} read(s) per {t.ActivationBits}-bit input vector ({x.DacBitsPerRead} bits per read); {F((double)readPs / 1000)} ns per read when pipelined.\n");
        }
        else sb.Append("- No crossbars (the TPU-LLM baseline): every projection weight streams from LPDDR into the systolic array.\n");
        sb.Append($"- Systolic array {s.Rows} x {s.Columns} {s.OperandBits}-bit at {F(t.ClockHz / 1e6)} MHz: {F(2.0 * s.MacsPerCycle * t.ClockHz / 1e9)} GOPS peak (MAC = 2 ops).\n");
        sb.Append($"- LPDDR5: {l.Channels} x{l.ChannelWidthBits} channels at {F(l.DataRateBitsPerSecond / 1e9)} Gbps, {F(l.BytesPerSecond / 1e9)} GB/s peak, {F(l.CapacityBytes / (double)(1L << 30))} GiB; ");
        sb.Append($"{l.Organization.Banks} banks per channel of {l.Organization.RowsPerBank} rows x {l.Organization.BurstsPerRow} bursts of {l.BurstBytes} B.\n");

        sb.Append($"\n### LPDDR5 timing rules of `{t.Name}` (command clocks of {Units.Normalize(l.Timing.TckPs / 1000).ToString(CultureInfo.InvariantCulture)} ns)\n\n");
        sb.Append("Following may issue no earlier than latency after preceding, at the given level (PREA and REFAB touch every bank of the channel).\n\n");
        sb.Append("| rule | level | preceding | following | latency | formula |\n|---|---|---|---|---:|---|\n");
        var commands = Lpddr5Standard.Commands(l.Organization);
        foreach (var r in Lpddr5Standard.Rows(l.Timing))
        {
            var window = r.Window > 1 ? $" (window of {r.Window})" : "";
            string Names(IEnumerable<Lpddr5Command> cs) => string.Join(" ", cs.Select(c => commands[(int)c].Mnemonic));
            sb.Append($"| {r.Name}{window} | {r.Level} | {Names(r.Preceding)} | {Names(r.Following)} | {r.Latency} | `{r.Formula}` |\n");
        }
        return sb.ToString();
    }
}
