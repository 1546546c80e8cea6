using Pimcc.Ir;

namespace Pimcc.Compiler.Passes;

/// <summary>Substitutes values for symbols throughout a function: types and expression attributes.</summary>
internal static class SymbolBinding
{
    public static Function Bind(Function f, IReadOnlyDictionary<string, long> bindings)
    {
        Value V(Value v) => v with { Type = T(v.Type) };
        TensorType T(TensorType t) => t with { Shape = [.. t.Shape.Select(d => d.Substitute(bindings))] };
        var symbols = f.Attrs.TryGetValue("symbols", out var s) && s is ListAttr l
            ? l.Items.OfType<StringAttr>().Select(x => x.Value).Where(x => !bindings.ContainsKey(x))
            : [];
        return f with
        {
            Params = [.. f.Params.Select(V)],
            Body = [.. f.Body.Select(op => op with { Results = [.. op.Results.Select(V)], Attrs = Attrs(op.Attrs, bindings) })],
            Attrs = f.Attrs.Set("symbols", AttrValue.Of(symbols)),
        };
    }

    private static AttrMap Attrs(AttrMap attrs, IReadOnlyDictionary<string, long> bindings) =>
        AttrMap.From(attrs.Select(kv => KeyValuePair.Create(kv.Key, Attr(kv.Value, bindings))));

    private static AttrValue Attr(AttrValue v, IReadOnlyDictionary<string, long> bindings) => v switch
    {
        ExprAttr e => new ExprAttr(e.Value.Substitute(bindings)),
        ListAttr l => new ListAttr([.. l.Items.Select(i => Attr(i, bindings))]),
        _ => v,
    };
}
