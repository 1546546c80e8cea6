using System.Collections.Immutable;
using System.Globalization;
using Antlr4.Runtime;
using Pimcc.Ir;
using static Pimcc.Frontends.IrText.PimIrParser;

namespace Pimcc.Frontends.IrText;

/// <summary>Builds attribute values, symbolic expressions and tensor types from their parse trees.</summary>
internal sealed class AttrValueReader(IrTextSource source) : PimIrBaseVisitor<AttrValue>
{
    public override AttrValue VisitFloatValue(FloatValueContext ctx) =>
        // The sign is part of the parsed text so that -0.0 reads back as negative zero.
        new FloatAttr(double.Parse((ctx.MINUS() is null ? "" : "-") + ctx.FLOAT().GetText(), NumberStyles.Float, CultureInfo.InvariantCulture));

    public override AttrValue VisitInfValue(InfValueContext ctx) =>
        new FloatAttr(ctx.MINUS() is null ? double.PositiveInfinity : double.NegativeInfinity);

    public override AttrValue VisitNanValue(NanValueContext ctx) => new FloatAttr(double.NaN);

    public override AttrValue VisitBoolValue(BoolValueContext ctx) => new BoolAttr(ctx.TRUE() is not null);

    public override AttrValue VisitStringValue(StringValueContext ctx) => new StringAttr(IrTextLiterals.Unquote(ctx.STRING().GetText()));

    public override AttrValue VisitListValue(ListValueContext ctx) => new ListAttr([.. ctx.value().Select(Visit)]);

    public override AttrValue VisitExprValue(ExprValueContext ctx) => new ExprAttr(Expr(ctx.expr()));

    /// <summary>A map of attributes; a key given twice is an error (the map could keep only one).</summary>
    public AttrMap Attrs(IEnumerable<AttrContext> attrs, string owner)
    {
        var items = new List<KeyValuePair<string, AttrValue>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in attrs)
        {
            var key = Key(a.key);
            if (!seen.Add(key))
                throw source.Invalid(a.key.Start, $"{owner} attribute '{key}' is given twice", "keep one of the two values");
            items.Add(new(key, Visit(a.value())));
        }
        return AttrMap.From(items);
    }

    public AttrMap Attrs(AttrDictContext? dict, string owner) => dict is null ? AttrMap.Empty : Attrs(dict.attr(), owner);

    public TensorType Type(TensorTypeContext ctx)
    {
        var name = ctx.element.GetText();
        if (!ElementTypes.TryParse(name, out var element))
            throw source.Invalid(ctx.element.Start, $"unknown element type '{name}'",
                $"element types are {string.Join(", ", ElementTypes.Names)}");
        return new TensorType(element, [.. ctx.expr().Select(Expr)]);
    }

    /// <summary>A linear integer expression, summed term by term with overflow checks.</summary>
    public SymExpr Expr(ExprContext ctx)
    {
        var terms = ctx.term();
        var result = Term(terms[0], ctx.neg is not null);
        for (var i = 1; i < terms.Length; i++)
        {
            var term = Term(terms[i], ctx._sign[i - 1].Type == MINUS);
            try
            {
                result += term;
            }
            catch (OverflowException)
            {
                throw source.Invalid(ctx.Start, $"expression '{ctx.GetText()}' overflows a 64-bit integer", "use smaller values");
            }
        }
        return result;
    }

    private SymExpr Term(TermContext ctx, bool negative) => ctx switch
    {
        ConstTermContext c => SymExpr.Const(Integer(c.INT().Symbol, negative)),
        ScaledSymbolTermContext s => SymExpr.Sym(Symbol(s.symbol()), Integer(s.INT().Symbol, negative)),
        SymbolTermContext s => SymExpr.Sym(Symbol(s.symbol()), negative ? -1 : 1),
        _ => throw new InvalidOperationException($"unhandled term {ctx.GetType().Name}"),
    };

    // The sign is parsed with the digits so that long.MinValue is representable.
    private long Integer(IToken digits, bool negative) =>
        long.TryParse((negative ? "-" : "") + digits.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw source.Invalid(digits, $"integer {(negative ? "-" : "")}{digits.Text} does not fit in 64 bits", "use a smaller value");

    private static string Symbol(SymbolContext ctx) =>
        ctx.QUOTED_SYMBOL() is { } quoted ? IrTextLiterals.Name(quoted.Symbol) : ctx.GetText();

    private static string Key(AttrKeyContext ctx) =>
        ctx.STRING() is { } s ? IrTextLiterals.Unquote(s.GetText()) : ctx.GetText();
}
