namespace Pimcc.Driver.Help;

/// <summary>
/// How one command is typed: its usage lines and real examples, as <c>--help</c> prints them.
/// Notation: UPPERCASE words are placeholders, <c>[...]</c> is optional, <c>a|b</c> (or <c>--a X | --b Y</c> inside
/// brackets) is a choice, the first being the default; <c>[options]</c> stands for the options listed below it.
/// </summary>
/// <param name="Path">The command's words after <c>pimcc</c> ("" for the compile command, "targets show").</param>
public sealed record CommandUsage(string Path, IReadOnlyList<string> Usage, IReadOnlyList<string> Examples);

/// <summary>
/// Every command's usage and examples, in one table. The examples run against the bundled samples: a test
/// (UsageExamplesTests) runs them all in this order in one scratch folder, so a later example may read a file an
/// earlier one wrote (out.bin, tiny-opt.bin, tiny-opt.pasm), and each must exit 0.
/// </summary>
public static class UsageTable
{
    public static IReadOnlyList<CommandUsage> All { get; } =
    [
        new("",
            ["pimcc MODEL [--target NAME | --target-config FILE] [-o FILE] [--emit bin|ir] [--prompt-tokens N] [--gen-tokens M] [--set KEY=VALUE] [options]"],
            ["pimcc samples/hf-configs/opt-125m.json --target hpim -o out.bin",
             "pimcc samples/onnx/tiny-opt.onnx --prompt-tokens 8 --gen-tokens 8 -o tiny-opt.bin"]),
        new("sim",
            ["pimcc sim BINARY [--format text|json|csv|html] [-o REPORT] [--trace TRACE.json] [--trace-window START:END] [options]",
             "pimcc sim BINARY --functional --tokens IDS [--gen-tokens N] [--logits LOGITS.json] [options]"],
            ["pimcc sim out.bin --format html -o report.html",
             "pimcc sim tiny-opt.bin --functional --tokens 1,2,3 --gen-tokens 4"]),
        new("run",
            ["pimcc run MODEL [--target NAME | --target-config FILE] [--prompt-tokens N] [--gen-tokens M] [--format text|json|csv|html] [-o REPORT] [options]",
             "pimcc run MODEL [--target NAME | --target-config FILE] --baseline NAME [--format text|json] [-o COMPARISON] [options]"],
            ["pimcc run samples/hf-configs/opt-125m.json --target hpim --prompt-tokens 128 --gen-tokens 128",
             "pimcc run samples/hf-configs/gpt2.json --set hbm.stacks=2 --format csv -o gpt2.csv",
             "pimcc run samples/hf-configs/opt-125m.json --target hpim --prompt-tokens 16 --gen-tokens 4 --format json -o hpim.json",
             "pimcc run samples/hf-configs/opt-125m.json --target a100 --prompt-tokens 16 --gen-tokens 4 --format json -o a100.json",
             "pimcc run samples/hf-configs/opt-125m.json --target hpim --prompt-tokens 16 --gen-tokens 4 --baseline a100"]),
        new("compare",
            ["pimcc compare BASELINE REPORT... [--format text|json] [-o COMPARISON]"],
            ["pimcc compare a100.json hpim.json"]),
        new("check",
            ["pimcc check MODEL.onnx [--target NAME | --target-config FILE] [--tokens IDS] [--gen-tokens N] [--binary BINARY] [options]"],
            ["pimcc check samples/onnx/tiny-opt.onnx --tokens 1,2,3",
             "pimcc check samples/onnx/tiny-opt.onnx --binary tiny-opt.bin --gen-tokens 2"]),
        new("eval",
            ["pimcc eval MODEL.onnx --target NAME --tokens-file FILE [--slc-fraction F] [--importance FILE] [--weights binary|ternary] [--draws N] [--seed N] [--format text|json] [-o FILE] [options]"],
            ["pimcc eval samples/onnx/fortunes-gpt2-svd.onnx --target hyflexpim --slc-fraction 0.1 --tokens-file samples/eval/fortunes-heldout.tokens --draws 1",
             "pimcc eval samples/onnx/fortunes-gpt2.onnx --target pimllm --tokens-file samples/eval/fortunes-heldout.tokens --format json -o eval.json"]),
        new("sweep",
            ["pimcc sweep MODEL... [--target NAME|FILE.json]... [--workload P:G]... [--set KEY=V1,V2]... [--FLAG V1,V2]... [-j J] [--checkpoint DIR] [--format csv|json|html] [-o TABLE] [options]",
             "pimcc sweep MODEL... [--target NAME|FILE.json]... [--workload P:G]... [--set KEY=V1,V2]... --jobs-dir DIR"],
            ["pimcc sweep samples/hf-configs/gpt2.json samples/hf-configs/opt-125m.json --workload 64:64 --set hbm.stacks=2,4 -o sweep.csv",
             "pimcc sweep samples/onnx/tiny-opt.onnx --target hpim --target samples/targets/hpim-1stack.json --format json -o sweep.json",
             "pimcc sweep samples/hf-configs/gpt2.json --workload 16:8 --set sram.cores=8,16 --checkpoint sweep-points --format html -o sweep.html"]),
        new("sweep merge",
            ["pimcc sweep merge TABLE.json... [--format csv|json|html] [-o TABLE]"],
            ["pimcc sweep merge sweep.json -o merged.csv"]),
        new("disasm",
            ["pimcc disasm BINARY [--section NAME | --list] [-o FILE]"],
            ["pimcc disasm tiny-opt.bin --list",
             "pimcc disasm tiny-opt.bin -o tiny-opt.pasm"]),
        new("asm",
            ["pimcc asm FILE.pasm -o BINARY"],
            ["pimcc asm tiny-opt.pasm -o reassembled.bin"]),
        new("targets",
            ["pimcc targets"],
            ["pimcc targets"]),
        new("targets show",
            ["pimcc targets show NAME|FILE.json [--set KEY=VALUE]"],
            ["pimcc targets show hpim --set hbm.stacks=2",
             "pimcc targets show samples/targets/hpim-1stack.json"]),
        new("passes",
            ["pimcc passes [--target NAME|FILE.json] [--set KEY=VALUE]"],
            ["pimcc passes",
             "pimcc passes --target hpim"]),
    ];

    /// <summary>The entry of the command at <paramref name="path"/>, or null.</summary>
    public static CommandUsage? Find(string path) => All.FirstOrDefault(u => u.Path == path);
}
