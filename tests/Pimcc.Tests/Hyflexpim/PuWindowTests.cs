using Pimcc.Hyflexpim.Compiler.Lowering;
using Pimcc.Hyflexpim.Isa;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// The activation window's allocator (first fit over 256-byte units of the 16 MiB window): a block that no free block
/// holds and that would pass the window's end grows the free block just below the top instead, and the next writer of
/// that space still waits for whoever touched the free block last.
/// </summary>
public class PuWindowTests
{
    private const long Units = HyflexpimFormats.WindowBytes / HyflexpimFormats.BufferUnitBytes; // 65,536

    [Fact]
    public void ABlockPastTheEndGrowsTheFreeBlockBelowTheTopAndKeepsItsLastUsers()
    {
        var w = new PuWindow(0, 0);
        var reader = new Access(new StreamCode(HyflexpimStreams.Sfu, 0), 7);
        w.Allocate(Units - 100, "a").Start.ShouldBe(0);
        var (b, _) = w.Allocate(60, "b");
        b.ShouldBe(Units - 100);
        w.Free(b, 60, [reader]);
        // 80 units: the free block holds 60, the top has 40 left; together they hold it.
        var (c, touched) = w.Allocate(80, "c");
        c.ShouldBe(b);
        touched.ShouldBe([reader]);
        w.HighWater.ShouldBe(Units - 20);
        // 21 more do not fit: refused (the lowering then tries a smaller prompt chunk, or reports it).
        Should.Throw<WindowFullException>(() => w.Allocate(21, "d")).Error.Message.ShouldContain("16 MiB activation window");
        w.Allocate(20, "e").Start.ShouldBe(Units - 20);
    }

    [Fact]
    public void AFreeBlockNotAtTheTopDoesNotGrow()
    {
        var w = new PuWindow(0, 0);
        var (a, _) = w.Allocate(100, "a");
        w.Allocate(Units - 150, "b");
        w.Free(a, 100, []);
        // 200 units: the free block (100 at the bottom) is not below the top, the top has 50 left: refused.
        Should.Throw<WindowFullException>(() => w.Allocate(200, "c"));
    }
}
