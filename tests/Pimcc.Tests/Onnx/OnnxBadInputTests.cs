using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Proto;
using static Pimcc.Tests.Onnx.OnnxTestModels;
using DataType = Pimcc.Frontends.Onnx.Proto.TensorProto.Types.DataType;

namespace Pimcc.Tests.Onnx;

/// <summary>Every way an ONNX file can be bad gets its own exit code and a one-line diagnostic.</summary>
public sealed class OnnxBadInputTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private PimccError LoadFails(byte[] bytes, ExitCode expected, string name = "model.onnx")
    {
        var path = temp.Write(name, bytes);
        var error = Should.Throw<PimccError>(() => OnnxModelLoader.Load(path));
        error.Code.ShouldBe(expected, error.OneLine);
        error.OneLine.ShouldNotContain("\n");
        error.OneLine.ShouldStartWith(path);
        return error;
    }

    [Fact]
    public void Valid_add_model_loads() // the base every bad input below is derived from
    {
        var model = OnnxModelLoader.Load(temp.Write("model.onnx", AddModel().Bytes()));
        model.Opset.ShouldBe(17);
        model.Graph.Nodes.Single().OpType.ShouldBe("Add");
        model.Graph.FindInitializer("w")!.ToFloat32().ShouldBe([1.5f, -2f]);
    }

    [Fact]
    public void Missing_file_is_input_not_found() =>
        Should.Throw<PimccError>(() => OnnxModelLoader.Load(Path.Combine(temp.Path, "nope.onnx")))
            .Code.ShouldBe(ExitCode.InputNotFound);

    [Theory]
    [InlineData("")]
    [InlineData("this is a text file, not an ONNX model\n")]
    [InlineData("{\"model_type\": \"opt\"}")]
    public void Text_is_not_protobuf(string text) =>
        LoadFails(System.Text.Encoding.UTF8.GetBytes(text), ExitCode.NotProtobuf);

    [Fact]
    public void Garbage_bytes_are_not_protobuf() =>
        LoadFails([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], ExitCode.NotProtobuf);

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Cut_off_sample_is_truncated(double fraction)
    {
        var bytes = File.ReadAllBytes(RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"));
        LoadFails(bytes[..(int)(bytes.Length * fraction)], ExitCode.TruncatedInput);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(12)]
    public void Unsupported_ir_version(long ir) =>
        LoadFails(AddModel(irVersion: ir).Bytes(), ExitCode.UnsupportedVersion).Message.ShouldContain($"IR version {ir}");

    [Fact]
    public void Missing_ir_version()
    {
        var model = AddModel();
        model.ClearIrVersion();
        LoadFails(model.Bytes(), ExitCode.UnsupportedVersion);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(22)]
    public void Opset_outside_13_to_21(long opset) =>
        LoadFails(AddModel(opset: opset).Bytes(), ExitCode.UnsupportedVersion).Message.ShouldContain($"opset {opset}");

    [Theory]
    [InlineData(13)]
    [InlineData(21)]
    public void Opset_bounds_are_accepted(long opset) =>
        OnnxModelLoader.Load(temp.Write("m.onnx", AddModel(opset: opset).Bytes())).Opset.ShouldBe((int)opset);

    [Fact]
    public void No_default_domain_opset()
    {
        var model = AddModel();
        model.OpsetImport.Clear();
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
        LoadFails(model.Bytes(), ExitCode.UnsupportedVersion);
    }

    [Fact]
    public void Unknown_operator_names_node_op_and_domain()
    {
        var model = AddModel();
        model.Graph.Node.Add(Node("weird_node", "FancyAttention", ["y"], ["z"]));
        var error = LoadFails(model.Bytes(), ExitCode.UnsupportedOperator);
        error.OneLine.ShouldContain("weird_node");
        error.OneLine.ShouldContain("FancyAttention");
        error.OneLine.ShouldContain("ai.onnx");
    }

    [Fact]
    public void Every_unsupported_operator_is_named_at_once()
    {
        var model = AddModel();
        model.Graph.Node.Add(Node("first_fancy", "FancyAttention", ["y"], ["z"]));
        model.Graph.Node.Add(Node("second_fancy", "FancyAttention", ["z"], ["z2"]));
        model.Graph.Node.Add(Node("a_loop", "Loop", ["z2"], ["z3"]));
        var error = LoadFails(model.Bytes(), ExitCode.UnsupportedOperator);
        error.OneLine.ShouldContain("'FancyAttention' of domain 'ai.onnx', 'Loop' of domain 'ai.onnx' are not supported");
        error.OneLine.ShouldContain("3 nodes: 'first_fancy' (FancyAttention), 'second_fancy' (FancyAttention), 'a_loop' (Loop)");
    }

    /// <summary>Regression: a LayerNormalization without its Scale input is invalid ONNX (Scale is required in every
    /// opset that has the operator) and was imported silently.</summary>
    [Fact]
    public void Layer_normalization_without_scale_is_invalid()
    {
        var model = AddModel();
        model.Graph.Node.Add(Node("ln", "LayerNormalization", ["y"], ["z"]));
        model.Graph.Node.Add(Node("where", "Where", ["y", "y"], ["z2"]));
        var error = LoadFails(model.Bytes(), ExitCode.InvalidModel);
        error.OneLine.ShouldContain("'ln' (LayerNormalization) has 1 of the 2 inputs its operator requires");
        error.OneLine.ShouldContain("'where' (Where) has 2 of the 3 inputs");
    }

    [Fact]
    public void Operator_of_unknown_domain_names_the_domain()
    {
        var model = AddModel();
        model.Graph.Node.Add(Node("ms_attn", "Add", ["y", "y"], ["z"], domain: "com.microsoft"));
        var error = LoadFails(model.Bytes(), ExitCode.UnsupportedOperator);
        error.OneLine.ShouldContain("ms_attn");
        error.OneLine.ShouldContain("'Add'");
        error.OneLine.ShouldContain("com.microsoft");
    }

    [Fact]
    public void External_data_file_missing() =>
        LoadFails(AddModel().WithInitializer(External("w", DataType.Float, [2], "weights.bin")).Bytes(), ExitCode.ExternalDataMissing)
            .Message.ShouldContain("weights.bin");

    [Theory]
    [InlineData(0, 7)]   // file shorter than the tensor
    [InlineData(4, 8)]   // offset pushes the read past the end
    public void External_data_too_short(long offset, int fileBytes)
    {
        temp.Write("weights.bin", new byte[fileBytes]);
        LoadFails(AddModel().WithInitializer(External("w", DataType.Float, [2], "weights.bin", offset)).Bytes(), ExitCode.ExternalDataTruncated);
    }

    [Theory]
    [InlineData("../weights.bin")]
    [InlineData("sub/../../weights.bin")]
    [InlineData("..\\weights.bin")]
    [InlineData("/etc/hostname")]
    [InlineData("C:\\weights.bin")]
    public void External_data_path_escaping_the_model_folder(string location)
    {
        // The escaping file exists, so only the path check can stop the read.
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(temp.Path)!, "weights.bin"), new byte[8]);
        LoadFails(AddModel().WithInitializer(External("w", DataType.Float, [2], location)).Bytes(), ExitCode.PathEscapesModelFolder);
    }

    [Theory]
    [InlineData(1L << 40, 1L << 40)]      // overflows 64 bits
    [InlineData(1L << 31, 2)]            // more elements than an array holds
    [InlineData(1L << 61, 1)]            // byte size (x4) overflows
    public void Absurd_dims_are_size_overflow(long d0, long d1)
    {
        var w = new TensorProto { DataType = (int)DataType.Float };
        w.Dims.Add([d0, d1]);
        LoadFails(AddModel().WithInitializer(w).Bytes(), ExitCode.SizeOverflow);
    }

    [Fact]
    public void External_offset_plus_length_overflow_is_size_overflow()
    {
        temp.Write("weights.bin", new byte[8]);
        LoadFails(AddModel().WithInitializer(External("w", DataType.Float, [2], "weights.bin", offset: long.MaxValue - 2)).Bytes(), ExitCode.SizeOverflow);
    }

    [Fact]
    public void Raw_data_of_wrong_length_is_invalid()
    {
        var w = new TensorProto { DataType = (int)DataType.Float, RawData = Google.Protobuf.ByteString.CopyFrom(new byte[12]) };
        w.Dims.Add(2);
        LoadFails(AddModel().WithInitializer(w).Bytes(), ExitCode.InvalidModel).Message.ShouldContain("12 bytes");
    }

    [Fact]
    public void Input_not_defined_before_use_is_invalid()
    {
        var model = AddModel();
        model.Graph.Node[0].Input[1] = "nowhere";
        LoadFails(model.Bytes(), ExitCode.InvalidModel).Message.ShouldContain("nowhere");
    }

    [Fact]
    public void String_tensor_is_unsupported_data_type()
    {
        var w = new TensorProto { DataType = (int)DataType.String };
        w.Dims.Add(1);
        w.StringData.Add(Google.Protobuf.ByteString.CopyFromUtf8("hi"));
        LoadFails(AddModel().WithInitializer(w).Bytes(), ExitCode.UnsupportedDataType).Message.ShouldContain("STRING");
    }

    [Fact]
    public void Sequence_input_is_unsupported_data_type()
    {
        var model = AddModel();
        model.Graph.Input[0].Type = new TypeProto(); // neither a tensor type nor anything pimcc reads
        LoadFails(model.Bytes(), ExitCode.UnsupportedDataType).Message.ShouldContain("only tensor values");
    }

    [Theory]
    [InlineData("w\0eights.bin")]
    [InlineData("")]
    public void Unusable_external_location_is_invalid(string location) =>
        LoadFails(AddModel().WithInitializer(External("w", DataType.Float, [2], location)).Bytes(), ExitCode.InvalidModel);
}
