namespace Pimcc.Targets.Dram;

/// <summary>
/// A <see cref="DramStandard"/> compiled for the engine's hot loop: flat arrays indexed by command and level, built
/// once per standard and shared (read-only) by every channel engine of it.
/// </summary>
internal sealed class DramCompiledStandard
{
    /// <summary>A rule as the hot loop reads it; Ring is the ring key of a windowed rule, else -1.</summary>
    internal readonly record struct Rule(int Level, int Preceding, int Latency, int Ring, bool Sibling);

    public readonly int Levels, Commands, Banks, TicksPerClock;

    // Per command: issues on a clock's rising edge only (with ticks shorter than a clock). Per level: nodes per parent.
    public readonly bool[] OnClockEdge;
    public readonly int[] PerParent;

    // Per command: bank effect, column space size (-1 when none), addressed level, banks under the addressed node,
    // banks covered (0 for commands on a node's shared logic).
    public readonly DramBankEffect[] Effect;
    public readonly int[] Columns, ScopeLevel, ScopeBanks, CoveredBanks;

    // Rules sorted by following command: those of command c are [RuleStart[c], RuleStart[c + 1]).
    public readonly int[] RuleStart;
    public readonly Rule[] Rules;
    public readonly string[] RuleText;

    // Nodes a command touches at a level ([command * levels + level]): Count of them from NodeOf[Via * banks + bank]
    // * Mul, where NodeOf[level * banks + bank] is the bank's node at a level.
    public readonly int[] Via, Mul, Count, NodeOf;

    // Windowed rules keep rings of recent issues: RingOf[level * commands + command] is a ring key or -1.
    public readonly int[] RingOf, RingSize, RingLevel;

    // Groups of nodes some command touches all of ([command * levels + level] -> pair, or -1): for each pair (level l,
    // ancestor level s), GroupAncestor[pair][l node] is its s node, GroupAncestorLevel[pair] is s, GroupsAt[l] the pairs
    // at level l. The engine keeps, per pair and ancestor, the last issue of each command (group slots, DramAccessPlans).
    public readonly int[] GroupOf, GroupAncestorLevel;
    public readonly int[][] GroupsAt, GroupAncestor;

    // Levels whose nodes all-bank commands check whole (UniformLevels; per command UniformLevelOf, the index of its
    // scope level there or -1), and [command * UniformLevels.Length + u]: u nodes a command's banks cover whole.
    public readonly int[] UniformLevels, UniformLevelOf, UniformCover;

    // Per bank: its refresh node.
    public readonly int[] RefreshNodeOf;

    /// <summary>The rule table resolved per command and addressed node (what the engine's hot loop runs).</summary>
    public readonly DramAccessPlans Plans;

    public DramCompiledStandard(DramStandard standard)
    {
        var org = standard.Organization;
        Levels = org.Levels.Count;
        Commands = standard.Commands.Count;
        Banks = org.Banks;
        TicksPerClock = standard.Clocking.TicksPerClock;
        OnClockEdge = standard.Commands.Select(c => c.OnClockEdge && TicksPerClock > 1).ToArray();
        PerParent = org.Levels.Select(l => l.CountPerParent).ToArray();

        Effect = new DramBankEffect[Commands];
        Columns = new int[Commands];
        ScopeLevel = new int[Commands];
        ScopeBanks = new int[Commands];
        CoveredBanks = new int[Commands];
        Via = new int[Commands * Levels];
        Mul = new int[Commands * Levels];
        Count = new int[Commands * Levels];
        for (var c = 0; c < Commands; c++)
        {
            var spec = standard.Commands[c];
            var s = spec.ScopeLevel;
            Effect[c] = spec.Effect;
            Columns[c] = spec.ColumnSpace is null ? -1 : spec.Columns;
            ScopeLevel[c] = s;
            ScopeBanks[c] = org.BanksUnder(s);
            CoveredBanks[c] = s == org.BankLevel || spec.CoversBanksBelow ? org.BanksUnder(s) : 0;
            for (var l = 0; l < Levels; l++)
            {
                var k = c * Levels + l;
                if (l <= s) (Via[k], Mul[k], Count[k]) = (l, 1, 1);
                else if (spec.CoversBanksBelow)
                    (Via[k], Mul[k], Count[k]) = (s, org.BanksUnder(s) / org.BanksUnder(l), org.BanksUnder(s) / org.BanksUnder(l));
                else (Via[k], Mul[k], Count[k]) = (0, 0, 0);
            }
        }

        NodeOf = new int[Levels * Banks];
        for (var l = 0; l < Levels; l++)
            for (var b = 0; b < Banks; b++) NodeOf[l * Banks + b] = b / org.BanksUnder(l);

        RingOf = Enumerable.Repeat(-1, Levels * Commands).ToArray();
        var sizes = new List<int>();
        var levels = new List<int>();
        foreach (var r in standard.Rules.Where(r => r.Window > 1))
        {
            var slot = r.Level * Commands + r.Preceding;
            if (RingOf[slot] >= 0) continue;
            RingOf[slot] = sizes.Count;
            sizes.Add(r.Window);
            levels.Add(r.Level);
        }
        RingSize = sizes.ToArray();
        RingLevel = levels.ToArray();

        var sorted = standard.RulesAsIssued.OrderBy(r => r.Following).ToArray(); // stable: table order within a command
        RuleStart = new int[Commands + 1];
        foreach (var r in sorted) RuleStart[r.Following + 1]++;
        for (var c = 0; c < Commands; c++) RuleStart[c + 1] += RuleStart[c];
        Rules = sorted.Select(r => new Rule(r.Level, r.Preceding, r.Latency, r.Window > 1 ? RingOf[r.Level * Commands + r.Preceding] : -1, r.Sibling)).ToArray();
        RuleText = sorted.Select(standard.Describe).ToArray();

        GroupOf = Enumerable.Repeat(-1, Commands * Levels).ToArray();
        var pairs = new List<(int Level, int Ancestor)>();
        for (var c = 0; c < Commands; c++)
            for (var l = 0; l < Levels; l++)
            {
                if (Count[c * Levels + l] <= 1) continue;
                var pair = (l, ScopeLevel[c]);
                var index = pairs.IndexOf(pair);
                if (index < 0) { index = pairs.Count; pairs.Add(pair); }
                GroupOf[c * Levels + l] = index;
            }
        GroupAncestorLevel = pairs.Select(p => p.Ancestor).ToArray();
        GroupAncestor = pairs.Select(p => Enumerable.Range(0, org.NodeCount(p.Level))
            .Select(n => n / (org.BanksUnder(p.Ancestor) / org.BanksUnder(p.Level))).ToArray()).ToArray();
        GroupsAt = Enumerable.Range(0, Levels).Select(l => Enumerable.Range(0, pairs.Count).Where(i => pairs[i].Level == l).ToArray()).ToArray();

        var checkedWhole = Enumerable.Range(0, Commands)
            .Where(c => CoveredBanks[c] > 1 && Effect[c] is DramBankEffect.Open or DramBankEffect.Access or DramBankEffect.Refresh).ToArray();
        UniformLevels = checkedWhole.Select(c => ScopeLevel[c]).Distinct().Order().ToArray();
        UniformLevelOf = Enumerable.Range(0, Commands).Select(c => checkedWhole.Contains(c) ? Array.IndexOf(UniformLevels, ScopeLevel[c]) : -1).ToArray();
        UniformCover = new int[Commands * UniformLevels.Length];
        for (var c = 0; c < Commands; c++)
            for (var u = 0; u < UniformLevels.Length; u++)
            {
                var per = org.BanksUnder(UniformLevels[u]);
                UniformCover[c * UniformLevels.Length + u] = CoveredBanks[c] >= per ? CoveredBanks[c] / per : 0;
            }
        RefreshNodeOf = Enumerable.Range(0, Banks).Select(b => NodeOf[standard.Refresh.Level * Banks + b]).ToArray();

        Plans = new DramAccessPlans(this, org);
    }
}
