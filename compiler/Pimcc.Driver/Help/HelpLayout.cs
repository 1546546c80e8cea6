using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text;
using Pimcc.Diagnostics;

namespace Pimcc.Driver.Help;

/// <summary>
/// pimcc's <c>--help</c>: the description, the usage lines and examples of <see cref="UsageTable"/> (System.CommandLine's
/// own usage line lists the root's MODEL argument before every subcommand, which is not how they are typed), the
/// command's own arguments, its options and subcommands; the root adds the exit-code table.
/// </summary>
public sealed class HelpLayout : SynchronousCommandLineAction
{
    /// <summary>Makes <paramref name="root"/>'s help option (it applies to every subcommand) print this layout.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>()) help.Action = new HelpLayout();
    }

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.Write(Render(parseResult.CommandResult.Command));
        return 0;
    }

    /// <summary>The command's words after <c>pimcc</c>: "" for the root, "targets show" for a nested one.</summary>
    public static string PathOf(Command command)
    {
        var words = new List<string>();
        for (var c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
            words.Insert(0, c.Name);
        return string.Join(' ', words);
    }

    public static string Render(Command command)
    {
        var entry = UsageTable.Find(PathOf(command))
            ?? throw new InvalidOperationException($"command '{PathOf(command)}' has no entry in UsageTable");
        var sb = new StringBuilder();
        if (command.Description is { Length: > 0 } d) sb.Append(d).Append("\n\n");
        Lines(sb, "Usage:", entry.Usage);
        Lines(sb, "Examples:", entry.Examples);
        // Only the command's own arguments (the root's MODEL is not an argument of its subcommands).
        Columns(sb, "Arguments:", command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.HelpName ?? a.Name}>", a.Description ?? "")));
        Columns(sb, "Options:", command.Options.Concat(InheritedOptions(command)).Where(o => !o.Hidden).Select(Row));
        Columns(sb, "Commands:", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description ?? "")));
        if (command is RootCommand)
            Lines(sb, "Exit codes (docs/exit-codes.md):", [.. ExitCodeDocs.Table.Select(r => $"{r.Code,3}  {r.Name}")]);
        return sb.ToString();
    }

    private static IEnumerable<Option> InheritedOptions(Command command) =>
        command is RootCommand ? [] : command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive).Concat(InheritedOptions(p)));

    private static (string, string) Row(Option o)
    {
        var names = string.Join(", ", o.Aliases.Where(a => a.Length == 2 && a[0] == '-' && a != "-?").Order(StringComparer.Ordinal).Append(o.Name));
        var value = o.ValueType == typeof(bool) || o.Arity.MaximumNumberOfValues == 0 ? "" : $" <{o.HelpName ?? o.Name.TrimStart('-')}>";
        var text = o.Description ?? "";
        if (o.Required) text += " (required)";
        else if (o.HasDefaultValue && o.ValueType != typeof(bool) && o.GetDefaultValue() is { } v and not Array) text += $" [default: {v}]";
        return (names + value, text);
    }

    private static void Lines(StringBuilder sb, string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0) return;
        sb.Append(heading).Append('\n');
        foreach (var line in lines) sb.Append("  ").Append(line).Append('\n');
        sb.Append('\n');
    }

    private static void Columns(StringBuilder sb, string heading, IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0) return;
        var width = list.Max(r => r.Left.Length) + 2;
        sb.Append(heading).Append('\n');
        foreach (var (left, right) in list) sb.Append("  ").Append(left.PadRight(width)).Append(right).Append('\n');
        sb.Append('\n');
    }
}
