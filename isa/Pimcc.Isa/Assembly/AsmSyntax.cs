using Pimcc.Isa.Assembly.Grammar;

namespace Pimcc.Isa.Assembly;

/// <summary>What a value token of the grammar (<c>value : INT | IDENT | STRING</c>) is.</summary>
internal enum AsmValueKind { Int, Ident, String }

/// <summary>A token's text and its 0-based column in the line.</summary>
internal readonly record struct AsmToken(string Text, int Column);

/// <summary>
/// One operand (<c>(name=IDENT '=')? value</c>): its optional name, its value token and that token's kind. An
/// <see cref="AsmValueKind.Int"/> value's number is parsed once, with the line (null when it does not fit 64 bits).
/// </summary>
internal sealed record AsmOperand(AsmToken? Name, AsmToken Value, AsmValueKind Kind, long? Int);

/// <summary>A directive or an instruction: its head token (<c>.region</c>, <c>li.lo</c>) and its operands.</summary>
internal sealed record AsmStatement(bool IsDirective, AsmToken Head, AsmOperand[] Operands);

/// <summary>
/// One parsed line of assembly text (<c>line : label* statement?</c>), independent of the parser and of the buffer it
/// was read from: the same text always gives the same line, so <see cref="AsmLineParser"/> keeps the lines it has
/// parsed. What a line means (its section, label addresses, operand fields) is the assembler's, not the line's.
/// </summary>
internal sealed record AsmLine(AsmToken[] Labels, AsmStatement? Statement)
{
    /// <summary>The line of a parse tree (the parser reads one line at a time, so a tree holds one line).</summary>
    public static AsmLine From(PimAsmParser.ProgramContext tree)
    {
        var lines = tree.line();
        if (lines.Length != 1)
            throw new InvalidOperationException($"a parsed line holds {lines.Length} lines");
        var line = lines[0];
        var labels = Array.ConvertAll(line.label(), l => Token(l.IDENT().Symbol));
        var st = line.statement();
        if (st is null) return new AsmLine(labels, null);
        var (directive, head, operands) = st.directive() is { } d
            ? (true, d.DIRECTIVE().Symbol, d.operand())
            : (false, st.instruction().IDENT().Symbol, st.instruction().operand());
        return new AsmLine(labels, new AsmStatement(directive, Token(head), Array.ConvertAll(operands, Operand)));
    }

    private static AsmToken Token(Antlr4.Runtime.IToken t) => new(t.Text, t.Column);

    private static AsmOperand Operand(PimAsmParser.OperandContext o)
    {
        var v = o.value();
        var value = Token(v.Start); // a value is one token
        var kind = v.INT() is not null ? AsmValueKind.Int : v.IDENT() is not null ? AsmValueKind.Ident : AsmValueKind.String;
        return new AsmOperand(o.name is { } n ? Token(n) : null, value, kind, kind == AsmValueKind.Int ? AsmText.ParseInt(value.Text) : null);
    }
}
