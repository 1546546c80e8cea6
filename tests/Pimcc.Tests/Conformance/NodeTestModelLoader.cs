using System.Collections.Immutable;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Proto;

namespace Pimcc.Tests.Conformance;

/// <summary>
/// Loads a node test's model through the ONNX frontend's validating loader, with one documented
/// allowance: some tests were generated at an older opset (or IR version) than the frontend's
/// 13–21 for operators whose semantics did not change since. For those (table below, from the
/// operators' change logs at https://onnx.ai/onnx/operators/) the opset import is raised to 13
/// and the IR version to 7 before validation; everything else loads unchanged.
/// </summary>
internal static class NodeTestModelLoader
{
    /// <summary>Op type -> oldest opset whose definition, for the types the IR has, is the one of opset 13.</summary>
    private static readonly ImmutableSortedDictionary<string, int> UnchangedSince = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
        new KeyValuePair<string, int>[]
        {
            new("Cos", 7), new("Sin", 7),
            new("ConstantOfShape", 9),
            new("Range", 11),
            // Pow-12 -> 13 only adds bfloat16.
            new("Pow", 12),
            // Unsqueeze-11 takes axes as an attribute, which the interpreter also accepts.
            new("Unsqueeze", 11),
        });

    public static OnnxModel Load(string path, string opType, out string? lifted)
    {
        lifted = null;
        var proto = OnnxModelLoader.Parse(File.ReadAllBytes(path), path);
        var opset = proto.OpsetImport.FirstOrDefault(o => OnnxOperatorSet.IsDefaultDomain(o.Domain));
        if (opset is not null && opset.Version < OnnxOperatorSet.MinOpset &&
            UnchangedSince.TryGetValue(opType, out var since) && opset.Version >= since)
        {
            lifted = $"opset {opset.Version} read as {OnnxOperatorSet.MinOpset}";
            opset.Version = OnnxOperatorSet.MinOpset;
            if (proto.IrVersion < OnnxOperatorSet.MinIrVersion) proto.IrVersion = OnnxOperatorSet.MinIrVersion;
        }
        return OnnxModelLoader.Load(proto, path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>
    /// Reads a data-set tensor. The ONNX 1.12 generator stores bfloat16 values as UINT16 bit
    /// patterns; when the graph declares the value BFLOAT16, the bits are read as bfloat16.
    /// </summary>
    public static OnnxTensor ReadTensor(string file, OnnxValueInfo? declared)
    {
        var proto = TensorProto.Parser.ParseFrom(File.ReadAllBytes(file));
        if (proto.DataType == (int)TensorProto.Types.DataType.Uint16 && declared?.ElementType == OnnxDataType.BFloat16)
            proto.DataType = (int)TensorProto.Types.DataType.Bfloat16;
        var folder = Path.GetDirectoryName(file)!;
        using var external = new ExternalDataFiles(folder);
        return new OnnxTensorDecoder(folder, external).Decode(proto, Path.GetFileName(file));
    }
}
