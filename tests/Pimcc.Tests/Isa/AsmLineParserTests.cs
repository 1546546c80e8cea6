using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;

namespace Pimcc.Tests.Isa;

/// <summary>
/// The assembler keeps the lines it has parsed by their text before the comment (<see cref="AsmLineParser"/>): a kept
/// line must be exactly what parsing it again gives, and what a line means (its section, its labels, where an error is
/// reported) must still come from where it stands.
/// </summary>
public class AsmLineParserTests
{
    private const string Header = ".target \"hpim\"\n.target_json \"e30=\"\n";

    private static AsmLine Parse(AsmLineParser parser, string text, int number = 1) => parser.Parse(text.ToCharArray(), text.Length, number);

    [Fact]
    public void ALineRepeatedWithAnotherCommentIsTheLineParsedBefore()
    {
        var parser = new AsmLineParser("t.pasm");
        var first = Parse(parser, "    li.lo r5, 0x10          ; 8955: 0x10280080");
        var again = Parse(parser, "    li.lo r5, 0x10          ; 9000: 0x10280080", 2);
        again.ShouldBeSameAs(first);
        var fresh = Parse(new AsmLineParser("t.pasm"), "    li.lo r5, 0x10");
        fresh.Statement!.Head.ShouldBe(first.Statement!.Head);
        fresh.Statement.Operands.ShouldBe(first.Statement.Operands);
        first.Statement.Head.ShouldBe(new AsmToken("li.lo", 4));
        first.Statement.Operands[1].ShouldBe(new AsmOperand(null, new AsmToken("0x10", 14), AsmValueKind.Int, 16));
    }

    [Fact]
    public void TextThatDiffersBeforeTheCommentIsParsedAgain()
    {
        var parser = new AsmLineParser("t.pasm");
        var a = Parse(parser, "  li.lo r5, 16 ; x");
        var b = Parse(parser, "   li.lo r5, 16 ; x");
        b.ShouldNotBeSameAs(a);
        b.Statement!.Head.Column.ShouldBe(3);
        Parse(parser, "  li.lo r5, 17 ; x").Statement!.Operands[1].Int.ShouldBe(17);
    }

    [Fact]
    public void ASemicolonAfterAQuoteIsNotTakenForAComment()
    {
        var parser = new AsmLineParser("t.pasm");
        var a = Parse(parser, ".entry \"a;b\"");
        var b = Parse(parser, ".entry \"a;c\"");
        a.Statement!.Operands[0].Value.Text.ShouldBe("\"a;b\"");
        b.Statement!.Operands[0].Value.Text.ShouldBe("\"a;c\"");
        var bin = Assembler.Assemble(Header + ".core 0\n.entry \"a;b\"\n  halt\n.core 1\n.entry \"a;c\" ; c\n  halt\n", "t.pasm");
        bin.Core(0)!.Entries.Single().Name.ShouldBe("a;b");
        bin.Core(1)!.Entries.Single().Name.ShouldBe("a;c");
    }

    [Fact]
    public void MoreDistinctLinesThanAreKeptStillParseToTheirOwnText()
    {
        var parser = new AsmLineParser("t.pasm");
        for (var i = 0; i < AsmLineParser.MaxKept + 10; i++)
            Parse(parser, $"  li.lo r{i % 32}, {i % 65536} ; {i}", i + 1).Statement!.Operands[1].Int.ShouldBe(i % 65536);
        Parse(parser, "  li.lo r3, 3").Statement!.Operands[0].Value.Text.ShouldBe("r3");
    }

    [Fact]
    public void AKeptLineMeansWhatItsSectionMakesIt()
    {
        // The same text is a core instruction in .core 0 and an unknown mnemonic in .channel 0: reported at its own line.
        var e = Should.Throw<PimccError>(() => Assembler.Assemble(Header + ".core 0\n  li.lo r1, 5 ; a\n  halt\n.channel 0\n  li.lo r1, 5 ; b\n", "t.pasm"));
        e.Location.ShouldBe("t.pasm:7:3", e.OneLine);
        e.Message.ShouldContain("mnemonic 'li.lo'");
    }

    [Fact]
    public void AnErrorInARepeatedLineIsReportedWhereItStands()
    {
        var e = Should.Throw<PimccError>(() => Assembler.Assemble(Header + ".core 0\ntop: nop ; 1\n  nop\ntop: nop ; 2\n", "t.pasm"));
        e.Location.ShouldBe("t.pasm:6:1", e.OneLine);
        e.Message.ShouldContain("defined twice");
        var range = Should.Throw<PimccError>(() => Assembler.Assemble(Header + ".core 0\n  li.lo r1, 99999999999999999999 ; 1\n", "t.pasm"));
        range.Code.ShouldBe(ExitCode.OperandOutOfRange);
        range.Location.ShouldBe("t.pasm:4:13", range.OneLine);
    }

    [Fact]
    public void RepeatedLinesAssembleToTheWordsOfEachLine()
    {
        var ops = Assembler.Assemble(Header + ".core 0\n  li.lo r2, 4 ; 0\ntop: addi r2, r2, 1 ; 1\n  li.lo r2, 4 ; 2\n  loop r2, top ; 3\n  halt\n", "t.pasm").Core(0)!.Instructions;
        // li.lo: opcode 0x10, rd in bits 23-19, the immediate from bit 3 (as li.lo r2, 0x10 is 0x10100080).
        SramIsa.Table.Encode(ops[0]).ShouldBe(0x10100020UL);
        ops[2].ShouldBe(ops[0]);
        ops[3]["target"].ShouldBe(-2);
        ops.Select(o => o.Mnemonic).ShouldBe(["li.lo", "addi", "li.lo", "loop", "halt"]);
    }
}
