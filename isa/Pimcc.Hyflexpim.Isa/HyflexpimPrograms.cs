using Pimcc.Isa.Encoding;

namespace Pimcc.Hyflexpim.Isa;

/// <summary>
/// The programs of a hyflexpim binary (docs/hyflexpim-passes.md, "Lowering"): <c>prefill</c> and <c>decode</c> (an
/// encoder's: <c>prefill</c> only). A prompt whose values outgrow a PU's activation window goes through in chunks:
/// <c>prefill-chunk</c> runs at first positions 0, C, 2C, ... (C its tokens), writing the chunk's K and V rows, then
/// <c>prefill</c> takes the rest of the prompt at its first position, like a decode step.
/// </summary>
public static class HyflexpimPrograms
{
    public const string PrefillChunk = "prefill-chunk";

    /// <summary>Tokens one run of a program takes: the token ids it receives from the host (<c>io.row index=token</c>).</summary>
    public static long Tokens(IEnumerable<Op> words)
    {
        var token = HyflexpimFormats.RowIndex.Code("token");
        return words.Where(o => o.Mnemonic == "io.row" && o["index"] == token).Select(o => o["tokens"]).DefaultIfEmpty(0).Max();
    }
}
