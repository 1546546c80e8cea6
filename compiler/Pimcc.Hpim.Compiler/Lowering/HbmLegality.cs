using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;
using Pimcc.Targets;
using Pimcc.Targets.Dram;
using Pimcc.Targets.Hbm;

namespace Pimcc.Hpim.Compiler.Lowering;

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
        var org = target.Hbm.Organization;
        var banksPerPc = org.BanksPerPseudoChannel;
        var openRow = new int[org.PseudoChannelsPerChannel * banksPerPc];
        long now = 0, n = 0;
        var fields = new Dictionary<OpSpec, Fields>(ReferenceEqualityComparer.Instance);
        foreach (var issued in HbmRepeat.Expand(program, $"channel{ch.Channel}"))
        {
            if (n >= maxCommands) break;
            var op = issued.Command;
            // The table's DramCommand column says which protocol command a word is; res.clr, rep, sig and wait have
            // none (no DRAM timing; event waits are taken as satisfied).
            if (op.Spec.DramCommand is not { } cmd) continue;
            if (!fields.TryGetValue(op.Spec, out var f)) fields[op.Spec] = f = Fields.Of(op.Spec);
            int Get(int index) => index < 0 ? 0 : (int)op.Operands[index];
            int pc = Get(f.Pc), bg = Get(f.Bg), ba = Get(f.Ba);
            var bank = pc * banksPerPc + bg * org.BanksPerBankGroup + ba;
            var col = cmd == HbmCommand.WrGb ? Get(f.Gcol) : Get(f.Col);
            // Column commands name no row: they use the row open in their bank (bank 0 of the pCH for all-bank ones);
            // pseudo-channel commands (global buffer, results) touch no bank.
            var info = HbmCommands.Info(cmd);
            var row = info.Scope == HbmCommandScope.PseudoChannel ? 0
                : info.Bus == HbmCommandBus.Column ? openRow[info.Scope == HbmCommandScope.Bank ? bank : pc * banksPerPc]
                : Get(f.Row);
            var addr = info.Scope == HbmCommandScope.Bank ? new HbmAddress(pc, bg, ba, row, col) : HbmAddress.AllBanks(pc, row, col);
            if (cmd is HbmCommand.Act) openRow[bank] = row;
            else if (cmd is HbmCommand.ActAb) Array.Fill(openRow, row, pc * banksPerPc, banksPerPc);
            var probe = engine.Probe(cmd, addr, now);
            if (probe.StateError is not null)
                throw new DramProtocolViolation(HbmCommands.Info(cmd).Mnemonic, addr.ToString(), now, probe);
            engine.Issue(cmd, addr, probe.EarliestCycle);
            now = probe.EarliestCycle;
            n++;
        }
        return (n, now);
    }

    /// <summary>Where a command's address fields sit among its operands (-1: it has none of that name, read as 0).</summary>
    private readonly record struct Fields(int Pc, int Bg, int Ba, int Row, int Col, int Gcol)
    {
        public static Fields Of(OpSpec spec)
        {
            int At(string name)
            {
                for (var i = 0; i < spec.Operands.Count; i++)
                    if (spec.Operands[i].Name == name) return i;
                return -1;
            }
            return new(At("pc"), At("bg"), At("ba"), At("row"), At("col"), At("gcol"));
        }
    }
}
