using Pimcc.Diagnostics;

namespace Pimcc.Isa.Container;

/// <summary>
/// The workload an out.bin was compiled for (format 1.4, docs/binary-format.md "Workload"): the longest prompt its
/// prefill program takes, the most tokens its decode program may generate after it, the positions its KV caches
/// and position tables hold, the model it came from and the programs that were lowered. A simulator defaults to
/// it and refuses more (<see cref="ExitCode.WorkloadExceedsCompiled"/>); fewer prompt or generated tokens are fine.
/// </summary>
public sealed record CompiledWorkload(int PromptTokens, int GeneratedTokens, int Positions, string Model, IReadOnlyList<string> Programs)
{
    /// <summary>Short form for diagnostics and reports: <c>32 prompt + 64 generated tokens (96 positions)</c>.</summary>
    public override string ToString() => $"{PromptTokens} prompt + {GeneratedTokens} generated tokens ({Positions} positions)";

    public bool Equals(CompiledWorkload? other) =>
        other is not null && PromptTokens == other.PromptTokens && GeneratedTokens == other.GeneratedTokens && Positions == other.Positions
        && Model == other.Model && Programs.SequenceEqual(other.Programs);

    public override int GetHashCode() => HashCode.Combine(PromptTokens, GeneratedTokens, Positions, Model, Programs.Count);
}

/// <summary>The rules a workload section obeys, shared by the writer, the reader and the assembler.</summary>
public static class WorkloadRules
{
    /// <summary>Throws <paramref name="code"/> at <paramref name="where"/> unless the workload is consistent.</summary>
    public static void Check(CompiledWorkload w, string where, ExitCode code)
    {
        string? problem =
            w.PromptTokens < 1 ? $"prompt tokens {w.PromptTokens} is not positive"
            : w.GeneratedTokens < 0 ? $"generated tokens {w.GeneratedTokens} is negative"
            : (long)w.PromptTokens + w.GeneratedTokens > w.Positions ? $"{w.Positions} positions do not hold {w.PromptTokens} prompt + {w.GeneratedTokens} generated tokens"
            : w.Programs.Count == 0 ? "names no program"
            : w.Programs.Any(p => p.Length == 0 || p.Contains(',')) ? "has an empty program name or one with a comma"
            : w.Programs.Distinct(StringComparer.Ordinal).Count() != w.Programs.Count ? "names a program twice"
            : null;
        if (problem is not null)
            throw new PimccError(code, where, $"workload {problem}", "prompt >= 1, generated >= 0, positions >= prompt + generated, distinct non-empty program names");
    }

    /// <summary>Every program the workload names is an entry of some stream (when the streams name entries at all).</summary>
    public static void CheckPrograms(CompiledWorkload w, IEnumerable<InstructionStream> streams, string where, ExitCode code)
    {
        var entries = streams.SelectMany(c => c.Entries).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        if (entries.Count == 0) return;
        if (w.Programs.FirstOrDefault(p => !entries.Contains(p)) is { } missing)
            throw new PimccError(code, where, $"workload names program '{missing}', which no stream has as an entry", "list the programs the streams' entry tables name");
    }

    internal static void Write(ByteSink s, CompiledWorkload w)
    {
        s.VarUInt((ulong)w.PromptTokens);
        s.VarUInt((ulong)w.GeneratedTokens);
        s.VarUInt((ulong)w.Positions);
        s.String(w.Model);
        s.VarUInt((ulong)w.Programs.Count);
        foreach (var p in w.Programs) s.String(p);
    }

    internal static CompiledWorkload Read(ReadOnlySpan<byte> payload, string where)
    {
        var src = new ByteSource(payload, where);
        var prompt = (int)src.VarInt("prompt tokens", int.MaxValue);
        var generated = (int)src.VarInt("generated tokens", int.MaxValue);
        var positions = (int)src.VarInt("positions", int.MaxValue);
        var model = src.String("model name");
        var n = src.VarInt("program count", 1024);
        var programs = new List<string>();
        for (long i = 0; i < n; i++) programs.Add(src.String("program name"));
        src.End();
        var w = new CompiledWorkload(prompt, generated, positions, model, programs);
        Check(w, where, ExitCode.InvalidBinary);
        return w;
    }
}
