using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;

namespace Pimcc.Tests.Sim;

/// <summary>
/// A small prefill + decode program in the abi.md shape: core 0 prefills with the TCU; each decode step hands an
/// activation vector to channel 0 (event 1), runs an attention-like loop over kv positions (r30) on the VCU while
/// channel 0 runs a GEMV tile, then waits for the channel's results (event 2).
/// </summary>
internal static class GenerationPrograms
{
    public const int DecodeCoreEntry = 9;

    public static string Text(int rows = 24) => $"""
        .core 0
        .debug first=0, count=9, op=1, name="l0.ffn.fc1"
            li.lo r1, 64
            tcu.shape r1, r1, r1
            li.lo r2, 0
            li.lo r3, 8192
            li.lo r4, 16384
            tcu.gemm r4, r2, r3, fp16, set
            tcu.gemm r4, r2, r3, fp16, acc
            tcu.gemm r4, r2, r3, fp16, acc
            halt
        .debug first=9, count=4, op=2, name="l0.q"
            li.lo r3, 256
            li.lo r1, 0
            li.lo r2, 8192
            ev.sig 1, 1
        .debug first=13, count=2, op=3, name="l0.attn.softmax"
        kv:
            vexp r2, r1, r3, fp16
            loop r30, kv
            ev.wait 2, 1
            halt
        .channel 0
        .debug first=0, count=9, op=4, name="l0.attn.q_proj"
            wait event=1, count=1
        {SimPrograms.GemvTile(rows, 32)}    sig event=2, count=1
        """;

    public static PimBinary Binary(int rows = 24) => SimPrograms.Assemble(Text(rows));

    public static ProgramEntry Prefill(PimBinary bin) => new("prefill", new Dictionary<int, int> { [0] = 0 },
        new Dictionary<int, (int, int)> { [0] = (0, 0) });

    public static ProgramEntry Decode(PimBinary bin) => new("decode", new Dictionary<int, int> { [0] = DecodeCoreEntry },
        new Dictionary<int, (int, int)> { [0] = (0, bin.Channels[0].Commands.Count) });

    public static GenerationRequest Request(PimBinary bin, int prompt, int tokens, DecodeSampling sampling, int samples = 16) =>
        new(prompt, tokens, Prefill(bin), Decode(bin)) { Sampling = sampling, SampleSteps = samples };
}
