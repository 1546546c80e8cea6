using System.CommandLine;
using Pimcc.Compiler.PassManagement;

namespace Pimcc.Driver.Commands;

/// <summary><c>pimcc passes</c>: lists every registered pass with its summary, options and properties.</summary>
public static class PassesCommand
{
    public static Command Create(ConsoleIo io)
    {
        var cmd = new Command("passes", "list the compiler passes, their options and the IR properties they need and establish");
        cmd.SetAction(_ =>
        {
            io.Out.Write(Describe(PassRegistry.Default));
            return 0;
        });
        return cmd;
    }

    public static string Describe(PassRegistry registry)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var p in registry.All)
        {
            sb.Append($"{p.Name,-22} {p.Summary}\n");
            foreach (var o in p.Options) sb.Append($"{"",24}option {o.Name} ({o.Type.Name}, default {o.DefaultValue}): {o.Description}\n");
            if (!p.Requires.IsEmpty) sb.Append($"{"",24}requires: {string.Join(", ", p.Requires)}\n");
            if (!p.Establishes.IsEmpty) sb.Append($"{"",24}establishes: {string.Join(", ", p.Establishes)}\n");
        }
        sb.Append($"\ndefault pipeline: {PassRegistry.DefaultFrontPipeline}\n");
        return sb.ToString();
    }
}
