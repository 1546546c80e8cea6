using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Compiler.Passes;

/// <summary>
/// The last pass of a target whose lowering to a binary is not written yet: it ends a compile for a binary with
/// <see cref="ExitCode.BackendUnavailable"/> and writes nothing, so no compile ever produces a binary that is not one.
/// A compile that emits IR (<c>--emit ir</c>) stops before it, so the target's mapped IR is still a product.
/// </summary>
public abstract class BackendPending : Pass
{
    /// <summary>What the target still lacks, for the diagnostic (e.g. "lowering to streams, issue 13").</summary>
    protected abstract string Missing { get; }

    public override string Summary => $"lower to out.bin (not written yet: {Missing}; a binary compile ends here with exit 48)";

    public override Module Run(Module module, PassContext context) =>
        throw new PimccError(ExitCode.BackendUnavailable, $"--target {context.Target?.Name}",
            $"target kind '{context.Target?.Kind}' has no backend yet ({Missing}); nothing was written",
            "see the compiled IR and figures with --emit ir --pass-statistics (the pipeline stops before this pass)");
}
