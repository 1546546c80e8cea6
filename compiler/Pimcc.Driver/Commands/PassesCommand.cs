using System.CommandLine;
using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Targets;
using Pimcc.Targets;

namespace Pimcc.Driver.Commands;

/// <summary>
/// <c>pimcc passes</c>: the shared passes and each registered target's passes, with options and properties;
/// <c>pimcc passes --target NAME</c>: the pipeline a compile for that target runs, pass by pass.
/// </summary>
public static class PassesCommand
{
    public static Command Create(ConsoleIo io)
    {
        var cmd = new Command("passes", "list the compiler passes (their options and the IR properties they need and establish), or one target's pipeline");
        var target = new Option<string?>("--target") { Description = "print the pipeline a compile for this target (preset name or description file) runs" };
        var set = new Option<string[]>("--set") { Description = "override a target parameter: key=value (repeatable)" };
        cmd.Options.Add(target);
        cmd.Options.Add(set);
        cmd.SetAction(p =>
        {
            io.Out.Write(p.GetValue(target) is { } name
                ? DescribePipeline(TargetLoader.Load(name, p.GetValue(set) ?? []))
                : Describe());
            return 0;
        });
        return cmd;
    }

    /// <summary>The shared passes, then each target kind's own passes and default pipeline.</summary>
    public static string Describe()
    {
        var sb = new System.Text.StringBuilder("shared passes:\n");
        Append(sb, PassRegistry.Front.All, width: NameWidth(PassRegistry.Front.All.Concat(CompilerTargets.All.SelectMany(t => t.Passes))));
        foreach (var t in CompilerTargets.All)
        {
            sb.Append($"\npasses of target kind '{t.Kind}':\n");
            Append(sb, t.Passes, width: NameWidth(PassRegistry.Front.All.Concat(CompilerTargets.All.SelectMany(c => c.Passes))));
            sb.Append($"\n  pipeline: {t.Pipeline}\n");
        }
        sb.Append($"\nIR-only pipeline (no target passes): {PassRegistry.FrontPipeline}\n");
        return sb.ToString();
    }

    /// <summary>The pipeline a compile for <paramref name="target"/> runs, one pass per line with its options and contracts.</summary>
    public static string DescribePipeline(TargetDescription target)
    {
        var compiler = CompilerTargets.For(target);
        var pipeline = Pipeline.Parse(compiler.Pipeline, PassRegistry.For(compiler));
        var sb = new System.Text.StringBuilder($"pipeline of target '{target.Name}' (kind {target.Kind}), {pipeline.Steps.Length} passes:\n");
        for (var i = 0; i < pipeline.Steps.Length; i++)
        {
            sb.Append($"{i + 1,3}. ");
            Append(sb, [pipeline.Steps[i].Pass], indent: 5, width: NameWidth(pipeline.Steps.Select(s => s.Pass)));
        }
        sb.Append($"\n--passes \"{pipeline}\"\n");
        return sb.ToString();
    }

    /// <summary>The name column's width: the longest name listed together (at least 22), so summaries line up.</summary>
    private static int NameWidth(IEnumerable<Pass> passes) => Math.Max(22, passes.Select(p => p.Name.Length).DefaultIfEmpty(0).Max());

    private static void Append(System.Text.StringBuilder sb, IEnumerable<Pass> passes, int width, int indent = 2)
    {
        var pad = new string(' ', indent);
        var detail = new string(' ', width + 2);
        var first = true;
        foreach (var p in passes)
        {
            sb.Append(first && indent == 5 ? "" : pad).Append(p.Name.PadRight(width)).Append(' ').Append(p.Summary).Append('\n');
            first = false;
            foreach (var o in p.Options) sb.Append($"{pad}{detail}option {o.Name} ({o.Type.Name}, default {o.DefaultValue}): {o.Description}\n");
            if (!p.Requires.IsEmpty) sb.Append($"{pad}{detail}requires: {string.Join(", ", p.Requires)}\n");
            if (!p.Establishes.IsEmpty) sb.Append($"{pad}{detail}establishes: {string.Join(", ", p.Establishes)}\n");
        }
    }
}
