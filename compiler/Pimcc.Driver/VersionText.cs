using System.Reflection;
using Pimcc.Isa.Container;
using Pimcc.Targets.Description;

namespace Pimcc.Driver;

/// <summary><c>pimcc --version</c>: the toolchain's version and the versions of the formats it writes and reads.</summary>
public static class VersionText
{
    public static string Version =>
        typeof(VersionText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static string Render() =>
        $"pimcc {Version}\n" +
        $"  out.bin: writes {PimBinary.MajorVersion}.{PimBinary.MinorVersion} (the lowest minor that holds what a file carries), reads {PimBinary.MajorVersion}.0 to {PimBinary.MajorVersion}.{PimBinary.MinorVersion}\n" +
        $"  target descriptions: {DescriptionFormat.Tag}\n" +
        $"  targets: {string.Join(", ", Pimcc.Targets.TargetKinds.All.Select(k => k.Kind))}\n";
}
