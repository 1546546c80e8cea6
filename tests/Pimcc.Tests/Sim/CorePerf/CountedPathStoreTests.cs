using Pimcc.Sim;
using Pimcc.Hpim.Sim;

namespace Pimcc.Tests.Sim.CorePerf;

/// <summary>The counted node store of <see cref="CriticalPath"/>: reuse only of nodes no one holds, same figures as <see cref="CriticalPath.Add"/>.</summary>
public class CountedPathStoreTests
{
    /// <summary>An agent holding some handles.</summary>
    private sealed class Holder : IPathRoots
    {
        public readonly List<int> Held = [];
        public void MarkHeld(CriticalPath path) { foreach (var h in Held) path.Mark(h); }
    }

    // Enough records for the store to look for free nodes several times.
    private const int Many = 20_000;

    [Fact]
    public void HeldNodesSurviveAndTheRestAreReused()
    {
        var path = new CriticalPath(null);
        var holder = new Holder();
        path.AddRoots(holder);
        var kept = path.AddCounted(5, 6, null, WorkClass.Ffn, 0, null);
        holder.Held.Add(kept);
        for (var i = 0; i < Many; i++) path.AddCounted(i, i + 1, null, WorkClass.Other, 0, null);
        var n = path.Node(kept)!;
        (n.StartPs, n.EndPs, n.Class).ShouldBe((5L, 6L, WorkClass.Ffn));
        path.Count.ShouldBe(Many + 1);
        path.CountedNodes.ShouldBeLessThan(Many / 2);
    }

    [Fact]
    public void AnEscapedNodeIsNeverReused()
    {
        var path = new CriticalPath(null);
        var escaped = path.Escape(path.AddCounted(0, 10, null, WorkClass.Ffn, 0, null));
        for (var i = 0; i < Many; i++) path.AddCounted(10 + i, 20 + i, null, WorkClass.Other, 0, null);
        (escaped.StartPs, escaped.EndPs, escaped.Class).ShouldBe((0L, 10L, WorkClass.Ffn));
        path.CountedNodes.ShouldBeLessThan(Many / 2);
    }

    [Fact]
    public void AReusedNodeCarriesNothingOfItsFormerRecord()
    {
        var path = new CriticalPath(null);
        var prev = 0;
        // A chain, so every node has a rich Before.
        for (var i = 0; i < Many; i++) prev = path.AddCounted(10L * i, 10L * i + 5, path.Node(prev), (WorkClass)(i % 6), 0, null);
        var h = path.AddCounted(7, 9, null, WorkClass.Nonlinear, 0, null);
        h.ShouldBeLessThan(Many / 2); // a reused node
        var n = path.Node(h)!;
        (n.StartPs, n.EndPs, n.Class).ShouldBe((7L, 9L, WorkClass.Nonlinear));
        for (var k = 0; k < CriticalPath.Classes; k++)
            n.Before[k].ShouldBe(k == (int)WorkClass.Other ? 7.0 : 0.0);
    }

    [Fact]
    public void CountedAndPlainRecordsGiveTheSameCriticalPath()
    {
        // One chain with gaps, overlaps and early starts, added both ways; the counted one holds only its latest record.
        var plain = new CriticalPath(null);
        var counted = new CriticalPath(null);
        var holder = new Holder { Held = { 0 } };
        counted.AddRoots(holder);
        PathNode? p = null;
        for (var i = 0; i < Many; i++)
        {
            long s = 7L * i - i % 3 * 5, e = s + i % 11;
            var c = (WorkClass)(i * 5 % CriticalPath.Classes);
            p = plain.Add(s, e, p, c, 0, null);
            holder.Held[0] = counted.AddCounted(s, e, counted.Node(holder.Held[0]), c, 0, null);
        }
        counted.ByClass(8L * Many).ShouldBe(plain.ByClass(8L * Many));
        counted.Count.ShouldBe(plain.Count);
        counted.CountedNodes.ShouldBeLessThan(Many / 2);
    }
}
