using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Hyflexpim.Compiler.Passes;

/// <summary>
/// The end of hyflexpim's pipeline until its lowering exists (issue 12, phase 2: ISA tables, streams, simulator): it
/// refuses to go on with its own exit code, so no compile ever writes a binary that is not one. The mapped IR is
/// visible with <c>--print-ir-after=hyflexpim-allocate-pus</c> or by running the pipeline without this pass
/// (<c>--passes ... --emit ir</c>).
/// </summary>
public sealed class HyflexpimRequireBackend : Pass
{
    public override string Name => "hyflexpim-require-backend";
    public override string Summary => "stop with exit 48: hyflexpim has no lowering to a binary yet (its mapping passes run before)";
    public override ImmutableArray<string> Requires => [HyflexpimAttrs.PusAllocated];

    public override Module Run(Module module, PassContext context) =>
        throw new PimccError(ExitCode.BackendUnavailable, context.Target.Name,
            "target kind 'hyflexpim' has no backend yet: the model was mapped but no binary can be written",
            $"see the mapping with --print-ir-after=hyflexpim-allocate-pus, or --emit ir --passes {HyflexpimCompiler.MappingPipelineText}");
}
