using System.Text;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Targets;

namespace Pimcc.Tests.Sim;

/// <summary>Hand-assembled test programs with the hpim target (optionally overridden) embedded.</summary>
internal static class SimPrograms
{
    public static HpimTarget Target(params string[] overrides) => TargetLoader.LoadPreset<HpimTarget>("hpim", overrides);

    public static string Header(params string[] overrides)
    {
        var json = Target(overrides).CanonicalJson;
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        var sb = new StringBuilder(".target \"hpim\"\n");
        for (var i = 0; i < b64.Length; i += 96)
            sb.Append(".target_json \"").Append(b64.AsSpan(i, Math.Min(96, b64.Length - i))).Append("\"\n");
        return sb.ToString();
    }

    public static PimBinary Assemble(string body, params string[] overrides) => Assembler.Assemble(Header(overrides) + body, "test.pasm");

    public static ProgramRunResult Run(PimBinary bin, bool fastPath = true, bool keep = false, bool closedFormRefresh = false) =>
        new HpimSimulator(bin, "test.bin", new SimOptions { FastPath = fastPath, KeepActivity = keep, ClosedFormRefresh = closedFormRefresh })
            .Run(ProgramEntry.Whole("test"), new ProgramRegisters(0, 0, 0));

    public static ProgramRunResult Run(string body, params string[] overrides) => Run(Assemble(body, overrides));

    /// <summary>A GEMV tile per row: clear, activate, <paramref name="macs"/> all-bank MACs, precharge, read the results.</summary>
    public static string GemvTile(int rows, int macs, int pc = 0, int core = 0) => $"""
            res.clr pc={pc}
            rep count={rows}, body=5, drow=1, dcol=0, dgcol=0, dladdr=16, dsaddr=16
              act.ab pc={pc}, row=0
              rep count={macs}, body=1, drow=0, dcol=1, dgcol=1, dladdr=0, dsaddr=0
                mac.ab pc={pc}, col=0, gcol=0
              pre.ab pc={pc}
              res.rd.ab pc={pc}, core={core}, laddr=0

        """;

    public static long Ps(HpimTarget t, long nck) => (long)Math.Round(nck * (double)t.Hbm.Timing.TckPs);

    public static long AlignUp(long ps, long cyclePs) => (ps + cyclePs - 1) / cyclePs * cyclePs;
}
