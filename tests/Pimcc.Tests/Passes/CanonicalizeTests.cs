using Pimcc.Ir;
using Pimcc.Tests.Ir;

namespace Pimcc.Tests.Passes;

public class CanonicalizeTests
{
    [Fact]
    public void RemovesIdentityDuplicateAndDeadOpsButKeepsAttention()
    {
        var m = TinyDecoder.Build();
        var f = m.FindFunction(Module.Decode)!;
        var body = f.Body.ToList();
        var h = body.First(o => o.Id == "h").Result;
        // identity reshape of h, used by the next op instead of h
        var reshape = new Operation("reshape", [h.Use], [new Value("h.same", h.Type)], AttrMap.Empty.Set("shape", AttrValue.Of(new long[] { 1, 8 })));
        var hIndex = body.FindIndex(o => o.Id == "h");
        body.Insert(hIndex + 1, reshape);
        var ln = body.FindIndex(o => o.Id == "l0.ln1");
        body[ln] = body[ln] with { Operands = body[ln].Operands.SetItem(0, reshape.Result.Use) };
        // a duplicate of the token embedding, and a dead relu
        var tok = body.First(o => o.Id == "tok");
        body.Add(tok with { Results = [tok.Result with { Name = "tok.dup" }] });
        body.Add(new Operation("relu", [Operand.Val("tok.dup")], [new Value("dead", tok.Result.Type)], AttrMap.Empty));
        var input = m.WithFunction(f.WithBody(body));
        Verifier.Verify(input).ShouldBeEmpty();

        var (result, records) = PassTestKit.Run(input, "canonicalize");

        PassTestKit.Stat(records, "canonicalize", "identities-removed").ShouldBe(1);
        PassTestKit.Stat(records, "canonicalize", "duplicates-merged").ShouldBe(1);
        PassTestKit.Stat(records, "canonicalize", "dead-removed").ShouldBe(1);
        var decode = result.FindFunction(Module.Decode)!;
        decode.Body.ShouldNotContain(o => o.Id == "h.same" || o.Id == "dead" || o.Id == "tok.dup");
        decode.Body.First(o => o.Id == "l0.ln1").Operands[0].ShouldBe(Operand.Val("h"));
        decode.Body.Count(o => o.Opcode == "attention").ShouldBe((int)TinyDecoder.Layers);
    }

    [Fact]
    public void AttentionWithUnusedResultIsKeptBecauseItWritesTheCache()
    {
        var m = TinyDecoder.Build();
        var f = m.FindFunction(Module.Decode)!;
        var attn = f.Body.First(o => o.Opcode == "attention");
        var extra = attn with { Results = [attn.Result with { Name = "attn.unused" }] };
        var (result, _) = PassTestKit.Run(m.WithFunction(f.WithBody(f.Body.Add(extra))), "canonicalize");
        result.FindFunction(Module.Decode)!.Body.ShouldContain(o => o.Id == "attn.unused");
    }
}
