using Pimcc.Compiler.Passes;
using Pimcc.Gpu.Isa;
using Pimcc.Ir;
using Pimcc.Ir.Ops;

namespace Pimcc.Gpu.Compiler;

/// <summary>The operator classes a GPU baseline's time is reported by (the HPIM paper's decode breakdown).</summary>
public enum GpuOperatorClass
{
    Qkv,
    AttentionProjection,
    Ffn,
    Attention,
    LmHead,
    Other,
}

/// <summary>
/// One GPU kernel: the IR operation it comes from, its kernel class (which overhead it is charged), its operator
/// class, and its work as the operator-annotation pass computed it (FLOPs, bytes read + written; decode work is
/// linear in the KV length <c>kv</c>).
/// </summary>
public sealed record GpuKernel(string Op, string Name, KernelClass Kind, GpuOperatorClass Class, SymExpr Flops, SymExpr Bytes, double Share = 1)
{
    /// <summary>FLOPs at the given symbol values (e.g. kv), this kernel's share of its operation's.</summary>
    public double FlopsAt(IReadOnlyDictionary<string, long> bindings) => Flops.Evaluate(bindings) * Share;

    /// <summary>Whether the kernel only moves data (the cost model's class <c>data-movement</c>: gathers, copies, slices).</summary>
    public bool DataMovement { get; init; }

    /// <summary>Bytes the kernel moves beyond its share of the operation's: the attention score matrix, which unfused
    /// kernels write to and read from device memory (the fused IR op never stores it).</summary>
    public SymExpr ScoreBytes { get; init; } = SymExpr.Zero;

    /// <summary>Bytes read and written at the given symbol values: this kernel's share of its operation's, plus its
    /// score-matrix traffic.</summary>
    public double BytesAt(IReadOnlyDictionary<string, long> bindings) => Bytes.Evaluate(bindings) * Share + ScoreBytes.Evaluate(bindings);
}

/// <summary>
/// Maps every IR operation of an annotated function to the kernels a GPU runs for it, as LLMCompass and the PyTorch
/// runs it was calibrated on do: one kernel per linear layer (Q, K and V are three); attention as Q.K^T, softmax and
/// S.V (each matmul takes half the op's FLOPs and bytes: the two products have the same shape; the score matrix
/// passes through device memory between them, <see cref="ScoreMatrixBytes"/>); one kernel per
/// normalisation, per activation and per element-wise op. Data movement (embedding gathers, position ids, last-token
/// selection) runs as element-wise kernels.
/// </summary>
public static class GpuKernelMap
{
    public static IReadOnlyList<GpuKernel> Map(Function function)
    {
        var kernels = new List<GpuKernel>();
        foreach (var op in function.Body)
        {
            if (!op.Attrs.ContainsKey(AnnotateOps.FlopsAttr)) continue;
            var flops = op.Attrs.Expr(AnnotateOps.FlopsAttr);
            var bytes = op.Attrs.Expr(AnnotateOps.BytesAttr);
            switch (op.Opcode)
            {
                case "linear":
                    kernels.Add(new(op.Id, op.Id, KernelClass.Matmul, LinearClass(op.Attrs.StrOr("role", "")), flops, bytes));
                    break;
                case "attention":
                {
                    var scores = ScoreMatrixBytes(op);
                    kernels.Add(new(op.Id, op.Id + ".qk", KernelClass.Matmul, GpuOperatorClass.Attention, flops, bytes, 0.5) { ScoreBytes = scores });
                    kernels.Add(new(op.Id, op.Id + ".softmax", KernelClass.Softmax, GpuOperatorClass.Attention, flops, bytes, 0) { ScoreBytes = scores * 2 });
                    kernels.Add(new(op.Id, op.Id + ".sv", KernelClass.Matmul, GpuOperatorClass.Attention, flops, bytes, 0.5) { ScoreBytes = scores });
                    break;
                }
                case "layer_norm" or "rms_norm":
                    kernels.Add(new(op.Id, op.Id, KernelClass.LayerNorm, GpuOperatorClass.Other, flops, bytes));
                    break;
                case "gelu" or "relu" or "silu":
                    kernels.Add(new(op.Id, op.Id, KernelClass.Gelu, GpuOperatorClass.Ffn, flops, bytes));
                    break;
                default:
                    kernels.Add(new(op.Id, op.Id, KernelClass.Elementwise, GpuOperatorClass.Other, flops, bytes)
                    {
                        DataMovement = op.Attrs.StrOr(AnnotateOps.ClassAttr, "") == OpClass.DataMovement.Name(),
                    });
                    break;
            }
        }
        return kernels;
    }

    /// <summary>
    /// Bytes of one attention op's score matrix: heads x rows x (past + rows) elements of the op's type. Unfused kernels
    /// (PyTorch eager, which LLMCompass's overheads were calibrated on: softmax is a kernel of its own) materialise it
    /// whole, causal masking included: Q.K^T writes it, softmax reads and writes it, S.V reads it.
    /// </summary>
    private static SymExpr ScoreMatrixBytes(Operation op)
    {
        var rows = op.Result.Type.Shape[0];
        var keys = op.Attrs.Expr("past") + rows;
        return rows * keys * (op.Attrs.Int("heads") * (op.Result.Type.Element.Bits() / 8));
    }

    private static GpuOperatorClass LinearClass(string role) => role switch
    {
        "q_proj" or "k_proj" or "v_proj" or "qkv_proj" => GpuOperatorClass.Qkv,
        "out_proj" or "o_proj" => GpuOperatorClass.AttentionProjection,
        "fc1" or "fc2" or "up_proj" or "gate_proj" or "down_proj" or "gate_up_proj" => GpuOperatorClass.Ffn,
        "lm_head" => GpuOperatorClass.LmHead,
        _ => GpuOperatorClass.Other,
    };
}
