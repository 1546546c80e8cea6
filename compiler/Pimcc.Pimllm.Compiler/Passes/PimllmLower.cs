using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Pimllm.Compiler.Passes;

/// <summary>
/// Where the pimllm backend (ISA tables, streams, out.bin) will run. It is not written yet (issue 13, phase 2), so the
/// compile ends here with its own exit code and writes nothing: never a binary that would not mean what it says.
/// </summary>
public sealed class PimllmLower : Pass
{
    public override string Name => "pimllm-lower";
    public override string Summary => "lower to pimllm streams and out.bin (not written yet: ends the compile with exit 48)";
    public override ImmutableArray<string> Requires => [PimllmLowerAttention.AttentionScheduled];

    public override Module Run(Module module, PassContext context) =>
        throw new PimccError(ExitCode.BackendUnavailable, $"--target {context.Target.Name}",
            $"target kind '{context.Target.Kind}' has no backend yet (ISA, lowering and out.bin are issue 13's phase 2); nothing was written",
            $"see the compiled IR and figures with --passes {PimllmCompiler.ScheduledPipelineText} --emit ir --pass-statistics");
}
