using Pimcc.Ir;
using Pimcc.Sim.Functional;
using Xunit.Abstractions;

namespace Pimcc.Tests.Functional;

public class ModelCheckProbe(ITestOutputHelper output)
{
    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-gpt2")]
    public void Probe(string name)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var s = CompiledSample.Load(name, 8, 4);
        output.WriteLine($"compile {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var sim = new FunctionalSimulator(s.Binary);
        output.WriteLine($"load {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        int[] prompt = [5, 17, 42, 7, 99, 3, 1, 250];
        sim.Run("decode", new Pimcc.Sim.ProgramRegisters(8, 0, 0), 5);
        output.WriteLine($"first run {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        sim.Run("decode", new Pimcc.Sim.ProgramRegisters(8, 0, 1), 5);
        output.WriteLine($"second run {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var sim2 = new FunctionalSimulator(s.Binary, "x", new FunctionalOptions { CheckInterleavings = false });
        var rr = sim2.Run("decode", new Pimcc.Sim.ProgramRegisters(8, 0, 0), 5);
        output.WriteLine($"run without race check {sw.ElapsedMilliseconds} ms: {rr.CoreInstructions} instructions, {rr.ChannelCommands} commands");
        sw.Restart();
        var clone = sim2.Machine.Clone();
        output.WriteLine($"clone {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        clone.FirstDifference(sim2.Machine).ShouldBeNull();
        output.WriteLine($"compare {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var r = FunctionalGeneration.Run(sim, prompt, 4);
        output.WriteLine($"generation {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var tokens = prompt.Concat(r.Generated.Take(4)).ToList();
        foreach (var (label, m) in new[] { ("fp32", s.Raised), ("fp16", s.Scheduled) })
        {
            Dictionary<int, float[]> want;
            try { want = CompiledSample.ReferenceLogits(m, tokens, 8); }
            catch (Exception e) { output.WriteLine($"{label}: {e.Message}"); continue; }
            for (var i = 0; i < r.Steps.Count; i++)
            {
                var got = r.Steps[i].Logits;
                if (!want.TryGetValue(r.Steps[i].Position, out var w)) continue;
                var abs = got.Zip(w, (a, b) => Math.Abs(a - b)).Max();
                var scale = w.Max(Math.Abs);
                output.WriteLine($"{label} pos {r.Steps[i].Position}: max abs {abs:G4}, max |ref| {scale:G4}, argmax {ReturnedLogits.ArgMax(got)} vs {ReturnedLogits.ArgMax(w)}");
            }
        }
        output.WriteLine($"reference {sw.ElapsedMilliseconds} ms");
        true.ShouldBeTrue();
    }
}
