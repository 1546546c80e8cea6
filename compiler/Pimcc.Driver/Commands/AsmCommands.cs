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
            var bin = Assembler.Assemble(InputFile.ReadText(path), path);
            OutputFile.Write(p.GetValue(output)!, PimBinaryWriter.Write(bin));
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
            var bin = PimBinaryReader.Read(InputFile.ReadBytes(path), path);
            var text = p.GetValue(list)
                ? string.Join("\n", Disassembler.SectionNames(bin)) + "\n"
                : Disassembler.Disassemble(bin, p.GetValue(section));
            if (p.GetValue(output) is { } o) OutputFile.WriteText(o, text);
            else io.Out.Write(text);
            return 0;
        });
        return cmd;
    }
}
