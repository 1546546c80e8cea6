using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Compiler.Backend;

/// <summary>
/// Where a target whose row fetch reads row p of an embedding table for position p (pimllm's <c>dma.row
/// index=position</c>, hyflexpim's <c>io.row index=position</c>) stores a table: a learned position table whose ids
/// carry an offset (OPT: <c>position_ids {offset = 2}</c>, position + 2) from row offset on, so row p holds position
/// p's embedding.
/// </summary>
public static class PositionTables
{
    /// <summary>The first row of <paramref name="table"/> the image stores: its position ids' offset, 0 for a table
    /// gathered by token id. A table gathered both by token id and by position (or at two position offsets) has no such
    /// layout: refused.</summary>
    public static long FirstStoredRow(Module m, string table)
    {
        var ops = m.Functions.SelectMany(f => f.Body).ToList();
        var ids = ops.Where(o => o.Opcode == "embedding" && o.Operands[1].Name == table).Select(o => o.Operands[0].Name).ToHashSet(StringComparer.Ordinal);
        var offsets = ids.Select(id => ops.FirstOrDefault(o => o.Id == id && o.Opcode == "position_ids") is { } p ? p.Attrs.IntOr("offset", 0) : -1).Distinct().ToList();
        if (offsets.Count != 1)
            throw new PimccError(ExitCode.UnsupportedModel, $"@{table}", "the embedding table is gathered both by token id and by position (or at two position offsets)",
                "give token and position embeddings tables of their own");
        return Math.Max(0, offsets[0]);
    }
}
