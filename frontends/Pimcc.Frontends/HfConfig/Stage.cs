using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// What differs between the two functions of a decoder module (docs/ir.md): prefill runs
/// <c>seq</c> prompt tokens with an empty cache; decode runs one token after <c>kv</c> cached ones.
/// </summary>
internal sealed record Stage(string Name, string InputName, string Symbol, SymExpr Rows, SymExpr Past)
{
    public static readonly Stage Prefill = new(Module.Prefill, "input_ids", "seq", SymExpr.Sym("seq"), SymExpr.Zero);
    public static readonly Stage Decode = new(Module.Decode, "token", "kv", SymExpr.Const(1), SymExpr.Sym("kv"));

    public bool IsPrefill => Name == Module.Prefill;
}
