namespace Pimcc.Ir;

/// <summary>What an operand names: an SSA value of the enclosing function, or a module weight.</summary>
public enum OperandKind
{
    /// <summary><c>%name</c>: a function parameter or an earlier operation's result.</summary>
    Value,
    /// <summary><c>@name</c>: a module-level weight constant.</summary>
    Weight,
}

/// <summary>A use of a value or weight by name. No pointers: the IR is a tree of immutable records.</summary>
public readonly record struct Operand(OperandKind Kind, string Name)
{
    public static Operand Val(string name) => new(OperandKind.Value, name);
    public static Operand W(string name) => new(OperandKind.Weight, name);

    public override string ToString() => (Kind == OperandKind.Value ? "%" : "@") + IrNames.Quote(Name);
}

/// <summary>An SSA value: a name and its type.</summary>
public sealed record Value(string Name, TensorType Type)
{
    public Operand Use => Operand.Val(Name);

    public override string ToString() => $"%{IrNames.Quote(Name)}: {Type}";
}

/// <summary>Rules for names in the textual IR.</summary>
public static class IrNames
{
    /// <summary>Bare names are [A-Za-z0-9_.$-]+; anything else is printed in double quotes.</summary>
    public static bool IsBare(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$' or '-');

    public static string Quote(string name) => IsBare(name) ? name : StringAttr.Quote(name);

    /// <summary>
    /// Identifiers are [A-Za-z_][A-Za-z0-9_.]*. Attribute keys and opcodes print bare when they are
    /// identifiers: unlike %/@ names they have no sigil, so '-' or a leading digit would read back as
    /// an expression or a number.
    /// </summary>
    public static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') &&
        s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.');

    public static string QuoteIdentifier(string s) => IsIdentifier(s) ? s : StringAttr.Quote(s);

    /// <summary>
    /// Symbols in dimension expressions print bare when they are identifiers other than the value
    /// words (true, false, inf, nan), else as <c>$"name"</c>: a plain string would read back as a
    /// string attribute.
    /// </summary>
    public static string QuoteSymbol(string s) =>
        IsIdentifier(s) && s is not ("true" or "false" or "inf" or "nan") ? s : "$" + StringAttr.Quote(s);
}
