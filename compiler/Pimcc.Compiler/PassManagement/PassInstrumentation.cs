namespace Pimcc.Compiler.PassManagement;

/// <summary>The driver's debugging flags: which IR dumps to write, and whether to collect statistics.</summary>
public sealed record PassInstrumentation
{
    public IReadOnlySet<string> PrintBefore { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> PrintAfter { get; init; } = new HashSet<string>();
    public bool PrintAfterAll { get; init; }
    public bool VerifyEach { get; init; } = true;
    /// <summary>Where IR dumps go (stderr by default, as in MLIR).</summary>
    public TextWriter Dump { get; init; } = Console.Error;
    /// <summary>Folder for the crash reproducer; null disables it.</summary>
    public string? ReproducerDirectory { get; init; } = Path.GetTempPath();
}
