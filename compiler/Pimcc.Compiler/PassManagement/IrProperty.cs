namespace Pimcc.Compiler.PassManagement;

/// <summary>
/// Facts about a module that passes establish and later passes require. The pass manager records
/// them in the module attribute <c>properties</c>, so a module dumped after a pass and parsed back
/// keeps them.
/// </summary>
public static class IrProperty
{
    /// <summary>Every op's result types equal what the op registry infers.</summary>
    public const string ShapesInferred = "shapes-inferred";
    /// <summary>Dead and identity ops removed, duplicates merged.</summary>
    public const string Canonical = "canonical";
    /// <summary>Prefill's <c>seq</c> is bound to the workload's prompt length.</summary>
    public const string WorkloadBound = "workload-bound";
    /// <summary>Every op carries cost.* attributes (class, FLOPs, bytes, intensity).</summary>
    public const string Annotated = "annotated";

    public const string AttrName = "properties";
}
