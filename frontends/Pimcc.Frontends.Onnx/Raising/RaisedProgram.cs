using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// The raised decoder: transformer-level nodes in graph order, the weights they use (ONNX
/// initializers, linear weights transposed to [out, in]), and the node producing the logits.
/// </summary>
internal sealed class RaisedProgram
{
    public List<RaisedNode> Nodes { get; } = [];

    /// <summary>Weights by IR name, in creation order.</summary>
    public List<Weight> Weights { get; } = [];

    public RaisedNode? Output { get; set; }

    /// <summary>The LM head: the output, or what it soft-caps (Gemma 2's final-logit soft-capping).</summary>
    public RaisedNode? Head => Output is { Opcode: "soft_cap" } cap ? (RaisedNode)cap.Inputs[0] : Output;

    /// <summary>Checks of structural values (masks, positions) to repeat at the compiled length, which is known only
    /// once the workload is (<see cref="DecoderEmitter"/>): the raiser samples a few short lengths.</summary>
    public List<LengthCheck> LengthChecks { get; } = [];

    /// <summary>Adds <paramref name="w"/> unless an identical weight of that name exists (a tied or
    /// shared initializer used twice); a different weight under a taken name gets a ".1", ".2" suffix. An
    /// <paramref name="anonymous"/> one (a constant the exporter's folding wrote, <c>onnx::MatMul_N</c>) equal in type
    /// and data to a weight already raised is that weight: a tied LM head folded into a transposed copy of the
    /// embedding is read from the embedding, not stored twice.</summary>
    public string AddWeight(Weight w, bool anonymous = false)
    {
        if (anonymous && Weights.FirstOrDefault(x => x.Type == w.Type && x.Data.AsSpan().SequenceEqual(w.Data.AsSpan())) is { } same)
            return same.Name;
        for (var i = 0; ; i++)
        {
            var name = i == 0 ? w.Name : $"{w.Name}.{i}";
            var existing = Weights.FirstOrDefault(x => x.Name == name);
            if (existing is null)
            {
                Weights.Add(w with { Name = name });
                return name;
            }
            if (existing.Type == w.Type && existing.Data.AsSpan().SequenceEqual(w.Data.AsSpan())) return name;
        }
    }
}

/// <summary>A structural fact (<paramref name="What"/>, established at the node) that must still hold for a
/// sequence of <c>total</c> positions: <paramref name="Holds"/>(total). <paramref name="Square"/>: the check evaluates a
/// [total, total] value (a mask or a bias over positions), so its cost grows with the square of the length.</summary>
internal sealed record LengthCheck(OnnxNode Node, string What, Func<long, bool> Holds, bool Square)
{
    /// <summary>The longest sequence a square check is evaluated at: [8192, 8192] is 2^26 values (a few hundred MB
    /// through the reference interpreter's kernels, seconds); beyond, the raiser cannot confirm the fact.</summary>
    public const long MaxSquareLength = 8192;
}
