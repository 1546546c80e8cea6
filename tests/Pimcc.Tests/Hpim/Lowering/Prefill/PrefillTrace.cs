using Pimcc.Isa.Container;

namespace Pimcc.Tests.Hpim.Lowering.Prefill;

/// <summary>One HBM transfer a core issued: mnemonic, channel, in-channel address, bytes, local address, prefetch tag.</summary>
public sealed record HbmTransfer(string Mnemonic, int Channel, long Address, long Bytes, long Local, int Tag);

/// <summary>
/// Runs one core's program from the decoded stream, independently of the compiler: scalar registers, branches and
/// counted loops are executed (a loaded word reads 0), data-path instructions are recorded: every HBM transfer with
/// its register values, and the TCU multiply-accumulates of every <c>tcu.gemm</c> (m x n x k of the latched shape).
/// </summary>
public sealed class PrefillTrace
{
    public List<HbmTransfer> Hbm { get; } = [];
    public long TcuMacs { get; private set; }
    public long Gemms { get; private set; }

    public static PrefillTrace Run(CoreStream core, string entry, long prompt, long maxSteps = 50_000_000)
    {
        var trace = new PrefillTrace();
        var r = new long[32];
        r[28] = prompt;
        long m = 0, n = 0, k = 0;
        var pc = core.EntryWord(entry) ?? throw new InvalidOperationException($"no entry {entry}");
        for (long steps = 0; ; steps++)
        {
            if (steps > maxSteps) throw new InvalidOperationException("core program does not halt");
            var op = core.Instructions[pc];
            var next = pc + 1;
            long R(string name) => r[op[name]];
            void W(long v) { var d = (int)op["rd"]; if (d != 0) r[d] = v & 0xFFFFFFFF; }
            switch (op.Mnemonic)
            {
                case "halt": return trace;
                case "li.lo": W(op["imm"]); break;
                case "li.hi": W((op["imm"] << 16) | (r[op["rd"]] & 0xFFFF)); break;
                case "addi": W(R("rs") + op["imm"]); break;
                case "add": W(R("rs") + R("rt")); break;
                case "sub": W(R("rs") - R("rt")); break;
                case "mul": W(R("rs") * R("rt")); break;
                case "and": W(R("rs") & R("rt")); break;
                case "or": W(R("rs") | R("rt")); break;
                case "shl": W(R("rs") << (int)(R("rt") & 31)); break;
                case "shr": W(R("rs") >> (int)(R("rt") & 31)); break;
                case "min": W(Math.Min(R("rs"), R("rt"))); break;
                case "max": W(Math.Max(R("rs"), R("rt"))); break;
                case "lw": W(0); break;
                case "loop":
                    var c = (int)op["counter"];
                    r[c]--;
                    if (r[c] != 0) next = pc + (int)op["target"];
                    break;
                case "jmp": next = pc + (int)op["target"]; break;
                case "beq" or "bne" or "blt" or "bge":
                    long a = R("a"), b = R("b");
                    var taken = op.Mnemonic switch { "beq" => a == b, "bne" => a != b, "blt" => a < b, _ => a >= b };
                    if (taken) next = pc + (int)op["target"];
                    break;
                case "tcu.shape": (m, n, k) = (R("m"), R("n"), R("k")); break;
                case "tcu.gemm":
                    trace.TcuMacs += m * n * k;
                    trace.Gemms++;
                    break;
                case "hbm.ld" or "hbm.pf":
                    trace.Hbm.Add(new(op.Mnemonic, (int)R("chan"), R("addr"), R("bytes"), R("dst"), op.Mnemonic == "hbm.pf" ? (int)op["tag"] : -1));
                    break;
                case "hbm.st":
                    trace.Hbm.Add(new(op.Mnemonic, (int)R("chan"), R("addr"), R("bytes"), R("src"), -1));
                    break;
            }
            r[0] = 0;
            pc = next;
        }
    }
}
