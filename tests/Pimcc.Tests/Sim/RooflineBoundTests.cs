using Pimcc.Sim;

namespace Pimcc.Tests.Sim;

public class RooflineBoundTests
{
    [Fact]
    public void TheBoundIsTheSlowestResourceAndNamesIt()
    {
        var r = new RooflineBound([new("a", "x / y", 2.0), new("b", "x / z", 5.0), new("c", "w / v", 5.0)]);
        r.BoundS.ShouldBe(5.0);
        r.Limiter.ShouldBe("b");   // first of equals, in declaration order
        r.Seconds("c").ShouldBe(5.0);
        Should.Throw<ArgumentException>(() => r.Seconds("d"));
    }

    [Fact]
    public void HpimDeclaresItsSevenResourcesAndTheReportShowsEach()
    {
        var t = Pimcc.Targets.TargetLoader.As<Pimcc.Targets.HpimTarget>(Pimcc.Targets.TargetLoader.LoadPreset("hpim", []), "hpim");
        var work = new Pimcc.Hpim.Sim.StatVector();
        // hand, from samples/targets/hpim.json: 32 cores x 64 VCU lanes x 1 GHz = 2.048e12 element operations per second.
        work.Add(Pimcc.Hpim.Sim.Counter.VcuOps, 2.048e12);
        var roof = Pimcc.Hpim.Sim.Report.Roofline.For(t, work);
        roof.Resources.Select(x => x.Name).ShouldBe(["hbm-internal", "hbm-external", "core-interfaces", "hbm-pu-compute", "pim-macro-compute", "tcu-compute", "vcu"]);
        roof.Seconds("vcu").ShouldBe(1.0, 1e-12);
        roof.Limiter.ShouldBe("vcu");
    }
}
