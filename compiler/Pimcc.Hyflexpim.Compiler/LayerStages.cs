using Pimcc.Ir;

namespace Pimcc.Hyflexpim.Compiler;

/// <summary>
/// Which pipeline stage (transformer layer, or the head after the last layer) each analog weight and attention op
/// belongs to, read from the decode program: layer i is the i-th attention; its Q/K/V projections come before it, its
/// output projection and MLP after it; linears after the last layer's MLP that are not layer roles (the LM head) form
/// the head stage.
/// </summary>
public sealed record LayerStages(int Layers, IReadOnlyDictionary<string, int> StageOfWeight, IReadOnlyDictionary<string, string> CacheOfLayer)
{
    public int HeadStage => Layers;

    public static LayerStages Of(Module module)
    {
        var body = (module.FindFunction(Module.Decode) ?? module.Functions[0]).Body;
        var attentions = body.Where(o => o.Opcode == "attention").ToList();
        var stageOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var caches = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = -1;
        foreach (var op in body)
        {
            if (op.Opcode == "attention")
            {
                seen++;
                caches[seen.ToString(System.Globalization.CultureInfo.InvariantCulture)] = op.Attrs.StrOr("cache", "");
                continue;
            }
            if (op.Opcode != "linear" || op.Operands[1].Kind != OperandKind.Weight) continue;
            var role = op.Attrs.StrOr("role", "");
            var stage = !HyflexpimAttrs.LayerRoles.Contains(role) ? attentions.Count
                : role is "q_proj" or "k_proj" or "v_proj" ? seen + 1 : Math.Max(seen, 0);
            stageOf.TryAdd(op.Operands[1].Name, Math.Min(stage, attentions.Count));
        }
        return new LayerStages(attentions.Count, stageOf, caches);
    }
}
