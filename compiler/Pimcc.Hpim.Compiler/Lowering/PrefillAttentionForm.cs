using Pimcc.Diagnostics;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// How prefill attention holds one head's keys and values in a core's local memory (docs/hpim-lowering.md, "Prefill"),
/// largest working set first. <see cref="Resident"/> keeps the whole prompt's K_h^T and V_h^T; <see cref="StreamV"/>
/// keeps K_h^T and loads V_h^T one key block at a time from the scratch panels inside the O^T sum;
/// <see cref="StreamKv"/> also loads the K_h^T blocks inside the S product. Every form runs the same TCU and VCU
/// instructions on the same values in the same order, so the results are the same: only where a block sits and how
/// often it is read from HBM differ.
/// </summary>
internal enum PrefillAttentionForm { Resident, StreamV, StreamKv }

/// <summary>The forms' names (the <c>hpim-lower</c> option <c>prefill-attention</c>, the module attribute
/// <see cref="HpimAttrs.PrefillAttention"/>) and what each keeps resident.</summary>
internal static class PrefillAttentionForms
{
    /// <summary>The option's default: the largest form whose working set fits the local memory.</summary>
    public const string Auto = "auto";

    private static readonly string[] Names = ["resident", "stream-v", "stream-kv"];

    public static string Name(this PrefillAttentionForm f) => Names[(int)f];

    public static bool KeysResident(this PrefillAttentionForm f) => f != PrefillAttentionForm.StreamKv;

    public static bool ValuesResident(this PrefillAttentionForm f) => f == PrefillAttentionForm.Resident;

    /// <summary>The form named <paramref name="text"/>, null for <see cref="Auto"/>; a usage error for anything else.</summary>
    public static PrefillAttentionForm? Parse(string text, string location)
    {
        if (text == Auto) return null;
        var i = Array.IndexOf(Names, text);
        if (i < 0)
            throw new PimccError(ExitCode.Usage, location, $"unknown prefill attention form '{text}'",
                $"use {Auto}, {string.Join(", ", Names)}");
        return (PrefillAttentionForm)i;
    }
}
