using Google.Protobuf;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Proto;
using static Pimcc.Tests.Onnx.OnnxTestModels;
using DataType = Pimcc.Frontends.Onnx.Proto.TensorProto.Types.DataType;

namespace Pimcc.Tests.Onnx;

/// <summary>Initializer decoding for every supported element type: raw_data, typed fields, external data.</summary>
public sealed class OnnxTensorDecodingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private OnnxTensor LoadW(TensorProto w)
    {
        var path = temp.Write("model.onnx", AddModel().WithInitializer(w).Bytes());
        return OnnxModelLoader.Load(path).Graph.FindInitializer("w")!;
    }

    private static TensorProto Raw(DataType type, byte[] bytes, params long[] dims)
    {
        var t = new TensorProto { DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        t.Dims.Add(dims);
        return t;
    }

    private static TensorProto Int32Field(DataType type, int[] values, params long[] dims)
    {
        var t = new TensorProto { DataType = (int)type };
        t.Dims.Add(dims);
        t.Int32Data.Add(values);
        return t;
    }

    [Fact]
    public void Float_raw_is_little_endian()
    {
        var w = LoadW(Raw(DataType.Float, [0x00, 0x00, 0xC0, 0x3F, 0x00, 0x00, 0x00, 0xC0], 2));
        w.DataType.ShouldBe(OnnxDataType.Float);
        w.Dims.ShouldBe([2L]);
        ((float[])w.Data).ShouldBe([1.5f, -2f]);
    }

    [Fact]
    public void Float16_raw_and_typed_agree()
    {
        // 0x3C00 = 1.0, 0xC100 = -2.5 (IEEE binary16)
        var raw = LoadW(Raw(DataType.Float16, [0x00, 0x3C, 0x00, 0xC1], 2));
        var typed = LoadW(Int32Field(DataType.Float16, [0x3C00, 0xC100], 2));
        raw.ToFloat32().ShouldBe([1f, -2.5f]);
        typed.ToFloat32().ShouldBe([1f, -2.5f]);
        raw.Data.ShouldBeOfType<Half[]>();
    }

    [Fact]
    public void BFloat16_is_the_upper_half_of_float32()
    {
        // 0x3FC0 = 1.5, 0xC000 = -2.0
        var raw = LoadW(Raw(DataType.Bfloat16, [0xC0, 0x3F, 0x00, 0xC0], 2));
        var typed = LoadW(Int32Field(DataType.Bfloat16, [0x3FC0, 0xC000], 2));
        raw.DataType.ShouldBe(OnnxDataType.BFloat16);
        raw.ToFloat32().ShouldBe([1.5f, -2f]);
        typed.ToFloat32().ShouldBe([1.5f, -2f]);
    }

    [Fact]
    public void Int64_raw_and_typed()
    {
        var raw = LoadW(Raw(DataType.Int64, BitConverter.GetBytes(-3L).Concat(BitConverter.GetBytes(1L << 40)).ToArray(), 2));
        raw.ToInt64().ShouldBe([-3L, 1L << 40]);
        var t = new TensorProto { DataType = (int)DataType.Int64 };
        t.Dims.Add([2, 1]);
        t.Int64Data.Add([7L, -9L]);
        var typed = LoadW(t);
        typed.Dims.ShouldBe([2L, 1L]);
        typed.ToInt64().ShouldBe([7L, -9L]);
    }

    [Fact]
    public void Int32_int8_uint8_bool_from_int32_data()
    {
        LoadW(Int32Field(DataType.Int32, [-5, int.MaxValue], 2)).Data.ShouldBe(new[] { -5, int.MaxValue });
        LoadW(Int32Field(DataType.Int8, [-128, 127], 2)).Data.ShouldBe(new sbyte[] { -128, 127 });
        LoadW(Int32Field(DataType.Uint8, [0, 255], 2)).Data.ShouldBe(new byte[] { 0, 255 });
        LoadW(Int32Field(DataType.Bool, [1, 0], 2)).Data.ShouldBe(new[] { true, false });
    }

    [Fact]
    public void Int8_uint8_bool_int32_raw()
    {
        LoadW(Raw(DataType.Int8, [0x80, 0x7F], 2)).Data.ShouldBe(new sbyte[] { -128, 127 });
        LoadW(Raw(DataType.Uint8, [0, 255], 2)).Data.ShouldBe(new byte[] { 0, 255 });
        LoadW(Raw(DataType.Bool, [1, 0], 2)).Data.ShouldBe(new[] { true, false });
        LoadW(Raw(DataType.Int32, [0xFF, 0xFF, 0xFF, 0xFF], 1)).Data.ShouldBe(new[] { -1 });
    }

    [Fact]
    public void Double_raw_and_typed()
    {
        LoadW(Raw(DataType.Double, BitConverter.GetBytes(0.1), 1)).Data.ShouldBe(new[] { 0.1 });
        var t = new TensorProto { DataType = (int)DataType.Double };
        t.Dims.Add(2);
        t.DoubleData.Add([1e300, -0.25]);
        LoadW(t).Data.ShouldBe(new[] { 1e300, -0.25 });
    }

    [Fact]
    public void Scalar_has_no_dims_and_one_element()
    {
        var t = new TensorProto { DataType = (int)DataType.Float };
        t.FloatData.Add(3f);
        var w = LoadW(t);
        w.Dims.ShouldBeEmpty();
        w.ToFloat32().ShouldBe([3f]);
    }

    [Fact]
    public void External_data_reads_offset_and_length()
    {
        var bytes = new byte[24];
        BitConverter.GetBytes(9.5f).CopyTo(bytes, 8);
        BitConverter.GetBytes(-1.25f).CopyTo(bytes, 12);
        temp.Write("sub/weights.bin", bytes);
        var w = LoadW(External("w", DataType.Float, [2], "sub/weights.bin", offset: 8, length: 8));
        w.ToFloat32().ShouldBe([9.5f, -1.25f]);
    }

    [Fact]
    public void External_data_length_must_match_the_tensor()
    {
        temp.Write("weights.bin", new byte[16]);
        var path = temp.Write("model.onnx", AddModel().WithInitializer(External("w", DataType.Float, [2], "weights.bin", length: 12)).Bytes());
        Should.Throw<Pimcc.Diagnostics.PimccError>(() => OnnxModelLoader.Load(path)).Code.ShouldBe(Pimcc.Diagnostics.ExitCode.InvalidModel);
    }

    [Fact]
    public void Typed_field_count_must_match_dims()
    {
        var path = temp.Write("model.onnx", AddModel().WithInitializer(Int32Field(DataType.Int32, [1, 2, 3], 2)).Bytes());
        Should.Throw<Pimcc.Diagnostics.PimccError>(() => OnnxModelLoader.Load(path)).Message.ShouldContain("int32_data has 3 values");
    }

    [Fact]
    public void Constant_node_value_attribute_is_decoded()
    {
        var model = AddModel();
        var value = new TensorProto { DataType = (int)DataType.Int64 };
        value.Dims.Add(3);
        value.Int64Data.Add([4L, 5L, 6L]);
        var constant = Node("c", "Constant", [], ["k"]);
        constant.Attribute.Add(new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = value });
        model.Graph.Node.Insert(0, constant);
        var graph = OnnxModelLoader.Load(temp.Write("model.onnx", model.Bytes())).Graph;
        graph.Nodes[0].FindAttribute("value")!.Tensor!.ToInt64().ShouldBe([4L, 5L, 6L]);
    }
}
