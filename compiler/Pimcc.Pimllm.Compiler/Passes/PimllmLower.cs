using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Pimllm.Compiler.Passes;

/// <summary>
/// Where the pimllm lowering to streams and out.bin will run (the ISA tables and binary contract are in
/// isa/Pimcc.Pimllm.Isa). It is not written yet (issue 13, phase 2), so the
/// compile ends here with its own exit code and writes nothing: never a binary that would not mean what it says.
/// </summary>
public sealed class PimllmLower : Pass
{
    public override string Name => "pimllm-lower";
    public override string Summary => "lower to pimllm streams and out.bin (not written yet: ends the compile with exit 48)";
    public override ImmutableArray<string> Requires => [PimllmLowerAttention.AttentionScheduled];

    public override Module Run(Module module, PassContext context) =>
        throw new PimccError(ExitCode.BackendUnavailable, $"--target {context.Target.Name}",
            $"target kind '{context.Target.Kind}' has no backend yet (its ISA and binary contract exist; lowering to streams is still to come, issue 13); nothing was written",
            $"see the compiled IR and figures with --passes {PimllmCompiler.ScheduledPipelineText} --emit ir --pass-statistics");
}
