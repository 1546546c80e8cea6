using Pimcc.Diagnostics;
using Pimcc.Frontends.IrText;

namespace Pimcc.Tests.IrText;

/// <summary>Malformed textual IR gives one located <see cref="PimccError"/>: the first problem, with its exit code.</summary>
public class ErrorTests
{
    private const string Header = "pimir 1\nmodule @m {\n";

    private static PimccError ParseError(string text) =>
        Should.Throw<PimccError>(() => IrTextParser.Parse(text, "bad.pimir"));

    private static void ShouldFailAt(string text, ExitCode code, string location, string messagePart)
    {
        var e = ParseError(text);
        e.Code.ShouldBe(code, e.OneLine);
        e.Location.ShouldBe(location, e.OneLine);
        e.Message.ShouldContain(messagePart, Case.Sensitive, e.OneLine);
        e.Hint.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void LaterFormatVersionIsUnsupportedEvenIfTheBodyIsForeign() =>
        ShouldFailAt("pimir 2\nsomething only version 2 knows ###\n", ExitCode.UnsupportedVersion, "bad.pimir:1:7", "version 2");

    [Fact]
    public void MissingHeader() =>
        ShouldFailAt("module @m {\n}\n", ExitCode.MalformedInput, "bad.pimir:1:1", "unexpected 'module'; expected 'pimir'");

    [Fact]
    public void EmptyFile() =>
        ShouldFailAt("", ExitCode.MalformedInput, "bad.pimir:1:1", "unexpected end of file; expected 'pimir'");

    [Fact]
    public void MissingCloseParenthesisPointsAtTheColon() =>
        ShouldFailAt(Header + "  func @f(%a: f32[2]) {\n    %b = add(%a, %a : f32[2]\n    return %b\n  }\n}\n",
            ExitCode.MalformedInput, "bad.pimir:4:21", "unexpected ':'; expected ',' or ')'");

    [Fact]
    public void FirstErrorOnlyIsReported() =>
        ShouldFailAt(Header + "  attr x = = 1\n  attr y = = 2\n}\n", ExitCode.MalformedInput, "bad.pimir:3:12", "unexpected '='; expected");

    [Fact]
    public void KeywordsAreNotListedWhereAnyIdentifierFits() =>
        ShouldFailAt(Header + "  attr = 1\n}\n", ExitCode.MalformedInput, "bad.pimir:3:8", "unexpected '='; expected identifier or string");

    [Fact]
    public void UnexpectedCharacter() =>
        ShouldFailAt(Header + "  attr x = 1 # not a comment\n}\n", ExitCode.MalformedInput, "bad.pimir:3:14", "unexpected character '#'");

    [Fact]
    public void UnterminatedString() =>
        ShouldFailAt(Header + "  attr s = \"open\n}\n", ExitCode.MalformedInput, "bad.pimir:3:12", "unterminated string");

    [Fact]
    public void UnterminatedQuotedName() =>
        ShouldFailAt(Header + "  weight @\"w : f32[1]\n}\n", ExitCode.MalformedInput, "bad.pimir:3:10", "unterminated string");

    [Fact]
    public void UnknownEscape() =>
        ShouldFailAt(Header + "  attr s = \"a\\qb\"\n}\n", ExitCode.MalformedInput, "bad.pimir:3:12", "unknown escape");

    [Fact]
    public void SigilAtEndOfFile() =>
        ShouldFailAt("pimir 1\nmodule @", ExitCode.MalformedInput, "bad.pimir:2:8", "'@' must be followed by a name");

    [Fact]
    public void SigilWithoutName() =>
        ShouldFailAt(Header + "  weight @ : f32[1]\n}\n", ExitCode.MalformedInput, "bad.pimir:3:10", "'@' must be followed by a name");

    [Fact]
    public void TextAfterTheModule() =>
        ShouldFailAt("pimir 1\nmodule @m {\n}\nmodule @n {\n}\n", ExitCode.MalformedInput, "bad.pimir:4:1", "unexpected 'module'; expected end of file");

    [Fact]
    public void UnknownElementType() =>
        ShouldFailAt(Header + "  weight @w : f17[2,3]\n}\n", ExitCode.InvalidModel, "bad.pimir:3:15", "unknown element type 'f17'");

    [Fact]
    public void BadBase64() =>
        ShouldFailAt(Header + "  weight @w : f32[1] = dense \"AAA!\"\n}\n", ExitCode.InvalidModel, "bad.pimir:3:30", "base64");

    [Fact]
    public void DuplicateWeight() =>
        ShouldFailAt(Header + "  weight @w : f32[1]\n  weight @w : f32[2]\n}\n", ExitCode.InvalidModel, "bad.pimir:4:10", "weight 'w'");

    [Fact]
    public void DuplicateValueInFunction() =>
        ShouldFailAt(Header + "  func @f(%a: f32[2]) {\n    %a = relu(%a) : f32[2]\n    return %a\n  }\n}\n",
            ExitCode.InvalidModel, "bad.pimir:4:5", "value in func @f 'a'");

    [Fact]
    public void DuplicateFunction() =>
        ShouldFailAt(Header + "  func @f() {\n    return\n  }\n  func @\"f\"() {\n    return\n  }\n}\n",
            ExitCode.InvalidModel, "bad.pimir:6:8", "func 'f'");

    [Fact]
    public void DuplicateAttributeKey() =>
        ShouldFailAt(Header + "  weight @w : f32[1] {k = 1, \"k\" = 2}\n}\n", ExitCode.InvalidModel, "bad.pimir:3:30", "attribute 'k' is given twice");

    [Fact]
    public void IntegerOutOfRange() =>
        ShouldFailAt(Header + "  attr big = 9223372036854775808\n}\n", ExitCode.InvalidModel, "bad.pimir:3:14", "64 bits");

    [Fact]
    public void ExpressionOverflow() =>
        ShouldFailAt(Header + "  attr big = 9223372036854775807+1\n}\n", ExitCode.InvalidModel, "bad.pimir:3:14", "overflows");

    [Fact]
    public void ResultAndTypeCountsDiffer() =>
        ShouldFailAt(Header + "  func @f(%a: f32[2]) {\n    %b, %c = onnx.Split(%a) : f32[1]\n    return %b\n  }\n}\n",
            ExitCode.InvalidModel, "bad.pimir:4:14", "2 result(s) but declares 1 type(s)");

    [Fact]
    public void MissingFileIsInputNotFound()
    {
        var e = Should.Throw<PimccError>(() => IrTextParser.ParseFile(Path.Combine(Path.GetTempPath(), "no-such-dir-pimcc", "x.pimir")));
        e.Code.ShouldBe(ExitCode.InputNotFound);
    }
}

[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public class ConsoleCapture;

/// <summary>ANTLR's default listeners print to the console; ours must not.</summary>
[Collection(nameof(ConsoleCapture))]
public class SilentErrorTests
{
    [Fact]
    public void SyntaxErrorsPrintNothing()
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var captured = new StringWriter();
        Console.SetOut(captured);
        Console.SetError(captured);
        try
        {
            Should.Throw<PimccError>(() => IrTextParser.Parse("pimir 1\nmodule @m {\n  attr x = = 1\n}\n", "a.pimir"));
            Should.Throw<PimccError>(() => IrTextParser.Parse("pimir 1\nmodule @m { # }\n", "b.pimir"));
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
        captured.ToString().ShouldBeEmpty();
    }
}
