using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Pimcc.Isa.Assembly.Grammar;

namespace Pimcc.Isa.Assembly;

/// <summary>
/// Parses assembly text one line at a time with one lexer, one token stream and one parser reused from line to line
/// (the grammar has no state across lines) into <see cref="AsmLine"/>s. Syntax errors are thrown as
/// <c>MalformedInput</c> at file:line:column.
/// <para>Lines repeat: a disassembly's instruction lines differ mostly in their comments (OPT-30B's 1.74 M lines hold
/// 51 K distinct texts before the comment), so the lines parsed are kept by that text and a repeated one is not parsed
/// again. The key is the line up to its comment (<c>;</c>, which the lexer skips to the end of the line) when no quote
/// comes before it (a <c>;</c> after a quote may be inside a string); a line with a quote there is parsed every time and
/// not kept (<c>.image_data</c>, <c>.target_json</c> and <c>.region</c> lines are distinct anyway). The same text
/// gives the same tokens at the same columns, so a kept line is what parsing it again would give. The first
/// <see cref="MaxKept"/> distinct texts are kept and no more: a text of distinct lines then costs one lookup per line
/// more than parsing alone, not a store turned over (and its lines promoted through the GC's generations) again and
/// again.</para>
/// </summary>
internal sealed class AsmLineParser
{
    public const int MaxKept = 1 << 16;

    private readonly Dictionary<string, AsmLine> _kept = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AsmLine>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly ThrowingErrorListener _listener;
    private readonly PimAsmLexer _lexer = new(new AntlrInputStream(""));
    private readonly CommonTokenStream _tokens;
    private readonly PimAsmParser _parser;

    public AsmLineParser(string fileName)
    {
        _listener = new ThrowingErrorListener(fileName);
        _tokens = new CommonTokenStream(_lexer);
        _parser = new PimAsmParser(_tokens);
        _lexer.RemoveErrorListeners();
        _lexer.AddErrorListener(_listener);
        _parser.RemoveErrorListeners();
        _parser.AddErrorListener(_listener);
        // The grammar is SLL: the faster prediction mode gives the same trees (and disassemblies are large).
        _parser.Interpreter.PredictionMode = PredictionMode.SLL;
        _lookup = _kept.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Line <paramref name="number"/>, whose text is the first <paramref name="length"/> characters of <paramref name="chars"/>.</summary>
    public AsmLine Parse(char[] chars, int length, int number)
    {
        var text = chars.AsSpan(0, length);
        // The first ';' or '"': a comment's start when it is a ';'.
        var first = text.IndexOfAny(';', '"');
        var keyed = first < 0 || text[first] == ';';
        var key = first < 0 ? text : text[..first];
        if (keyed && _lookup.TryGetValue(key, out var kept)) return kept;
        var line = AsmLine.From(Tree(chars, length, number));
        if (keyed && _kept.Count < MaxKept) _lookup[key] = line;
        return line;
    }

    private PimAsmParser.ProgramContext Tree(char[] chars, int length, int number)
    {
        _listener.Line = number;
        _lexer.SetInputStream(new AntlrInputStream(chars, length));
        _tokens.SetTokenSource(_lexer);
        _parser.TokenStream = _tokens;
        return _parser.program();
    }

    private sealed class ThrowingErrorListener(string fileName) : IAntlrErrorListener<IToken>, IAntlrErrorListener<int>
    {
        public int Line { get; set; }

        public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int col, string msg, RecognitionException e) =>
            throw Assembler.Malformed($"{fileName}:{Line}:{col + 1}", msg);

        public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int col, string msg, RecognitionException e) =>
            throw Assembler.Malformed($"{fileName}:{Line}:{col + 1}", msg);
    }
}
