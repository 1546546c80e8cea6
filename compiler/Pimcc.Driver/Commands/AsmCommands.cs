using System.CommandLine;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;

namespace Pimcc.Driver.Commands;

/// <summary><c>pimcc asm</c> and <c>pimcc disasm</c>: assembly text to out.bin and back.</summary>
public static class AsmCommands
{
    public static Command Asm(ConsoleIo io)
    {
        var cmd = new Command("asm", "assemble HPIM assembly text (.pasm) into an out.bin");
        var input = new Argument<string>("file") { Description = "assembly file (as written by 'pimcc disasm')" };
        var output = new Option<string>("--output", "-o") { Description = "binary to write", Required = true };
        cmd.Arguments.Add(input);
        cmd.Options.Add(output);
        cmd.SetAction(p =>
        {
            var path = p.GetValue(input)!;
            var outputs = new OutputPlan(io, path);
            var target = outputs.Add("-o", p.GetValue(output)!, binary: true);
            using var reader = InputFile.OpenText(path, InputKind.Assembly);
            outputs.Write((target, PimBinaryWriter.Write(Assembler.Assemble(reader, path))));
            return 0;
        });
        return cmd;
    }

    public static Command Disasm(ConsoleIo io)
    {
        var cmd = new Command("disasm", "disassemble an out.bin into assembly text that 'pimcc asm' reads back");
        var input = new Argument<string>("file") { Description = "out.bin" };
        var section = new Option<string?>("--section") { Description = "only this section, e.g. core3 or channel12 (see --list)" };
        var list = new Option<bool>("--list") { Description = "list the sections" };
        var output = new Option<string?>("--output", "-o") { Description = "write to a file instead of standard output" };
        cmd.Arguments.Add(input);
        cmd.Options.Add(section);
        cmd.Options.Add(list);
        cmd.Options.Add(output);
        cmd.SetAction(p =>
        {
            var path = p.GetValue(input)!;
            var outputs = new OutputPlan(io, path);
            var target = outputs.Add("-o", p.GetValue(output) ?? "-");
            var bin = PimBinaryReader.Read(InputFile.ReadBytes(path, InputKind.Binary), path);
            var text = p.GetValue(list)
                ? string.Join("\n", Disassembler.SectionNames(bin)) + "\n"
                : Disassembler.Disassemble(bin, p.GetValue(section));
            outputs.Write((target, OutputPlan.Text(text)));
            return 0;
        });
        return cmd;
    }
}
