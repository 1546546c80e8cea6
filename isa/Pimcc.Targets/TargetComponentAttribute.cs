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

/// <summary>
/// The registered components of one facet (<typeparamref name="T"/>: description kinds, compilers, simulators), by the
/// kind each serves. Built on first use; a kind served twice is a registration bug.
/// </summary>
public sealed class KindRegistry<T> where T : class
{
    private readonly Lazy<SortedDictionary<string, T>> _byKind;

    public KindRegistry(Func<T, string> kindOf, string facet) =>
        _byKind = new(() =>
        {
            var all = new SortedDictionary<string, T>(StringComparer.Ordinal);
            foreach (var c in TargetComponents.Of<T>())
                if (!all.TryAdd(kindOf(c), c)) throw new InvalidOperationException($"two {facet} registered for kind '{kindOf(c)}'");
            return all;
        });

    /// <summary>Every registered component, in kind order.</summary>
    public IReadOnlyList<T> All => _byKind.Value.Values.ToList();

    /// <summary>The kinds served, in order (for hints).</summary>
    public string Kinds => string.Join(", ", _byKind.Value.Keys);

    public T? Find(string kind) => _byKind.Value.GetValueOrDefault(kind);
}
