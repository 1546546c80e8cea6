using Pimcc.Targets;
using Pimcc.Targets.Dram;
using Pimcc.Targets.Hbm;

namespace Pimcc.Tests.Targets;

/// <summary>
/// Property test: random legal command streams issued at the engine's earliest cycle are checked by
/// an independent brute-force reading of the rule rows over the whole history: no rule is ever
/// broken, and each command issues exactly when the last constraint (or the request time) allows.
/// </summary>
public class HbmRandomSequenceTests
{
    private sealed record Issued(HbmCommand Command, HbmAddress Address, long Cycle);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void RandomStreamsNeverBreakARuleAndIssueAtTheBindingConstraint(int seed, bool powerLimited)
    {
        var target = TargetLoader.LoadPreset<HpimTarget>("hpim", [$"hbm.timing.powerLimited={(powerLimited ? "true" : "false")}"]);
        var org = target.Hbm.Organization;
        var rules = HbmTimingRules.Standard(target).RulesAsIssued;
        var engine = new HbmChannelTiming(target, enforceRefresh: false);
        var rng = new Random(seed);
        var history = new List<Issued>();
        var commands = Enum.GetValues<HbmCommand>();
        long now = 0;
        var issued = 0;

        for (var attempt = 0; attempt < 4000 && issued < 400; attempt++)
        {
            var c = commands[rng.Next(commands.Length)];
            var a = new HbmAddress(rng.Next(org.PseudoChannelsPerChannel), rng.Next(org.BankGroupsPerPseudoChannel),
                rng.Next(org.BanksPerBankGroup), rng.Next(3), rng.Next(4));
            // Column commands must name the open row to be legal; take it from the engine's state.
            if (c is HbmCommand.Rd or HbmCommand.Wr or HbmCommand.MacSb && engine.OpenRow(a.PseudoChannel, a.BankGroup, a.Bank) is { } open)
                a = a with { Row = open };
            if (c is HbmCommand.MacAb && engine.OpenRow(a.PseudoChannel, 0, 0) is { } openAll)
                a = a with { Row = openAll };

            var probe = engine.Probe(c, a, now);
            if (!probe.IsLegalState) continue;

            var (bound, bindingName) = BruteForceEarliest(rules, history, c, a, target);
            probe.EarliestCycle.ShouldBe(Math.Max(Math.Max(now, bound), history.Count > 0 ? history[^1].Cycle : 0),
                $"seed {seed}, command #{issued} {c} {a}");
            if (probe.EarliestCycle == bound && bound > now && bound > (history.Count > 0 ? history[^1].Cycle : 0))
                probe.BindingRule.ShouldStartWith(bindingName + ":");

            engine.Issue(c, a, probe.EarliestCycle);
            history.Add(new Issued(c, a, probe.EarliestCycle));
            issued++;
            now = probe.EarliestCycle + rng.Next(3);
        }
        issued.ShouldBeGreaterThan(150);
        history.Select(h => h.Command).Distinct().Count().ShouldBeGreaterThan(8);
    }

    // Independent reading of the rules: the latest "previous + latency" over every earlier command
    // that shares the rule's level with this one.
    private static (long Bound, string Rule) BruteForceEarliest(IReadOnlyList<DramTimingRule> rules, List<Issued> history, HbmCommand c, HbmAddress a, HpimTarget t)
    {
        long bound = long.MinValue;
        var name = "";
        foreach (var r in rules.Where(r => r.Following == (int)c))
        {
            if (r.Sibling) continue; // hpim declares one stack ID: a rule across stack IDs has no other node to bind
            var earlier = history.Where(h => (int)h.Command == r.Preceding && Shares((HbmLevel)r.Level, h.Command, h.Address, c, a, t)).ToList();
            if (r.Window > 1)
            {
                // Per node, the Window-th most recent; all-bank scope does not apply to ACT, so one node.
                if (earlier.Count < r.Window) continue;
                earlier = [earlier[^r.Window]];
            }
            foreach (var h in earlier)
                if (h.Cycle + r.Latency > bound) { bound = h.Cycle + r.Latency; name = r.Name; }
        }
        return (bound, name);
    }

    private static bool Shares(HbmLevel level, HbmCommand c1, HbmAddress a1, HbmCommand c2, HbmAddress a2, HpimTarget t)
    {
        if (level == HbmLevel.Channel) return true;
        if (a1.PseudoChannel != a2.PseudoChannel) return false;
        if (level is HbmLevel.PseudoChannel or HbmLevel.StackId) return true; // one stack ID in hpim
        var s1 = HbmCommands.Info(c1).Scope;
        var s2 = HbmCommands.Info(c2).Scope;
        if (s1 == HbmCommandScope.PseudoChannel || s2 == HbmCommandScope.PseudoChannel) return false;
        if (s1 == HbmCommandScope.AllBanks || s2 == HbmCommandScope.AllBanks) return true;
        return level == HbmLevel.BankGroup ? a1.BankGroup == a2.BankGroup : a1.BankGroup == a2.BankGroup && a1.Bank == a2.Bank;
    }
}
