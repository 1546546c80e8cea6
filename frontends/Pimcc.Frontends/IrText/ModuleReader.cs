using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using Pimcc.Ir;
using static Pimcc.Frontends.IrText.PimIrParser;

namespace Pimcc.Frontends.IrText;

/// <summary>
/// Builds a <see cref="Module"/> from a parse tree. Checks only what the text itself can get wrong
/// (element type names, base64 data, names defined twice); typing and SSA are the verifier's job.
/// </summary>
internal sealed class ModuleReader(IrTextSource source) : PimIrBaseVisitor<Module>
{
    private readonly AttrValueReader _values = new(source);

    public override Module VisitFile(FileContext ctx) => VisitModule(ctx.module());

    public override Module VisitModule(ModuleContext ctx)
    {
        var attrs = new List<AttrContext>();
        var weights = ImmutableArray.CreateBuilder<Weight>();
        var caches = ImmutableArray.CreateBuilder<KvCache>();
        var functions = ImmutableArray.CreateBuilder<Function>();
        var weightNames = new UniqueNames(source, "weight");
        var cacheNames = new UniqueNames(source, "kv_cache");
        var functionNames = new UniqueNames(source, "func");
        foreach (var item in ctx.moduleItem())
        {
            switch (item)
            {
                case ModuleAttrContext a:
                    attrs.Add(a.attr());
                    break;
                case WeightDeclContext w:
                    weights.Add(new Weight(weightNames.Claim(w.name), _values.Type(w.tensorType()), Data(w.data),
                        _values.Attrs(w.attrDict(), "weight")));
                    break;
                case KvCacheDeclContext c:
                    caches.Add(new KvCache(cacheNames.Claim(c.name), _values.Type(c.tensorType()), _values.Attrs(c.attrDict(), "kv_cache")));
                    break;
                case FuncDeclContext f:
                    functions.Add(Function(f.function(), functionNames));
                    break;
                default:
                    throw new InvalidOperationException($"unhandled module item {item.GetType().Name}");
            }
        }
        return new Module(IrTextLiterals.Name(ctx.name), _values.Attrs(attrs, "module"),
            weights.ToImmutable(), caches.ToImmutable(), functions.ToImmutable());
    }

    private Function Function(FunctionContext ctx, UniqueNames functionNames)
    {
        var name = functionNames.Claim(ctx.name);
        var values = new UniqueNames(source, $"value in func @{name}");
        var parameters = ctx.param().Select(p => new Value(values.Claim(p.VALUE_NAME().Symbol), _values.Type(p.tensorType()))).ToImmutableArray();
        var attrs = _values.Attrs(ctx.attrDict(), "func");
        var body = ctx.operation().Select(op => Operation(op, values)).ToImmutableArray();
        var returns = ctx.returnStmt().operand().Select(Operand).ToImmutableArray();
        return new Function(name, parameters, body, returns, attrs);
    }

    private Operation Operation(OperationContext ctx, UniqueNames values)
    {
        var opcode = ctx.opcode().STRING() is { } quoted ? IrTextLiterals.Unquote(quoted.GetText()) : ctx.opcode().GetText();
        var names = ctx.VALUE_NAME();
        var types = ctx.tensorType();
        if (names.Length != types.Length)
            throw source.Invalid(ctx.opcode().Start, $"{opcode} defines {names.Length} result(s) but declares {types.Length} type(s)",
                "give one type per result, in order");
        var results = names.Select((n, i) => new Value(values.Claim(n.Symbol), _values.Type(types[i]))).ToImmutableArray();
        var operands = ctx.operand().Select(Operand).ToImmutableArray();
        return new Operation(opcode, operands, results, _values.Attrs(ctx.attrDict(), opcode));
    }

    private static Operand Operand(OperandContext ctx) =>
        ctx.VALUE_NAME() is { } v
            ? Ir.Operand.Val(IrTextLiterals.Name(v.Symbol))
            : Ir.Operand.W(IrTextLiterals.Name(ctx.GLOBAL_NAME().Symbol));

    private ImmutableArray<byte> Data(IToken? data)
    {
        if (data is null) return ImmutableArray<byte>.Empty;
        try
        {
            return [.. Convert.FromBase64String(IrTextLiterals.Unquote(data.Text))];
        }
        catch (FormatException)
        {
            throw source.Invalid(data, "weight data is not valid base64", "dense data is the weight's bytes in standard base64 (RFC 4648)");
        }
    }

    /// <summary>Names of one kind in one scope; a second definition is an error at its token.</summary>
    private sealed class UniqueNames(IrTextSource source, string what)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public string Claim(IToken token)
        {
            var name = IrTextLiterals.Name(token);
            if (!_seen.Add(name))
                throw source.Invalid(token, $"{what} '{name}' is defined more than once", "rename one of the definitions");
            return name;
        }
    }
}
