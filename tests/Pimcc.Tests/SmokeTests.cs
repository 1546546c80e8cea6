namespace Pimcc.Tests;

public class SmokeTests
{
    [Fact]
    public void DriverWithNoArgumentsReturnsZero() => Pimcc.Driver.Program.Main([]).ShouldBe(0);
}
