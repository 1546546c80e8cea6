using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;

namespace Pimcc.Pimllm.Compiler.Passes;

/// <summary>
/// Where the pimllm lowering to streams and out.bin will run (the ISA tables and binary contract are in
/// isa/Pimcc.Pimllm.Isa). It is not written yet (issue 13, phase 2), so the
/// compile ends here with its own exit code and writes nothing: never a binary that would not mean what it says.
/// </summary>
public sealed class PimllmLower : Pimcc.Compiler.Passes.BackendPending
{
    public override string Name => "pimllm-lower";
    public override ImmutableArray<string> Requires => [PimllmLowerAttention.AttentionScheduled];

    protected override string Missing => "its ISA and binary contract exist; lowering to streams is still to come, issue 13";
}
