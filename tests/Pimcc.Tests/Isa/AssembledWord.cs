using Pimcc.Isa.Assembly;

namespace Pimcc.Tests.Isa;

/// <summary>The encoding check the stream ISAs' tests share: a program whose one stream's first word is the one under
/// test, assembled; that word must encode to the hand-computed bits and decode back to itself.</summary>
internal static class AssembledWord
{
    public static void ShouldEncodeAs(string program, ulong word)
    {
        var s = Assembler.Assemble(program, "t.pasm").Streams.Single();
        s.Kind.Table.Encode(s.Words[0]).ShouldBe(word);
        s.Kind.Table.Decode(word, "t").ShouldBe(s.Words[0]);
    }
}
