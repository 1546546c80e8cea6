namespace Pimcc.Frontends.Onnx;

/// <summary>
/// One operator application. <see cref="Inputs"/> may hold "" for an omitted optional input, as
/// in ONNX. <see cref="Domain"/> is "" for the default (ai.onnx) domain.
/// </summary>
public sealed record OnnxNode(
    string Name,
    string OpType,
    string Domain,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute> Attributes)
{
    public OnnxAttribute? FindAttribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public long GetInt(string name, long fallback) => FindAttribute(name)?.Int ?? fallback;
    public float GetFloat(string name, float fallback) => FindAttribute(name)?.Float ?? fallback;
    public string GetString(string name, string fallback) => FindAttribute(name)?.String ?? fallback;
    public IReadOnlyList<long>? GetInts(string name) => FindAttribute(name)?.Ints;

    /// <summary>The input at <paramref name="index"/>, or "" when absent or omitted.</summary>
    public string InputOrEmpty(int index) => index < Inputs.Count ? Inputs[index] : "";

    /// <summary>"'name' (OpType)" for diagnostics; unnamed nodes show their first output.</summary>
    public string Describe() =>
        $"'{(Name.Length > 0 ? Name : Outputs.FirstOrDefault() ?? "?")}' ({OpType}{(Domain.Length > 0 ? ", domain " + Domain : "")})";
}
