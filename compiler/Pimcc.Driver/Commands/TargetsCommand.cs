using System.CommandLine;
using Pimcc.Targets;

namespace Pimcc.Driver.Commands;

/// <summary><c>pimcc targets</c> lists the bundled presets; <c>pimcc targets show NAME</c> prints one resolved.</summary>
public static class TargetsCommand
{
    public static Command Create(ConsoleIo io)
    {
        var cmd = new Command("targets", "list the bundled target descriptions with their kinds, and the registered kinds");
        cmd.SetAction(_ =>
        {
            io.Out.WriteLine($"{"target",-14} {"kind",-10} summary");
            foreach (var p in TargetRegistry.Presets) io.Out.WriteLine($"{p.Name,-14} {p.Kind,-10} {p.Summary}");
            io.Out.WriteLine();
            io.Out.WriteLine($"{"kind",-14} machine");
            foreach (var k in TargetKinds.All) io.Out.WriteLine($"{k.Kind,-14} {k.Summary}");
            return 0;
        });
        var show = new Command("show", "print a target description fully resolved (every value in its unit, with its source)");
        var name = new Argument<string>("target") { Description = "preset name or description file (.json)" };
        var set = new Option<string[]>("--set") { Description = "override a parameter: key=value (repeatable)" };
        show.Arguments.Add(name);
        show.Options.Add(set);
        show.SetAction(p =>
        {
            var nameOrPath = p.GetValue(name)!;
            if (TargetLoader.LooksLikePath(nameOrPath)) InputFile.Check(nameOrPath, InputKind.TargetDescription);
            var target = TargetLoader.Load(nameOrPath, p.GetValue(set) ?? []);
            io.Out.Write(target.CanonicalJson);
            if (!target.CanonicalJson.EndsWith('\n')) io.Out.WriteLine();
            return 0;
        });
        cmd.Subcommands.Add(show);
        return cmd;
    }
}
