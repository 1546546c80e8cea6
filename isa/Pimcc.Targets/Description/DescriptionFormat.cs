namespace Pimcc.Targets.Description;

/// <summary>The format tag every target description carries, whatever its kind.</summary>
public static class DescriptionFormat
{
    public const string Tag = "pimcc-target/1";
}
