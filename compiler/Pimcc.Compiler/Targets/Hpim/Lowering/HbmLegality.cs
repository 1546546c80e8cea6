using Pimcc.Isa.Container;
using Pimcc.Isa.Hbm;
using Pimcc.Targets;
using Pimcc.Targets.Dram;
using Pimcc.Targets.Hbm;

namespace Pimcc.Compiler.Targets.Hpim.Lowering;

/// <summary>
/// Replays a channel program command by command (reps expanded) on the shared <see cref="DramTimingEngine"/> (the
/// simulator's engine), each command at the earliest cycle the engine allows: what must hold whatever the timing is (a
/// MAC on an open row of every bank, no activate on an open bank, addresses in range) throws
/// <see cref="DramProtocolViolation"/>. Event waits are taken as already satisfied; refresh is left to the simulator's
/// controller (the engine's refresh deadline is off here).
/// Returns the number of commands issued and the cycle the last one issued at; <c>maxCommands</c> bounds the replay.
/// </summary>
public static class HbmLegality
{
    public static (long Commands, long LastCycle) Check(HpimTarget target, ChannelStream ch, string entry, long maxCommands = long.MaxValue)
    {
        var engine = new HbmChannelTiming(target, enforceRefresh: false);
        var from = ch.Entries.Count == 0 ? 0 : ch.EntryWord(entry) ?? 0;
        var to = ch.Entries.Where(e => e.Word > from).Select(e => e.Word).DefaultIfEmpty(ch.Commands.Count).Min();
        var program = ch.Commands.Skip(from).Take(to - from).ToList();
        var openRow = new int[target.Hbm.Organization.PseudoChannelsPerChannel];
        long now = 0, n = 0;
        foreach (var issued in HbmRepeat.Expand(program, $"channel{ch.Channel}"))
        {
            if (n >= maxCommands) break;
            var op = issued.Command;
            HbmCommand cmd;
            HbmAddress addr;
            switch (op.Mnemonic)
            {
                case "act.ab": cmd = HbmCommand.ActAb; addr = HbmAddress.AllBanks((int)op["pc"], (int)op["row"]); openRow[op["pc"]] = (int)op["row"]; break;
                case "pre.ab": cmd = HbmCommand.PreAb; addr = HbmAddress.AllBanks((int)op["pc"]); break;
                case "mac.ab": cmd = HbmCommand.MacAb; addr = HbmAddress.AllBanks((int)op["pc"], openRow[op["pc"]], (int)op["col"]); break;
                case "gwr": cmd = HbmCommand.WrGb; addr = HbmAddress.AllBanks((int)op["pc"], 0, (int)op["gcol"]); break;
                case "res.rd.ab": cmd = HbmCommand.RdRes; addr = HbmAddress.AllBanks((int)op["pc"]); break;
                case "act": cmd = HbmCommand.Act; addr = new((int)op["pc"], (int)op["bg"], (int)op["ba"], (int)op["row"], 0); break;
                case "pre": cmd = HbmCommand.Pre; addr = new((int)op["pc"], (int)op["bg"], (int)op["ba"], 0, 0); break;
                case "ref": cmd = HbmCommand.Ref; addr = HbmAddress.AllBanks((int)op["pc"]); break;
                default: continue; // res.clr, sig, wait: no DRAM timing
            }
            var probe = engine.Probe(cmd, addr, now);
            if (probe.StateError is not null)
                throw new DramProtocolViolation(HbmCommands.Info(cmd).Mnemonic, addr.ToString(), now, probe);
            engine.Issue(cmd, addr, probe.EarliestCycle);
            now = probe.EarliestCycle;
            n++;
        }
        return (n, now);
    }
}
