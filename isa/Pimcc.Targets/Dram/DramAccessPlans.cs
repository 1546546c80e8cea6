namespace Pimcc.Targets.Dram;

/// <summary>
/// The engine's timing history as one flat array of cycles (its slots), and, for each command and node it addresses,
/// the slots its rules read (each with the rule's latency) and the slots its issue writes: the rule table resolved
/// once per standard, so a probe is a run of "slot + latency, keep the max" and an issue a run of stores, with no
/// rule, level or node arithmetic per command. Shared (read-only) by every engine of the standard.
/// <para>Slots: the last issue of each command to each node of each level; for each group pair (level l, ancestor
/// level s) of <see cref="DramCompiledStandard"/>, the last issue of each command to any l node under each s node;
/// and for each windowed rule's ring node, the oldest of its last Window issues. A command that touches every l node
/// under its s node (an all-bank command at the bank or bank-group level) writes only the group slot: the per-node
/// value would be the same for every node under the ancestor, so per-node reads of that command read the group slot
/// instead, one store in place of one per node. Issues come in cycle order, so a group slot holds the max over its
/// nodes; a covering command's rule reads it in place of every node.</para>
/// </summary>
internal sealed class DramAccessPlans
{
    /// <summary>A slot a rule reads and the rule's latency: the command may issue at state[Slot] + Latency.</summary>
    internal readonly record struct Read(int Slot, int Latency);

    /// <summary>A push onto the ring of one (windowed rule, node): Data its first cycle in the ring store, Size its
    /// window, Head its index in the head array, Oldest the slot that then holds the oldest of the window.</summary>
    internal readonly record struct RingPush(int Data, int Size, int Head, int Oldest);

    public readonly int StateSize, RingDataSize, RingNodes;

    /// <summary>Plan of a command addressed at a bank: [command * banks + bank].</summary>
    public readonly int[] PlanOfBank;

    /// <summary>Reads of plan p: [ReadStart[p], ReadStart[p + 1]), in rule order; ReadRule names each one's rule.</summary>
    public readonly int[] ReadStart, ReadRule;
    public readonly Read[] Reads;

    /// <summary>Slots plan p's issue sets to the issue cycle: [WriteStart[p], WriteStart[p + 1]).</summary>
    public readonly int[] WriteStart, Writes;

    /// <summary>Ring pushes of plan p's issue: [PushStart[p], PushStart[p + 1]).</summary>
    public readonly int[] PushStart;
    public readonly RingPush[] Pushes;

    public DramAccessPlans(DramCompiledStandard c, DramOrganization org)
    {
        var (levels, commands, banks) = (c.Levels, c.Commands, c.Banks);

        // Slot layout: per-level last issues, then group maxima, then ring oldest values.
        var lastBase = new int[levels];
        var size = 0;
        for (var l = 0; l < levels; l++) { lastBase[l] = size; size += org.NodeCount(l) * commands; }
        var groupBase = new int[c.GroupAncestorLevel.Length];
        for (var g = 0; g < groupBase.Length; g++) { groupBase[g] = size; size += org.NodeCount(c.GroupAncestorLevel[g]) * commands; }
        var ringNodeBase = new int[c.RingSize.Length];
        var ringDataBase = new int[c.RingSize.Length];
        var ringNodes = 0;
        var ringData = 0;
        for (var key = 0; key < c.RingSize.Length; key++)
        {
            ringNodeBase[key] = ringNodes;
            ringDataBase[key] = ringData;
            var nodes = org.NodeCount(c.RingLevel[key]);
            ringNodes += nodes;
            ringData += nodes * c.RingSize[key];
        }
        var oldestBase = size;
        size += ringNodes;
        (StateSize, RingDataSize, RingNodes) = (size, ringData, ringNodes);

        // Where the last issue of command p to node n of level l is kept (-1: p never touches level l).
        int SlotOf(int l, int p, int n)
        {
            var count = c.Count[p * levels + l];
            if (count == 0) return -1;
            if (count == 1) return lastBase[l] + n * commands + p;
            var g = c.GroupOf[p * levels + l];
            return groupBase[g] + c.GroupAncestor[g][n] * commands + p;
        }

        var planBase = new int[commands + 1];
        for (var cmd = 0; cmd < commands; cmd++) planBase[cmd + 1] = planBase[cmd] + org.NodeCount(c.ScopeLevel[cmd]);
        var plans = planBase[commands];
        PlanOfBank = new int[commands * banks];
        for (var cmd = 0; cmd < commands; cmd++)
            for (var b = 0; b < banks; b++) PlanOfBank[cmd * banks + b] = planBase[cmd] + c.NodeOf[c.ScopeLevel[cmd] * banks + b];

        var reads = new List<Read>();
        var readRule = new List<int>();
        var writes = new List<int>();
        var pushes = new List<RingPush>();
        ReadStart = new int[plans + 1];
        WriteStart = new int[plans + 1];
        PushStart = new int[plans + 1];
        for (var cmd = 0; cmd < commands; cmd++)
        {
            var k0 = cmd * levels;
            for (var node = 0; node < planBase[cmd + 1] - planBase[cmd]; node++)
            {
                var plan = planBase[cmd] + node;
                var bank = node * c.ScopeBanks[cmd];
                int First(int l) => c.NodeOf[c.Via[k0 + l] * banks + bank] * c.Mul[k0 + l];

                for (var i = c.RuleStart[cmd]; i < c.RuleStart[cmd + 1]; i++)
                {
                    var rule = c.Rules[i];
                    var l = rule.Level;
                    var count = c.Count[k0 + l];
                    if (count == 0) continue;
                    var first = First(l);
                    void Add(int slot)
                    {
                        if (slot < 0) return;
                        reads.Add(new Read(slot, rule.Latency));
                        readRule.Add(i);
                    }
                    if (rule.Sibling)
                    {
                        // The other nodes of the level under the same parent as the ones the command touches.
                        var from = first - first % c.PerParent[l];
                        for (var n = from; n < from + c.PerParent[l]; n++)
                            if (n < first || n >= first + count) Add(SlotOf(l, rule.Preceding, n));
                    }
                    else if (rule.Ring >= 0)
                    {
                        // The oldest of the last Window issues, per node (the preceding command's writes keep it).
                        if (c.Count[rule.Preceding * levels + l] == 0) continue;
                        for (var n = first; n < first + count; n++) Add(oldestBase + ringNodeBase[rule.Ring] + n);
                    }
                    else if (count > 1)
                    {
                        // Every node of the level under the command's scope node: their group maximum.
                        if (c.Count[rule.Preceding * levels + l] == 0) continue;
                        var g = c.GroupOf[k0 + l];
                        Add(groupBase[g] + c.GroupAncestor[g][first] * commands + rule.Preceding);
                    }
                    else Add(SlotOf(l, rule.Preceding, first));
                }
                DropDominated(reads, readRule, ReadStart[plan]);
                ReadStart[plan + 1] = reads.Count;

                var written = new SortedSet<int>();
                for (var l = 0; l < levels; l++)
                {
                    var count = c.Count[k0 + l];
                    if (count == 0) continue;
                    var first = First(l);
                    if (count == 1) written.Add(lastBase[l] + first * commands + cmd);
                    foreach (var g in c.GroupsAt[l])
                    {
                        var ancestors = c.GroupAncestor[g];
                        for (var a = ancestors[first]; a <= ancestors[first + count - 1]; a++) written.Add(groupBase[g] + a * commands + cmd);
                    }
                    var ring = c.RingOf[l * commands + cmd];
                    if (ring < 0) continue;
                    for (var n = first; n < first + count; n++)
                        pushes.Add(new RingPush(ringDataBase[ring] + n * c.RingSize[ring], c.RingSize[ring], ringNodeBase[ring] + n,
                            oldestBase + ringNodeBase[ring] + n));
                }
                writes.AddRange(written);
                WriteStart[plan + 1] = writes.Count;
                PushStart[plan + 1] = pushes.Count;
            }
        }
        Reads = [.. reads];
        ReadRule = [.. readRule];
        Writes = [.. writes];
        Pushes = [.. pushes];

        // The engine reads and writes these slots without bounds checks: every one must lie inside its store.
        if (Reads.Any(r => (uint)r.Slot >= (uint)StateSize) || Writes.Any(w => (uint)w >= (uint)StateSize)
            || Pushes.Any(p => p.Data < 0 || p.Data + p.Size > RingDataSize || (uint)p.Head >= (uint)RingNodes || (uint)p.Oldest >= (uint)StateSize)
            || PlanOfBank.Any(p => (uint)p >= (uint)plans))
            throw new InvalidOperationException("DRAM access plans address outside the engine's state");
    }

    // Of the reads of one slot in a plan (from `from` on), only the one with the largest latency (the first of equals)
    // can set the answer or be the first read to reach it: the others go, the rest keep their order.
    private static void DropDominated(List<Read> reads, List<int> rules, int from)
    {
        var keep = new Dictionary<int, int>();
        for (var i = from; i < reads.Count; i++)
            if (!keep.TryGetValue(reads[i].Slot, out var k) || reads[i].Latency > reads[k].Latency) keep[reads[i].Slot] = i;
        var to = from;
        for (var i = from; i < reads.Count; i++)
        {
            if (keep[reads[i].Slot] != i) continue;
            (reads[to], rules[to]) = (reads[i], rules[i]);
            to++;
        }
        reads.RemoveRange(to, reads.Count - to);
        rules.RemoveRange(to, rules.Count - to);
    }
}
