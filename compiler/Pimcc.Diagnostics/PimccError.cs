namespace Pimcc.Diagnostics;

/// <summary>
/// A user-caused error: bad model, bad config, bad binary. The driver prints
/// <see cref="OneLine"/> and exits with <see cref="Code"/>; it never shows a stack trace.
/// </summary>
public sealed class PimccError : Exception
{
    public PimccError(ExitCode code, string location, string message, string hint)
        : base(message)
    {
        Code = code;
        Location = location;
        Hint = hint;
    }

    /// <summary>Exit code for this kind of error.</summary>
    public ExitCode Code { get; }

    /// <summary>Where: "file", "file:line:col", "file: field 'x'", "out.bin: section core3"...</summary>
    public string Location { get; }

    /// <summary>One-line fix hint.</summary>
    public string Hint { get; }

    /// <summary>The single line shown to the user.</summary>
    public string OneLine =>
        Flatten($"{DiagnosticText.Truncate(Location)}: error: {DiagnosticText.Truncate(Message)}" + (Hint.Length > 0 ? $" (hint: {DiagnosticText.Truncate(Hint)})" : ""));

    private static string Flatten(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
}
