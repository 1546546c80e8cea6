using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// One transformer-level op found in the ONNX graph, not yet tied to a stage. Operands are other
/// nodes, weights (<see cref="WeightRef"/>) or the token ids (<see cref="IdsRef"/>). Attributes that
/// differ between prefill and decode (attention <c>past</c>, position <c>start</c>/<c>count</c>,
/// rotary <c>start</c>) are added when <see cref="DecoderEmitter"/> emits the node for a stage, so
/// one raised program yields both functions. Mutable only while the raiser builds it (a linear
/// absorbs its bias Add; roles are assigned afterwards).
/// </summary>
internal sealed class RaisedNode(string opcode, IReadOnlyList<object> inputs, AttrMap attrs, string name)
{
    public string Opcode { get; } = opcode;
    public List<object> Inputs { get; } = [.. inputs];
    public AttrMap Attrs { get; set; } = attrs;
    public string Name { get; set; } = name;

    /// <summary>Width of the last axis of the result (hidden, vocab, n·d).</summary>
    public long Width { get; init; }

    /// <summary>The ONNX nodes this op replaces (for the report).</summary>
    public List<string> Sources { get; } = [];

    public IEnumerable<RaisedNode> NodeInputs => Inputs.OfType<RaisedNode>();

    public override string ToString() => $"{Opcode} {Name}";
}

/// <summary>A module weight used as an operand.</summary>
internal sealed record WeightRef(string Name);

/// <summary>The function's token-id parameter (<c>input_ids</c> / <c>token</c>).</summary>
internal sealed record IdsRef
{
    public static readonly IdsRef Instance = new();
}
