using System.Globalization;
using Google.Protobuf;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Proto;

namespace Pimcc.Frontends.Onnx;

/// <summary>
/// Reads an ONNX model file into an <see cref="OnnxModel"/>, validating as it goes. Every
/// problem with the file is a <see cref="PimccError"/> with its own exit code: not a protobuf,
/// truncated, unsupported IR version/opset/operator, external data missing/short/escaping the
/// model's folder, absurd tensor sizes, and dangling or duplicate value names.
/// </summary>
public static class OnnxModelLoader
{
    public static OnnxModel Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new PimccError(ExitCode.InputNotFound, path, $"cannot read the model: {e.Message}", "check the path");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Load(Parse(bytes, path), path, folder);
    }

    /// <summary>Parses the protobuf; tells a cut-off file from one that is not ONNX at all.</summary>
    internal static ModelProto Parse(byte[] bytes, string location)
    {
        if (bytes.Length == 0)
            throw NotOnnx(location, "the file is empty");
        ModelProto proto;
        try
        {
            proto = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e) when (IsTruncation(e) && StartsLikeModelProto(bytes))
        {
            throw new PimccError(ExitCode.TruncatedInput, location,
                $"the file ends in the middle of a protobuf field ({bytes.Length} bytes read)",
                "the model file is incomplete; copy or export it again");
        }
        catch (InvalidProtocolBufferException e)
        {
            throw NotOnnx(location, $"not a protobuf message ({e.Message.TrimEnd('.')})");
        }
        // Arbitrary bytes can happen to parse as unknown fields; an ONNX model has a graph.
        if (!proto.HasIrVersion && proto.Graph is null)
            throw NotOnnx(location, "not an ONNX model (no ir_version, no graph)");
        return proto;
    }

    /// <summary>
    /// Google.Protobuf reports every read past the end of the input through
    /// InvalidProtocolBufferException.TruncatedMessage, whose text is fixed.
    /// </summary>
    private static bool IsTruncation(InvalidProtocolBufferException e) =>
        e.Message.Contains("input ended unexpectedly", StringComparison.Ordinal);

    /// <summary>
    /// Whether the first field tag is one a ModelProto has (with its wire type). Text or other
    /// binary formats usually start with something else, so a file cut off inside a field is
    /// reported as truncated only when it began like an ONNX model.
    /// </summary>
    private static bool StartsLikeModelProto(byte[] bytes)
    {
        uint tag;
        try
        {
            tag = new CodedInputStream(bytes).ReadTag();
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
        var field = WireFormat.GetTagFieldNumber(tag);
        var wire = WireFormat.GetTagWireType(tag);
        return field switch
        {
            ModelProto.IrVersionFieldNumber or ModelProto.ModelVersionFieldNumber => wire == WireFormat.WireType.Varint,
            ModelProto.ProducerNameFieldNumber or ModelProto.ProducerVersionFieldNumber or ModelProto.DomainFieldNumber
                or ModelProto.DocStringFieldNumber or ModelProto.GraphFieldNumber or ModelProto.OpsetImportFieldNumber
                or ModelProto.MetadataPropsFieldNumber => wire == WireFormat.WireType.LengthDelimited,
            _ => false,
        };
    }

    private static PimccError NotOnnx(string location, string message) =>
        new(ExitCode.NotProtobuf, location, message, "pass an .onnx file (binary ModelProto)");

    /// <summary>Validates a parsed model and decodes its tensors; external data resolves against <paramref name="modelFolder"/>.</summary>
    internal static OnnxModel Load(ModelProto proto, string location, string modelFolder)
    {
        var opset = CheckVersions(proto, location);
        if (proto.Graph is null)
            throw OnnxErrors.Invalid(location, "the model has no graph");
        UseCacheBranch.Inline(proto.Graph, location);
        CheckOperators(proto.Graph, location);
        using var external = new ExternalDataFiles(modelFolder);
        var graph = new OnnxGraphReader(location, new OnnxTensorDecoder(location, external)).Read(proto.Graph);
        return new OnnxModel(location, proto.IrVersion, opset, proto.ProducerName, proto.ProducerVersion, graph);
    }

    private static int CheckVersions(ModelProto proto, string location)
    {
        var ir = proto.IrVersion;
        if (!proto.HasIrVersion || ir < OnnxOperatorSet.MinIrVersion || ir > OnnxOperatorSet.MaxIrVersion)
            throw new PimccError(ExitCode.UnsupportedVersion, location,
                proto.HasIrVersion
                    ? $"ONNX IR version {ir.ToString(CultureInfo.InvariantCulture)} is not supported (supported: {OnnxOperatorSet.MinIrVersion}-{OnnxOperatorSet.MaxIrVersion})"
                    : "the model has no ir_version",
                "re-export with a recent exporter (e.g. torch.onnx.export with opset 13-21)");
        var defaults = proto.OpsetImport.Where(o => OnnxOperatorSet.IsDefaultDomain(o.Domain)).ToList();
        if (defaults.Count != 1)
            throw new PimccError(ExitCode.UnsupportedVersion, location,
                defaults.Count == 0 ? "the model imports no default-domain (ai.onnx) opset" : "the model imports the default-domain opset more than once",
                $"re-export with opset {OnnxOperatorSet.MinOpset}-{OnnxOperatorSet.MaxOpset}");
        var version = defaults[0].Version;
        if (version < OnnxOperatorSet.MinOpset || version > OnnxOperatorSet.MaxOpset)
            throw new PimccError(ExitCode.UnsupportedVersion, location,
                $"opset {version.ToString(CultureInfo.InvariantCulture)} is not supported (supported: ai.onnx opsets {OnnxOperatorSet.MinOpset}-{OnnxOperatorSet.MaxOpset})",
                $"re-export with opset_version between {OnnxOperatorSet.MinOpset} and {OnnxOperatorSet.MaxOpset}");
        return (int)version;
    }

    /// <summary>Rejects every node (all named at once, file order) whose (domain, op type) pimcc does not implement,
    /// then every node that lacks an input its operator requires (invalid ONNX, e.g. LayerNormalization without Scale).</summary>
    private static void CheckOperators(GraphProto graph, string location)
    {
        var unsupported = graph.Node.Where(n => !OnnxOperatorSet.IsSupported(n.Domain, n.OpType)).ToList();
        if (unsupported.Count > 0)
        {
            static string Domain(NodeProto n) => OnnxOperatorSet.IsDefaultDomain(n.Domain) ? "ai.onnx" : n.Domain;
            var kinds = unsupported.Select(n => $"'{n.OpType}' of domain '{Domain(n)}'").Distinct().ToList();
            throw new PimccError(ExitCode.UnsupportedOperator, $"{location}: node '{unsupported[0].Name}'",
                $"operator{(kinds.Count > 1 ? "s" : "")} {string.Join(", ", kinds)} {(kinds.Count > 1 ? "are" : "is")} not supported"
                + (unsupported.Count > 1 ? $" ({unsupported.Count} nodes: {string.Join(", ", unsupported.Select(n => $"'{n.Name}' ({n.OpType})"))})" : ""),
                unsupported.All(n => OnnxOperatorSet.IsDefaultDomain(n.Domain))
                    ? "supported operators are listed in docs (OnnxOperatorSet.Operators); re-export without it"
                    : "re-export without custom or contrib operators (plain ai.onnx ops only)");
        }
        var missing = graph.Node.Where(n => n.Input.Take(OnnxOperatorSet.RequiredInputs(n.OpType)).Count(i => i.Length > 0) < OnnxOperatorSet.RequiredInputs(n.OpType)).ToList();
        if (missing.Count > 0)
            throw OnnxErrors.Invalid($"{location}: node '{missing[0].Name}'",
                string.Join("; ", missing.Select(n => $"'{n.Name}' ({n.OpType}) has {n.Input.Count(i => i.Length > 0)} of the {OnnxOperatorSet.RequiredInputs(n.OpType)} inputs its operator requires")));
    }
}
