using Pimcc.Reference;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// What a structural value is, decided from its values for a few (new, cached) lengths: a causal mask
/// (additive, or a condition selecting the scores), positions counting from the cached length plus an
/// offset, a rotate-half cos/sin table of θ-frequencies, a scalar.
/// </summary>
internal sealed partial class GraphRaiser
{
    /// <summary>The (seq, past) pairs a structural value is checked at; cached lengths only for with-past graphs.</summary>
    private IEnumerable<(long Seq, long Past)> Samples()
    {
        (long, long)[] all = _eval.HasPast ? [(1, 0), (3, 0), (6, 0), (1, 4), (3, 2)] : [(1, 0), (3, 0), (6, 0)];
        return _eval.FixedSeq is { } n ? _eval.HasPast ? [(n, 0), (n, 3), (n, 6)] : [(n, 0)] : all;
    }

    /// <summary>The lengths a mask or position check must also hold at once the workload is known
    /// (<see cref="RaisedProgram.LengthChecks"/>): the whole sequence, and the last decode step. A sliding-window
    /// mask, causal at the few sampled lengths, is caught here.</summary>
    private IEnumerable<(long Seq, long Past)> AtLength(long total) =>
        _eval.FixedSeq is { } n
            ? _eval.HasPast && total > n ? [(n, total - n)] : []
            : _eval.HasPast ? [(total, 0), (1, total - 1)] : [(total, 0)];

    /// <summary>Registers <paramref name="check"/> to run again at the compiled length.</summary>
    private void CheckAtLength(string what, Func<IEnumerable<(long Seq, long Past)>, bool> check, bool square = false)
    {
        var node = _node;
        _program.LengthChecks.Add(new LengthCheck(node, what, total =>
        {
            try
            {
                return check(AtLength(total));
            }
            catch (RaisingFailure)
            {
                return false;
            }
        }, square));
    }

    private Tensor Evaluate(string name, long seq, long past)
    {
        try
        {
            return _eval.Evaluate(name, seq, past);
        }
        catch (NotStructural e)
        {
            throw Fail(e.Message);
        }
    }

    /// <summary>The value of a one-element structural value, the same for every sampled length; null otherwise.</summary>
    private double? StructuralScalar(string name)
    {
        double? value = null;
        foreach (var (s, p) in Samples())
        {
            var t = Evaluate(name, s, p);
            if (t.Length != 1 || (value is { } v && v != t.GetDouble(0))) return null;
            value = t.GetDouble(0);
        }
        return value;
    }

    /// <summary>c when the value holds the positions past + i + c of the seq new tokens, for every sampled length.</summary>
    private long? PositionOffset(string name, IEnumerable<(long Seq, long Past)>? samples = null)
    {
        long? offset = null;
        foreach (var (s, p) in samples ?? Samples())
        {
            var t = Evaluate(name, s, p);
            if (t.Ints is not { } v || v.Length != s) return null;
            var c = v[0] - p;
            if (offset is { } o && o != c) return null;
            for (var i = 0; i < s; i++) if (v[i] != p + i + c) return null;
            offset = c;
        }
        return offset;
    }

    /// <summary>k when the value holds the same index k for each of the seq new tokens, for every sampled length.</summary>
    private long? ConstantIndex(string name, IEnumerable<(long Seq, long Past)>? samples = null)
    {
        long? k = null;
        foreach (var (s, p) in samples ?? Samples())
        {
            var t = Evaluate(name, s, p);
            if (t.Ints is not { } v || v.Length != s) return null;
            foreach (var x in v)
            {
                if (k is { } c && c != x) return null;
                k = x;
            }
        }
        return k;
    }

    /// <summary>
    /// True when, at every sampled length, the mask lets query i (of seq) see key j (of past + seq) exactly
    /// when j ≤ past + i: <paramref name="allowed"/> maps an evaluated mask tensor and a flat index to
    /// whether it keeps the score there (null: neither kept nor removed cleanly).
    /// </summary>
    private bool IsCausal(string mask, Func<Tensor, long, bool?> allowed, IEnumerable<(long Seq, long Past)>? samples = null)
    {
        if (samples is null)
        {
            if (!IsCausal(mask, allowed, Samples())) return false;
            CheckAtLength($"the mask '{mask}' is causal", at => IsCausal(mask, allowed, at), square: true);
            return true;
        }
        foreach (var (s, p) in samples)
        {
            var t = Evaluate(mask, s, p);
            if (t.Rank < 2 || t.Shape[^1] != p + s || t.Shape[^2] != s) return false;
            var cols = p + s;
            for (long k = 0; k < t.Length; k++)
            {
                var (i, j) = (k / cols % s, k % cols);
                if (allowed(t, k) != (j <= p + i)) return false;
            }
        }
        return true;
    }

    /// <summary>An additive mask: 0 where attention is allowed, ≤ −1e4 (or −∞) where it is not.</summary>
    private bool IsCausalAdditive(string mask) =>
        IsCausal(mask, (t, k) => t.GetDouble(k) is var v && v == 0 ? true : v <= -1e4 ? false : null);

    /// <summary>
    /// ALiBi (BLOOM's <c>build_alibi_tensor</c>): a bias [.., heads, rows, past + seq] (rows 1 or seq) that is, for
    /// each head h and row i, m_h·j + c over the keys j the row may see, and either the same line or ≤ −1e4 (a causal
    /// mask folded in: <c>Masked</c>) beyond them. The slopes m_h are fitted on the longest sample and checked at
    /// every sampled length and again at the compiled length. Null when the value is no such bias.
    /// </summary>
    private (double[] Slopes, bool Masked)? AlibiBias(string name, long heads)
    {
        var (s0, p0) = Samples().MaxBy(sp => sp.Seq + sp.Past);
        if (s0 + p0 < 2) return null;
        var first = Evaluate(name, s0, p0);
        if (first.Rank < 3 || first.Shape[^3] != heads || first.Shape[^1] != s0 + p0) return null;
        var slopes = new double[heads];
        var rows0 = first.Shape[^2];
        for (var h = 0; h < heads; h++)
        {
            // the last row sees every key
            var at = (h * rows0 + rows0 - 1) * (s0 + p0);
            slopes[h] = (first.GetDouble(at + s0 + p0 - 1) - first.GetDouble(at)) / (s0 + p0 - 1);
        }
        if (slopes.All(m => m == 0) || Alibi(name, slopes, Samples()) is not { } masked) return null;
        CheckAtLength($"'{name}' is an ALiBi bias", at => Alibi(name, slopes, at) == masked, square: true);
        return (slopes, masked);
    }

    /// <summary>Whether <paramref name="name"/> is the ALiBi bias of <paramref name="slopes"/> at these lengths (with a causal mask
    /// folded in or not); null when it is not.</summary>
    private bool? Alibi(string name, double[] slopes, IEnumerable<(long Seq, long Past)> samples)
    {
        bool? masked = null;
        foreach (var (s, p) in samples)
        {
            var t = Evaluate(name, s, p);
            var cols = p + s;
            if (t.Rank < 3 || t.Shape[^3] != slopes.Length || t.Shape[^1] != cols || (t.Shape[^2] != 1 && t.Shape[^2] != s) || t.Length != slopes.Length * t.Shape[^2] * cols)
                return null;
            var rows = t.Shape[^2];
            for (var h = 0; h < slopes.Length; h++)
                for (long r = 0; r < rows; r++)
                {
                    var at = (h * rows + r) * cols;
                    var i = rows == 1 ? s - 1 : r;
                    var c = t.GetDouble(at);
                    for (long j = 0; j < cols; j++)
                    {
                        var v = t.GetDouble(at + j);
                        var line = c + slopes[h] * j;
                        var onLine = Math.Abs(v - line) <= 1e-5 * (1 + Math.Abs(line));
                        if (j <= p + i) { if (!onLine) return null; continue; }
                        var cut = v <= -1e4;
                        if (!onLine && !cut) return null;
                        if (rows == 1 && cut) return null; // one row for all queries cannot hold a causal mask
                        if (masked is { } m && m != cut && !(onLine && cut)) return null;
                        masked = cut;
                    }
                }
        }
        return masked ?? false;
    }

    /// <summary>True when the value is all zeros at every sampled length (an additive mask that removes nothing).</summary>
    private bool IsZero(string name)
    {
        bool Zero(IEnumerable<(long Seq, long Past)> samples) =>
            samples.All(sp => Evaluate(name, sp.Seq, sp.Past) is var t && Enumerable.Range(0, (int)t.Length).All(k => t.GetDouble(k) == 0));
        if (!Zero(Samples())) return false;
        CheckAtLength($"the additive mask '{name}' is all zeros", Zero, square: true);
        return true;
    }

    /// <summary>A condition that keeps the scores where it equals <paramref name="keepWhen"/>.</summary>
    private bool IsCausalCondition(string condition, bool keepWhen) =>
        IsCausal(condition, (t, k) => (t.GetDouble(k) != 0) == keepWhen);

    /// <summary>The first channel of a rotated range that turns at frequency <paramref name="k"/>: k (rotate-half:
    /// channels k and k + d/2) or 2k (interleaved: channels 2k and 2k + 1).</summary>
    private static int RopeChannel(int k, bool interleaved) => interleaved ? 2 * k : k;

    /// <summary>The frequency channel <paramref name="k"/> of a rotated range of width <paramref name="d"/> turns at:
    /// k mod d/2 (rotate-half) or k / 2 (interleaved pairs).</summary>
    private static long RopeFrequency(long k, long d, bool interleaved) => interleaved ? k / 2 : k % (d / 2);

    /// <summary>
    /// A rotate-half table for <paramref name="d"/> rotated channels: row i (position past + i) holds
    /// a·trig((past + i)·θ^(−2(k mod d/2)/d) / f) (modeling_llama.py's rotary embedding; f ≠ 1 is modeling_rope_utils.py's
    /// linear scaling, inv_freq / factor; a ≠ 1 its <c>attention_scaling</c>, yarn's attention factor, which scales cos and
    /// sin), "cos" or "sin". The amplitude a is the cos table's value at position 0, and for a sin table what positions 1
    /// and 2 give (<see cref="SinAmplitude"/>). From position 1: channel 0 holds trig(1/f), channel 1 trig(θ^(−2/d)/f); θ
    /// and f are fitted there (to 5 significant digits: acos of a float32 near 1 carries about 1e-6 relative error) and
    /// the whole table is checked at every sampled length. A table no θ and factor describe (llama3, yarn or longrope
    /// scaling) gets its frequencies read off channel by channel (<see cref="TableFrequencies"/>), also checked
    /// everywhere. <paramref name="interleaved"/>: the same for a table of interleaved pairs, channel k at frequency k / 2
    /// (modeling_gptj.py's sin/cos after <c>repeat_interleave(.., 2)</c>); channel 2 then holds θ^(−2/d)/f at position 1.
    /// Null when the values are no such table.
    /// </summary>
    private (string Trig, double Theta, double Factor, double[]? Frequencies, double Amplitude)? RopeTable(string name, long d, bool interleaved)
    {
        var (s0, _) = Samples().Where(sp => sp.Past == 0).MaxBy(sp => sp.Seq);
        var first = Evaluate(name, s0, 0);
        if (first.Floats is not { } f0 || first.Shape[^1] != d || first.Length != s0 * d || d % 2 != 0 || d < 4) return null;
        if (s0 < 2)
        {
            // One new position per step (a decode graph): position 1 is the first row with one cached position.
            var next = Evaluate(name, s0, 1);
            if (next.Floats is not { } f1 || next.Length != d) return null;
            f0 = [.. f0, .. f1];
        }
        var sine = f0[..(int)d].All(v => Math.Abs(v) < 1e-6);
        var trig = sine ? "sin" : "cos";
        double amplitude = sine ? SinAmplitude(name, d, interleaved) ?? 0 : f0[0];
        if (!(amplitude > 0) || (!sine && f0[..(int)d].Any(v => Math.Abs(v - amplitude) > 1e-6 * amplitude))) return null;
        var half = d / 2;
        double Angle(float v) => trig == "cos" ? Math.Acos(Math.Clamp(v / amplitude, -1, 1)) : Math.Asin(Math.Clamp(v / amplitude, -1, 1));
        static double Round(double v) => double.Parse(v.ToString("G5", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        var (a0, a1) = (Angle(f0[d]), Angle(f0[d + RopeChannel(1, interleaved)]));
        if (!(a0 > 0) || !(a1 > 0)) return null;
        var factor = Round(1 / a0);
        var theta = Round(Math.Pow(a1 / a0, -half));
        if (double.IsFinite(theta) && theta > 1 && double.IsFinite(factor)
            && TableMatches(name, d, trig, Enumerable.Range(0, (int)half).Select(k => Math.Pow(theta, -2.0 * k / d) / factor).ToArray(), amplitude, interleaved))
            return (trig, theta, factor, null, amplitude);
        // read-off frequencies to 6 significant digits (a float32 table holds about 7), so exports of one model whose
        // graphs sample other positions raise to the same op
        if (TableFrequencies(name, d, trig, amplitude, interleaved) is not { } read) return null;
        var f = read.Select(v => double.Parse(v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (!TableMatches(name, d, trig, f, amplitude, interleaved)) return null;
        // θ as channel 1 shows it (the short wavelengths no scaling touches); only a label beside explicit frequencies
        return (trig, f[1] > 0 && f[1] < 1 ? Round(Math.Pow(f[1], -half)) : 10000, 1, f, amplitude);
    }

    /// <summary>
    /// The amplitude a of a sin table a·sin(position·f): from positions p and 2p of one channel, cos(p·f) = v₂ₚ / (2·vₚ)
    /// (the double-angle formula) and a = vₚ / sin(p·f); of the pairs p = 1, 2, 3 the sampled lengths hold, the best
    /// conditioned (largest sin(p·f)). Null when no pair allows it.
    /// </summary>
    private double? SinAmplitude(string name, long d, bool interleaved)
    {
        double? best = null, bestSin = 0.05; // below this the quotient is ill-conditioned
        for (var p = 1; p <= 3; p++)
        {
            if (TableRow(name, d, p) is not { } v1 || TableRow(name, d, 2 * p) is not { } v2) continue;
            for (var k = 0; k < d / 2; k++)
            {
                var ch = RopeChannel(k, interleaved);
                if (Math.Abs(v1[ch]) < 1e-3) continue;
                var c = v2[ch] / (2.0 * v1[ch]);
                if (Math.Abs(c) >= 1) continue;
                var sin = Math.Sqrt(1 - c * c);
                if (sin > bestSin) (best, bestSin) = (Math.Abs(v1[ch]) / sin, sin);
            }
        }
        return best;
    }

    /// <summary>The table's row at <paramref name="position"/>: from a sampled length that holds it, else from one new
    /// position after <paramref name="position"/> cached ones (a graph with a KV cache).</summary>
    private float[]? TableRow(string name, long d, long position)
    {
        foreach (var (s, p) in Samples().Where(sp => sp.Past <= position && position < sp.Past + sp.Seq))
            return Evaluate(name, s, p) is { Floats: { } v } t && t.Length == s * d ? v[(int)((position - p) * d)..(int)((position - p + 1) * d)] : null;
        if (!_eval.HasPast || _eval.FixedSeq is not (null or 1)) return null;
        return Evaluate(name, 1, position) is { Floats: { } w } one && one.Length == d ? w : null;
    }

    /// <summary>Whether the table holds a·trig(position·f[frequency of channel k]) at every sampled length (within 1e-4·a).</summary>
    private bool TableMatches(string name, long d, string trig, double[] f, double amplitude, bool interleaved)
    {
        foreach (var (s, p) in Samples())
        {
            var t = Evaluate(name, s, p);
            if (t.Floats is not { } v || t.Length != s * d) return false;
            for (var i = 0; i < s; i++)
                for (var k = 0; k < d; k++)
                {
                    var a = (p + i) * f[RopeFrequency(k, d, interleaved)];
                    var want = amplitude * (trig == "cos" ? Math.Cos(a) : Math.Sin(a));
                    if (Math.Abs(v[i * d + k] - want) > 1e-4 * amplitude) return false;
                }
        }
        return true;
    }

    /// <summary>
    /// Each channel's frequency read off the table: from the first position (angles of at most 1 rad, so asin and acos
    /// are unambiguous there), then refined along the sampled positions by taking, at each, the angle nearest the
    /// prediction among those the value allows (unwrapping), where the table is well conditioned (the value's slope at
    /// least 0.2; small cos angles, ill-conditioned, still tighten the estimate). Null when a channel has no sensible
    /// frequency.
    /// </summary>
    private double[]? TableFrequencies(string name, long d, string trig, double amplitude, bool interleaved)
    {
        var rows = new SortedDictionary<long, float[]>();
        foreach (var (s, p) in Samples())
        {
            var t = Evaluate(name, s, p);
            if (t.Floats is not { } v || t.Length != s * d) return null;
            for (var i = 0; i < s; i++) rows[p + i] = v[(int)(i * d)..(int)((i + 1) * d)];
        }
        if (!rows.ContainsKey(1)) return null;
        var half = (int)(d / 2);
        var f = new double[half];
        for (var k = 0; k < half; k++)
        {
            double? est = null;
            foreach (var (pos, row) in rows)
            {
                if (pos <= 0) continue;
                var v = Math.Clamp(row[RopeChannel(k, interleaved)] / amplitude, -1, 1);
                if (est is not { } e)
                {
                    if (pos != 1) return null;
                    est = (trig == "cos" ? Math.Acos(v) : Math.Asin(v)) / pos;
                    continue;
                }
                var predicted = e * pos;
                double[] bases = trig == "cos" ? [Math.Acos(v), -Math.Acos(v)] : [Math.Asin(v), Math.PI - Math.Asin(v)];
                var best = bases.Select(b => b + 2 * Math.PI * Math.Round((predicted - b) / (2 * Math.PI))).MinBy(a => Math.Abs(a - predicted));
                var slope = trig == "cos" ? Math.Abs(Math.Sin(best)) : Math.Abs(Math.Cos(best));
                if (Math.Abs(best - predicted) > Math.PI / 4) return null;
                if (slope >= 0.2 || (trig == "cos" && Math.Abs(best) < 0.2)) est = best / pos;
            }
            if (est is not { } final || !(final >= 0) || final > Math.PI / 2) return null;
            f[k] = final;
        }
        return f;
    }
}
