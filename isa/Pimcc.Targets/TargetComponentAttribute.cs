using System.Reflection;

namespace Pimcc.Targets;

/// <summary>
/// Registers one facet of a target unit (its description kind, its compiler, its simulator) in the assembly that holds
/// it: <c>[assembly: TargetComponent(typeof(FooKind))]</c>. The shared registries find components through
/// <see cref="TargetComponents"/>, so adding a target edits no shared file.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class TargetComponentAttribute(Type component) : Attribute
{
    public Type Component { get; } = component;
}

/// <summary>Finds the registered components of a given interface in pimcc's assemblies (those loaded and those beside the program).</summary>
public static class TargetComponents
{
    private static readonly Lazy<IReadOnlyList<Type>> Registered = new(Discover);

    /// <summary>One instance of each registered component implementing <typeparamref name="T"/>, in type-name order (deterministic).</summary>
    public static IReadOnlyList<T> Of<T>() where T : class =>
        Registered.Value.Where(t => typeof(T).IsAssignableFrom(t)).Select(t => (T)Activator.CreateInstance(t)!).ToList();

    private static IReadOnlyList<Type> Discover()
    {
        var assemblies = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        foreach (var a in AppDomain.CurrentDomain.GetAssemblies())
            if (a.GetName().Name is { } n && n.StartsWith("Pimcc.", StringComparison.Ordinal)) assemblies.TryAdd(n, a);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "Pimcc.*.dll"))
        {
            AssemblyName name;
            try { name = AssemblyName.GetAssemblyName(file); }
            catch (BadImageFormatException) { continue; }
            if (name.Name is { } n && !assemblies.ContainsKey(n)) assemblies[n] = Assembly.Load(name);
        }
        return assemblies.Values
            .SelectMany(a => a.GetCustomAttributes<TargetComponentAttribute>())
            .Select(a => a.Component)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
    }
}
