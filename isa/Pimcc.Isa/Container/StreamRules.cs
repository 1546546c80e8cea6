using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;

namespace Pimcc.Isa.Container;

/// <summary>
/// Structural rules on whole streams that single-word decoding cannot see: SRAM branch targets stay inside
/// the stream; HBM <c>rep</c> bodies stay inside the stream and nest properly. Shared by writer and reader so
/// nothing that could not be read back is ever written.
/// </summary>
public static class StreamRules
{
    public static void CheckCoreStream(IReadOnlyList<Op> ops, string location, ExitCode code)
    {
        for (var i = 0; i < ops.Count; i++)
        {
            var spec = ops[i].Spec;
            for (var k = 0; k < spec.Operands.Count; k++)
            {
                if (spec.Operands[k].Kind != FieldKind.Offset)
                    continue;
                var target = i + ops[i].Operands[k];
                if (target < 0 || target >= ops.Count)
                    throw new PimccError(code, $"{location} word {i}",
                        $"'{spec.Mnemonic}' branches to word {target}, outside the stream of {ops.Count} words",
                        "branch targets must be instructions of the same core");
            }
        }
    }

    public static void CheckChannelStream(IReadOnlyList<Op> ops, string location, ExitCode code)
    {
        // Stack of the exclusive end index of every open rep body.
        var open = new Stack<long>();
        for (var i = 0; i < ops.Count; i++)
        {
            while (open.Count > 0 && open.Peek() <= i)
                open.Pop();
            if (ops[i].Spec.Mnemonic != "rep")
                continue;
            var end = i + 1 + ops[i]["body"];
            if (end > ops.Count)
                throw new PimccError(code, $"{location} word {i}",
                    $"rep body of {ops[i]["body"]} commands runs past the end of the stream ({ops.Count} words)", "shorten the body");
            if (open.Count > 0 && end > open.Peek())
                throw new PimccError(code, $"{location} word {i}",
                    $"rep body ends at word {end}, after the enclosing rep body ends at word {open.Peek()}", "nested rep bodies must nest");
            open.Push(end);
        }
    }
}
