using Pimcc.Isa.Container;
using Pimcc.Hpim.Sim;

namespace Pimcc.Tests.Sim;

/// <summary>The order in which a batch of independent runs starts (<see cref="RunOrder"/>): largest estimated work first.</summary>
public class RunOrderTests
{
    private const int Prompt = LayerSamplingTests.Prompt, Generated = LayerSamplingTests.Generated;

    /// <summary>12 short layers (hidden 512), compiled once for both classes.</summary>
    private static Lazy<PimBinary> Binary => LayerSamplingTests.Small;

    [Fact]
    public void ProgramWordsSplitTheCoreStreamsAtTheirEntries()
    {
        var bin = Binary.Value;
        var sim = new HpimSimulator(bin, "o.bin");
        long prefill = sim.ProgramWords(ProgramEntries.FromBinary(bin, "prefill")), decode = sim.ProgramWords(ProgramEntries.FromBinary(bin, "decode"));
        (prefill + decode).ShouldBe(bin.Cores.Sum(c => (long)c.Instructions.Count));
        prefill.ShouldBeGreaterThan(decode);
        // A program without entry words starts every core at word 0, here the prefill's entry, and runs to its halt.
        sim.ProgramWords(ProgramEntry.Whole("all")).ShouldBe(prefill);
    }

    [Fact]
    public void AGenerationsFirstBatchStartsWithThePrefillsLargestRun()
    {
        // The batch GenerationRun makes first: prefill, first and last decode step, each at 1, 2 and 3 layers.
        var bin = Binary.Value;
        var sim = new HpimSimulator(bin, "o.bin");
        ProgramEntry prefill = ProgramEntries.FromBinary(bin, "prefill"), decode = ProgramEntries.FromBinary(bin, "decode");
        var batch = new List<ProgramRun>();
        foreach (var (entry, regs) in new[] { (prefill, ProgramRegisters.Prefill(Prompt)), (decode, ProgramRegisters.Decode(Prompt, 0)), (decode, ProgramRegisters.Decode(Prompt, Generated - 1)) })
            for (var l = 1; l <= 3; l++) batch.Add(new ProgramRun(entry, regs, l));
        var order = StartOrder(batch, sim.ProgramWords);
        order.Order().ShouldBe(Enumerable.Range(0, batch.Count));
        order[0].ShouldBe(2);
        // Of one program, more layers first; decode steps of equal layers, the later step (larger kv) first.
        int At(int run) => Array.IndexOf(order, run);
        foreach (var first in new[] { 0, 3, 6 })
        {
            At(first + 2).ShouldBeLessThan(At(first + 1));
            At(first + 1).ShouldBeLessThan(At(first));
        }
        for (var l = 0; l < 3; l++) At(6 + l).ShouldBeLessThan(At(3 + l));
        // With a prefill ten times a decode step's size (OPT-30B's ratio) every prefill run comes first.
        StartOrder(batch, e => e.Name == "prefill" ? 10 : 1).ShouldBe([2, 1, 0, 8, 5, 7, 4, 6, 3]);
        // A whole run counts every declared layer.
        StartOrder([new ProgramRun(decode, ProgramRegisters.Decode(Prompt, 0), 11), new ProgramRun(decode, ProgramRegisters.Decode(Prompt, 0))], sim.ProgramWords)
            .ShouldBe([1, 0]);
    }

    /// <summary>The order one free thread at a time starts <paramref name="runs"/> in: <see cref="RunOrder.Next"/> of
    /// those still queued, as <see cref="RunQueue"/> asks it.</summary>
    private static int[] StartOrder(IReadOnlyList<ProgramRun> runs, Func<ProgramEntry, long> programWords)
    {
        var queued = Enumerable.Range(0, runs.Count).Select(i => (Index: i, Size: RunOrder.Size(runs[i], programWords))).ToList();
        var order = new List<int>();
        for (int next; (next = RunOrder.Next(queued, q => q.Size)) >= 0; queued.RemoveAt(next)) order.Add(queued[next].Index);
        return [.. order];
    }

    [Fact]
    public void EqualEstimatesKeepBatchOrder()
    {
        var entry = ProgramEntry.Whole("p");
        var runs = Enumerable.Range(0, 5).Select(_ => new ProgramRun(entry, new ProgramRegisters(1, 0, 7))).ToList();
        StartOrder(runs, _ => 100).ShouldBe([0, 1, 2, 3, 4]);
    }
}
