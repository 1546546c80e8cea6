namespace Pimcc.Compiler.PassManagement;

/// <summary>
/// What a compilation produces beside the IR (as LLVM's machine code lives beside its IR): a lowering pass leaves its
/// streams here, later passes check or extend them, and the driver takes the binary at the end. One per pipeline
/// run; passes stay stateless. A slot is keyed by its type.
/// </summary>
public sealed class CompilationArtifacts
{
    private readonly Dictionary<Type, object> _slots = [];

    public void Set<T>(T value) where T : class => _slots[typeof(T)] = value;

    public T? Find<T>() where T : class => _slots.TryGetValue(typeof(T), out var v) ? (T)v : null;
}
