using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;

namespace Pimcc.Hyflexpim.Compiler.Passes;

/// <summary>
/// The end of hyflexpim's pipeline until its lowering exists (issue 12, phase 2: ISA tables, streams, simulator): it
/// refuses to go on with its own exit code, so no compile ever writes a binary that is not one. The mapped IR is
/// visible with <c>--print-ir-after=hyflexpim-allocate-pus</c> or by running the pipeline without this pass
/// (<c>--passes ... --emit ir</c>).
/// </summary>
public sealed class HyflexpimRequireBackend : Pimcc.Compiler.Passes.BackendPending
{
    public override string Name => "hyflexpim-require-backend";
    public override ImmutableArray<string> Requires => [HyflexpimAttrs.PusAllocated];

    protected override string Missing => "ISA tables, lowering to streams and a simulator, issue 12";
}
