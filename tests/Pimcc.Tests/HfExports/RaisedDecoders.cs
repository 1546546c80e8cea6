using System.Security.Cryptography;
using System.Text;
using Pimcc.Ir;

namespace Pimcc.Tests.HfExports;

/// <summary>A raised module with every name taken out: ops (opcode, attributes, result types) in order, values by
/// position, weights by type and a hash of their data. Two exports of one model (with and without the KV cache, or
/// whatever the exporter named its initializers and nodes) raise to the same decoder exactly when these are equal.</summary>
public static class RaisedDecoders
{
    private static readonly HashSet<string> NameAttrs = new(StringComparer.Ordinal) { "onnx_initializer", "source", "cache" };

    public static string Canonical(Module m)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Attrs(m.Attrs));
        var weights = m.Weights.ToDictionary(w => w.Name, StringComparer.Ordinal);
        foreach (var f in m.Functions)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var p in f.Params) index[p.Name] = index.Count;
            sb.Append("func ").Append(f.Name).Append(' ').AppendLine(string.Join(", ", f.Params.Select(p => p.Type)));
            foreach (var op in f.Body)
            {
                var operands = op.Operands.Select(o => o.Kind == OperandKind.Weight
                    ? $"w{weights[o.Name].Type}:{Convert.ToHexString(SHA256.HashData(weights[o.Name].Data.AsSpan()))[..16]}"
                    : $"v{index[o.Name]}");
                sb.Append(op.Opcode).Append('(').Append(string.Join(", ", operands)).Append(") ").Append(Attrs(op.Attrs))
                    .Append(" : ").AppendLine(string.Join(", ", op.Results.Select(r => r.Type)));
                foreach (var r in op.Results) index[r.Name] = index.Count;
            }
            sb.AppendLine("return " + string.Join(", ", f.Returns.Select(r => $"v{index[r.Name]}")));
        }
        return sb.ToString();
    }

    private static string Attrs(AttrMap a) =>
        string.Join(", ", a.Keys.Where(k => !NameAttrs.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{k} = {a[k]}"));
}
