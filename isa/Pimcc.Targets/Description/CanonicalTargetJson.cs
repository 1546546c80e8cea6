using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pimcc.Targets.Description;

/// <summary>
/// Canonical rendering of a resolved description: every key in schema order, each value in the
/// key's own unit, exact decimals without trailing zeros, LF line ends. Same description, same
/// bytes, same SHA-256; the output is itself a valid target file.
/// </summary>
public static class CanonicalTargetJson
{
    public static string Render(string name, string kind, string summary, ResolvedParameters parameters)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteString("format", DescriptionFormat.Tag);
            w.WriteString("name", name);
            w.WriteString("kind", kind);
            w.WriteString("summary", summary);
            var open = new List<string>();
            var closed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in parameters.Ordered)
            {
                var segments = p.Key.Split('.');
                var groups = segments[..^1];
                var common = 0;
                while (common < open.Count && common < groups.Length && open[common] == groups[common]) common++;
                while (open.Count > common)
                {
                    closed.Add(string.Join('.', open));
                    open.RemoveAt(open.Count - 1);
                    w.WriteEndObject();
                }
                for (var i = common; i < groups.Length; i++)
                {
                    open.Add(groups[i]);
                    if (closed.Contains(string.Join('.', open)))
                        throw new InvalidOperationException($"schema keys of group '{string.Join('.', open)}' are not contiguous");
                    w.WriteStartObject(groups[i]);
                }
                WriteLeaf(w, segments[^1], p, parameters.Context);
            }
            while (open.Count > 0) { open.RemoveAt(open.Count - 1); w.WriteEndObject(); }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string Sha256Hex(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    private static void WriteLeaf(Utf8JsonWriter w, string name, ResolvedParameter p, UnitContext ctx)
    {
        w.WriteStartObject(name);
        switch (p.Spec.Dimension)
        {
            case Dimension.Boolean: w.WriteBoolean("value", p.Flag); break;
            case Dimension.Choice: w.WriteString("value", p.Word); break;
            default:
                w.WriteNumber("value", Units.Normalize(Units.FromBase(p.Spec.Dimension, p.Number, p.Spec.Unit, ctx)));
                w.WriteString("unit", p.Spec.Unit);
                break;
        }
        w.WriteString("source", p.Source);
        w.WriteEndObject();
    }
}
