using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Pimcc.Isa.Assembly.Grammar;

namespace Pimcc.Isa.Assembly;

/// <summary>
/// Parses assembly text one line at a time with one lexer, one token stream and one parser reused from line to line
/// (the grammar has no state across lines). A line's tree is valid until the next line is parsed: the input it was
/// lexed from is the reader's line buffer. Syntax errors are thrown as <c>MalformedInput</c> at file:line:column.
/// </summary>
internal sealed class AsmLineParser
{
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
    }

    /// <summary>The tree of line <paramref name="number"/>, whose text is the first <paramref name="length"/>
    /// characters of <paramref name="chars"/>.</summary>
    public PimAsmParser.ProgramContext Parse(char[] chars, int length, int number)
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
