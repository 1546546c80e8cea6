using Pimcc.Targets;
using Pimcc.Targets.Dram;
using Pimcc.Targets.Hbm;

namespace Pimcc.Tests.Targets;

/// <summary>
/// Property test: random legal command streams issued at the engine's earliest cycle are checked by
/// an independent brute-force reading of the rule rows over the whole history: no rule is ever
/// broken, and each command issues exactly when the last constraint (or the request time) allows.
/// Commands issue either by Probe then Issue or by TryIssueEarliest, which must agree with Probe.
/// Two stack IDs per channel bring in the rule across stack IDs (tCCDR).
/// </summary>
public class HbmRandomSequenceTests
{
    private sealed record Issued(HbmCommand Command, HbmAddress Address, long Cycle);

    [Theory]
    [InlineData(1, false, 1)]
    [InlineData(2, false, 1)]
    [InlineData(3, true, 1)]
    [InlineData(4, true, 1)]
    [InlineData(5, false, 2)]
    [InlineData(6, true, 2)]
    public void RandomStreamsNeverBreakARuleAndIssueAtTheBindingConstraint(int seed, bool powerLimited, int stackIds)
    {
        var target = TargetLoader.LoadPreset<HpimTarget>("hpim",
            [$"hbm.timing.powerLimited={(powerLimited ? "true" : "false")}", $"hbm.stackIdsPerChannel={stackIds}"]);
        var org = target.Hbm.Organization;
        var rules = HbmTimingRules.Standard(target).RulesAsIssued;
        var engine = new HbmChannelTiming(target, enforceRefresh: false);
        var rng = new Random(seed);
        var history = new List<Issued>();
        var commands = Enum.GetValues<HbmCommand>();
        long now = 0;
        var issued = 0;
        var bindings = new HashSet<string>();

        for (var attempt = 0; attempt < 4000 && issued < 400; attempt++)
        {
            // With two stack IDs, half the draws are reads, so reads to the other stack ID follow one another.
            var c = stackIds > 1 && rng.Next(2) == 0 ? HbmCommand.Rd : commands[rng.Next(commands.Length)];
            var a = new HbmAddress(rng.Next(org.PseudoChannelsPerChannel), rng.Next(org.BankGroupsPerPseudoChannel),
                rng.Next(org.BanksPerBankGroup), rng.Next(3), rng.Next(4));
            // Column commands must name the open row to be legal; take it from the engine's state.
            if (c is HbmCommand.Rd or HbmCommand.Wr or HbmCommand.MacSb && engine.OpenRow(a.PseudoChannel, a.BankGroup, a.Bank) is { } open)
                a = a with { Row = open };
            if (c is HbmCommand.MacAb && engine.OpenRow(a.PseudoChannel, 0, 0) is { } openAll)
                a = a with { Row = openAll };

            var probe = engine.Probe(c, a, now);
            engine.Locate(c, a, out var d).ShouldBeNull();
            if (!probe.IsLegalState)
            {
                engine.Engine.TryIssueEarliest((int)c, d, now, out _).ShouldBeFalse();
                continue;
            }

            var (bound, bindingName) = BruteForceEarliest(rules, history, c, a, target);
            probe.EarliestCycle.ShouldBe(Math.Max(Math.Max(now, bound), history.Count > 0 ? history[^1].Cycle : 0),
                $"seed {seed}, command #{issued} {c} {a}");
            if (probe.EarliestCycle == bound && bound > now && bound > (history.Count > 0 ? history[^1].Cycle : 0))
            {
                probe.BindingRule.ShouldStartWith(bindingName + ":");
                bindings.Add(bindingName);
            }

            if (rng.Next(2) == 0) engine.Issue(c, a, probe.EarliestCycle);
            else
            {
                engine.Engine.TryIssueEarliest((int)c, d, now, out var cycle).ShouldBeTrue();
                cycle.ShouldBe(probe.EarliestCycle);
            }
            history.Add(new Issued(c, a, probe.EarliestCycle));
            issued++;
            now = probe.EarliestCycle + rng.Next(3);
        }
        issued.ShouldBeGreaterThan(150);
        history.Select(h => h.Command).Distinct().Count().ShouldBeGreaterThan(8);
        if (stackIds > 1) bindings.ShouldContain("tCCDR");
    }

    // Independent reading of the rules: the latest "previous + latency" over every earlier command
    // that shares the rule's level with this one.
    private static (long Bound, string Rule) BruteForceEarliest(IReadOnlyList<DramTimingRule> rules, List<Issued> history, HbmCommand c, HbmAddress a, HpimTarget t)
    {
        long bound = long.MinValue;
        var name = "";
        foreach (var r in rules.Where(r => r.Following == (int)c))
        {
            var earlier = history.Where(h => (int)h.Command == r.Preceding
                && (r.Sibling ? OnAnotherNode(h.Command, h.Address, c, a, t) : Shares((HbmLevel)r.Level, h.Command, h.Address, c, a, t))).ToList();
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
        if (level is HbmLevel.PseudoChannel) return true;
        var s1 = HbmCommands.Info(c1).Scope;
        var s2 = HbmCommands.Info(c2).Scope;
        if (s1 == HbmCommandScope.PseudoChannel || s2 == HbmCommandScope.PseudoChannel) return false;
        if (s1 == HbmCommandScope.AllBanks || s2 == HbmCommandScope.AllBanks) return true;
        return level switch
        {
            HbmLevel.StackId => StackId(a1, t) == StackId(a2, t),
            HbmLevel.BankGroup => a1.BankGroup == a2.BankGroup,
            _ => a1.BankGroup == a2.BankGroup && a1.Bank == a2.Bank,
        };
    }

    // A rule across stack IDs: the earlier command touched a stack ID of the same pseudo-channel that the later one
    // does not (an all-bank command touches every one; a pseudo-channel command none).
    private static bool OnAnotherNode(HbmCommand c1, HbmAddress a1, HbmCommand c2, HbmAddress a2, HpimTarget t)
    {
        var s1 = HbmCommands.Info(c1).Scope;
        var s2 = HbmCommands.Info(c2).Scope;
        if (a1.PseudoChannel != a2.PseudoChannel || s1 == HbmCommandScope.PseudoChannel || s2 != HbmCommandScope.Bank) return false;
        return s1 == HbmCommandScope.AllBanks ? t.Hbm.Organization.StackIdsPerChannel > 1 : StackId(a1, t) != StackId(a2, t);
    }

    private static int StackId(HbmAddress a, HpimTarget t) => a.BankGroup / t.Hbm.Organization.BankGroupsPerStackId;
}
