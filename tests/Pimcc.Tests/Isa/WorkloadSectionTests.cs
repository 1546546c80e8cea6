using System.Buffers.Binary;
using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;

namespace Pimcc.Tests.Isa;

/// <summary>The container's workload section (format 1.4): what the binary was compiled for.</summary>
public class WorkloadSectionTests
{
    private const string Program = """
        .target "hpim"
        .target_json "e30="
        .workload prompt=16, generated=8, positions=24, model="tiny-opt", programs="prefill,decode"
        .core 0
        .entry prefill
            halt
        .entry decode
            halt
        """;

    [Fact]
    public void TheWorkloadRoundTripsThroughTheContainerAndTheAssembly()
    {
        var bin = Assembler.Assemble(Program, "w.pasm");
        bin.Workload.ShouldBe(new CompiledWorkload(16, 8, 24, "tiny-opt", ["prefill", "decode"]));
        var bytes = PimBinaryWriter.Write(bin);
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)).ShouldBe((ushort)4);
        // the last section: prompt 16, generated 8, positions 24, "tiny-opt", 2 programs "prefill" "decode"
        byte[] payload = [16, 8, 24, 8, .. "tiny-opt"u8, 2, 7, .. "prefill"u8, 6, .. "decode"u8];
        bytes.AsSpan(bytes.Length - payload.Length).ToArray().ShouldBe(payload);
        var back = PimBinaryReader.Read(bytes, "w.bin");
        back.Workload.ShouldBe(bin.Workload);
        var text = Disassembler.Disassemble(back);
        text.ShouldContain(".workload prompt=16, generated=8, positions=24, model=\"tiny-opt\", programs=\"prefill,decode\"\n");
        PimBinaryWriter.Write(Assembler.Assemble(text, "again.pasm")).ShouldBe(bytes);
    }

    [Fact]
    public void AWorkloadInAnOlderMinorVersionAndA14FileWithoutOneAreRejected()
    {
        var bin = Assembler.Assemble(Program, "w.pasm");
        var bytes = PimBinaryWriter.Write(bin);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 3);
        PimBinaryWriter.Reseal(bytes);
        Should.Throw<PimccError>(() => PimBinaryReader.Read(bytes, "old.bin")).Code.ShouldBe(ExitCode.InvalidBinary);

        var plain = PimBinaryWriter.Write(bin with { Workload = null });
        BinaryPrimitives.ReadUInt16LittleEndian(plain.AsSpan(10)).ShouldBe((ushort)1);
        BinaryPrimitives.WriteUInt16LittleEndian(plain.AsSpan(10), 4);
        PimBinaryWriter.Reseal(plain);
        Should.Throw<PimccError>(() => PimBinaryReader.Read(plain, "new.bin")).Message.ShouldContain("workload section");
    }

    [Fact]
    public void AFileOfANewerMinorVersionIsRefusedWithAHintToRecompile()
    {
        var bytes = PimBinaryWriter.Write(Assembler.Assemble(Program, "w.pasm"));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), PimBinary.MinorVersion + 1);
        var e = Should.Throw<PimccError>(() => PimBinaryReader.Read(bytes, "future.bin"));
        e.Code.ShouldBe(ExitCode.UnsupportedBinaryVersion);
        e.Hint.ShouldContain("recompile");
    }

    [Theory]
    [InlineData("prompt=0, generated=8, positions=24", "prompt tokens 0 is not positive")]
    [InlineData("prompt=16, generated=8, positions=23", "23 positions do not hold 16 prompt + 8 generated")]
    public void AnInconsistentWorkloadIsDiagnosed(string counts, string message)
    {
        var e = Should.Throw<PimccError>(() => Assembler.Assemble(Program.Replace("prompt=16, generated=8, positions=24", counts), "bad.pasm"));
        e.Code.ShouldBe(ExitCode.MalformedInput);
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void AWorkloadNamingAProgramNoStreamHasIsDiagnosed()
    {
        Should.Throw<PimccError>(() => Assembler.Assemble(Program.Replace("prefill,decode", "prefill,verify"), "bad.pasm"))
            .Message.ShouldContain("'verify'");
        var bin = Assembler.Assemble(Program, "w.pasm");
        Should.Throw<PimccError>(() => PimBinaryWriter.Write(bin with { Workload = bin.Workload! with { Programs = ["prefill", "prefill"] } }))
            .Code.ShouldBe(ExitCode.InvalidBinary);
    }
}
