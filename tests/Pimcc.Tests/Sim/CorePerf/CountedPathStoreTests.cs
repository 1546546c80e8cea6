using Pimcc.Sim;

namespace Pimcc.Tests.Sim.CorePerf;

/// <summary>The counted node store of <see cref="CriticalPath"/>: reuse only without references, same figures as <see cref="CriticalPath.Add"/>.</summary>
public class CountedPathStoreTests
{
    [Fact]
    public void ANodeIsReusedOnlyOnceItsLastReferenceIsGone()
    {
        var path = new CriticalPath(null);
        var slot = 0;
        var a = path.AddCounted(0, 10, null, WorkClass.Ffn, 0, null);
        path.Hold(ref slot, a);
        path.Release(a); // the creation reference
        // Still held by the slot (and as the path's last record): a new record gets another node.
        var b = path.AddCounted(10, 20, path.Node(a), WorkClass.Attention, 0, null);
        b.ShouldNotBe(a);
        path.Node(a)!.EndPs.ShouldBe(10);
        path.Release(b);
        // The slot now holds b; a is neither held nor last: the next record reuses its node.
        path.Hold(ref slot, b);
        var c = path.AddCounted(20, 30, path.Node(b), WorkClass.Other, 0, null);
        c.ShouldBe(a);
        path.CountedNodes.ShouldBe(2);
    }

    [Fact]
    public void AReusedNodeCarriesNothingOfItsFormerRecord()
    {
        var path = new CriticalPath(null);
        var a = path.AddCounted(0, 50, null, WorkClass.Ffn, 0, null);
        var b = path.AddCounted(100, 200, path.Node(a), WorkClass.Attention, 0, null);
        path.Release(a);
        path.Release(b); // b stays alive as the path's last record
        var c = path.AddCounted(7, 9, null, WorkClass.Nonlinear, 0, null);
        c.ShouldBe(a);
        var n = path.Node(c)!;
        (n.StartPs, n.EndPs, n.Class).ShouldBe((7L, 9L, WorkClass.Nonlinear));
        for (var k = 0; k < CriticalPath.Classes; k++)
            n.Before[k].ShouldBe(k == (int)WorkClass.Other ? 7.0 : 0.0);
    }

    [Fact]
    public void AnEscapedNodeIsNeverReused()
    {
        var path = new CriticalPath(null);
        var a = path.AddCounted(0, 10, null, WorkClass.Ffn, 0, null);
        var escaped = path.Escape(a);
        path.Release(a);
        for (var i = 0; i < 10; i++)
        {
            var h = path.AddCounted(10 + i, 20 + i, null, WorkClass.Other, 0, null);
            h.ShouldNotBe(a);
            path.Release(h);
        }
        escaped.EndPs.ShouldBe(10);
        escaped.Class.ShouldBe(WorkClass.Ffn);
    }

    [Fact]
    public void CountedAndPlainRecordsGiveTheSameCriticalPath()
    {
        // One chain of records with gaps, overlaps and an early start, added both ways.
        (long S, long E, WorkClass C)[] chain =
            [(0, 10, WorkClass.Ffn), (12, 30, WorkClass.Attention), (25, 26, WorkClass.Other), (40, 90, WorkClass.Nonlinear), (90, 95, WorkClass.Ffn)];
        var plain = new CriticalPath(null);
        var counted = new CriticalPath(null);
        PathNode? p = null;
        var held = 0;
        foreach (var (s, e, c) in chain)
        {
            p = plain.Add(s, e, p, c, 0, null);
            var h = counted.AddCounted(s, e, counted.Node(held), c, 0, null);
            counted.Hold(ref held, h);
            counted.Release(h);
        }
        counted.ByClass(120).ShouldBe(plain.ByClass(120));
        counted.Count.ShouldBe(plain.Count);
        counted.CountedNodes.ShouldBeLessThanOrEqualTo(3);
    }
}
