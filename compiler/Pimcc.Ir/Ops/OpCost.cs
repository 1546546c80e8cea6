namespace Pimcc.Ir.Ops;

/// <summary>
/// Work of one operation: floating-point operations (a MAC counts 2) and bytes moved to and from
/// memory (inputs, weights and KV cache read; outputs and KV cache written). Linear in <c>kv</c> for decode.
/// </summary>
public sealed record OpCost(OpClass Class, SymExpr Flops, SymExpr BytesRead, SymExpr BytesWritten)
{
    public SymExpr Bytes => BytesRead + BytesWritten;
}
