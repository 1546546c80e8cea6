using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;
using U = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs.Units;

namespace Pimcc.Hyflexpim.Compiler.Passes;

/// <summary>
/// HyFlexPIM's division of work: static-weight linears run on the analog crossbars; attention (Q·Kᵀ, S·V with the KV
/// cache, written at run time) on the digital NOR PIM in INT8; softmax, normalisation, activations and the other
/// element-wise work in FP16 on the SFU; token and position lookups are I/O into the first PU.
/// </summary>
public sealed class HyflexpimMapUnits : Pass
{
    public static readonly Statistic Analog = new("analog-ops", "linears mapped to analog crossbars");
    public static readonly Statistic Digital = new("digital-ops", "attention ops mapped to digital PIM");
    public static readonly Statistic Sfu = new("sfu-ops", "nonlinear and element-wise ops mapped to the SFU");

    public override string Name => "hyflexpim-map-units";
    public override string Summary => "map linears to analog crossbars, attention and the KV cache to digital PIM, nonlinear and element-wise ops to the SFU";
    public override ImmutableArray<Statistic> Statistics => [Analog, Digital, Sfu];
    public override ImmutableArray<string> Requires => [A.Quantized];
    public override ImmutableArray<string> Establishes => [A.UnitsMapped];

    public override Module Run(Module module, PassContext context)
    {
        var functions = module.Functions.Select(f => f.WithBody(f.Body.Select(op =>
        {
            var unit = op.Opcode switch
            {
                "linear" => U.Analog,
                "attention" => U.Digital,
                "embedding" or "position_ids" => U.Io,
                _ => U.Sfu,
            };
            context.Stats.Add(unit switch { U.Analog => Analog, U.Digital => Digital, _ => Sfu }, unit == U.Io ? 0 : 1);
            return op.WithAttr(A.Unit, AttrValue.Of(unit));
        })));
        // The KV cache lives in the digital modules, written in INT8 (paper: Q, K, V in INT8).
        var caches = module.KvCaches.Select(c => c with { Attrs = c.Attrs.Set(A.Unit, U.Digital) });
        return module with { Functions = [.. functions], KvCaches = [.. caches] };
    }
}
