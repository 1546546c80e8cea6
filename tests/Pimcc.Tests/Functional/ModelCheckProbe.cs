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
        var s = CompiledSample.Load(name, 8, 4);
        var sim = new FunctionalSimulator(s.Binary);
        int[] prompt = [5, 17, 42, 7, 99, 3, 1, 250];
        var r = FunctionalGeneration.Run(sim, prompt, 4);
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
        true.ShouldBeTrue();
    }
}
