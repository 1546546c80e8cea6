using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hyflexpim.Sim.Functional;

/// <summary>
/// Which KV rows (digital modules) or score entries (SFU) a query of the current block sees: the block's first query
/// (<c>dg.qblock</c>, <c>sfu.qblock</c>) and the mask (<c>dg.mask</c>, <c>sfu.mask</c>), both reset by the unit's shape
/// word. Query i of the block sees 0 .. p + first + i causally, all <paramref name="count"/> with the full mask.
/// </summary>
public sealed class QueryWindow
{
    public long First { get; private set; }
    public bool Full { get; private set; }

    public void Reset() => (First, Full) = (0, false);

    /// <summary>Applies a query-block or mask word; false for any other word.</summary>
    public bool Configure(Op op)
    {
        switch (op.Spec.Hyflexpim.Action)
        {
            case HyflexpimAction.QueryBlock:
                First = op["first"];
                return true;
            case HyflexpimAction.AttentionMask:
                Full = op["mask"] == HyflexpimFormats.AttentionMask.Code("full");
                return true;
            default:
                return false;
        }
    }

    /// <summary>How many of <paramref name="count"/> entries query i of the block sees in a step at first position p.</summary>
    public long Visible(ProgramStep step, long i, long count) => Full ? count : Math.Min(count, step.FirstPosition + First + i + 1);
}
