namespace Pimcc.Sim;

/// <summary>
/// Operation classes of the decode breakdown (issue 6: QKV generation, attention, output projection, FFN,
/// nonlinear, data movement), plus <see cref="Other"/> for work without a recognised IR op (scalar setup, control, sync).
/// </summary>
public enum WorkClass
{
    QkvGeneration,
    Attention,
    OutputProjection,
    Ffn,
    Nonlinear,
    DataMovement,
    Other,
}

/// <summary>Stable kebab-case names used in reports.</summary>
public static class WorkClasses
{
    public static readonly WorkClass[] All = Enum.GetValues<WorkClass>();
    public static int Count => All.Length;

    public static string Name(WorkClass c) => c switch
    {
        WorkClass.QkvGeneration => "qkv-generation",
        WorkClass.Attention => "attention",
        WorkClass.OutputProjection => "output-projection",
        WorkClass.Ffn => "ffn",
        WorkClass.Nonlinear => "nonlinear",
        WorkClass.DataMovement => "data-movement",
        _ => "other",
    };
}
