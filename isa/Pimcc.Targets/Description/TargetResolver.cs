using System.Globalization;
using System.Text.RegularExpressions;
using Pimcc.Diagnostics;

namespace Pimcc.Targets.Description;

/// <summary>
/// Turns written values (preset or file, then <c>--set</c> overrides) into validated base-unit
/// values: unknown keys, missing keys, wrong types, bad units, non-positive, non-power-of-two and
/// out-of-range values are errors naming the key.
/// </summary>
internal static partial class TargetResolver
{
    public static ResolvedParameters Resolve(RawDescription raw, DescriptionSchema schema, IReadOnlyList<string> overrides)
    {
        foreach (var (key, value) in raw.Values)
            if (schema.Find(key) is null) throw UnknownKey(value.Location, key, schema, raw.Kind);

        foreach (var text in overrides) ApplyOverride(raw, schema, text);

        var missing = schema.Parameters.Where(p => !raw.Values.ContainsKey(p.Key)).ToList();
        if (missing.Count > 0)
            throw RawDescription.Invalid(raw.Origin, missing[0].Key,
                missing.Count == 1 ? "missing key" : $"missing key (and {missing.Count - 1} more)",
                $"define it ({missing[0].Summary}, unit {missing[0].Unit}), or start from a preset of kind '{raw.Kind}' with \"extends\"");

        // Clocks first: other keys need them to turn times into cycles.
        var ctx = new UnitContext(null, null);
        var resolved = new Dictionary<string, ResolvedParameter>(StringComparer.Ordinal);
        foreach (var key in schema.ClockKeys)
            resolved[key] = Convert(schema.Find(key)!, raw.Values[key], ctx);
        ctx = new UnitContext(
            schema.CoreClockKey is { } core ? resolved[core].Number : null,
            schema.DramClockPeriodKey is { } dram ? resolved[dram].Number : null);

        var ordered = new List<ResolvedParameter>(schema.Parameters.Count);
        foreach (var spec in schema.Parameters)
            ordered.Add(resolved.TryGetValue(spec.Key, out var r) ? r : Convert(spec, raw.Values[spec.Key], ctx));
        return new ResolvedParameters(ordered, ctx);
    }

    private static ResolvedParameter Convert(ParameterSpec spec, RawValue v, UnitContext ctx)
    {
        PimccError Bad(string msg, string hint) => new(ExitCode.InvalidTargetDescription, v.Location, msg, hint);

        switch (spec.Dimension)
        {
            case Dimension.Boolean:
                if (v.Flag is not { } flag) throw Bad("expected true or false", "write \"value\": true or false");
                return new ResolvedParameter(spec, 0, flag, "", v.Source);
            case Dimension.Choice:
                if (v.Word is not { } word || !spec.Choices.Contains(word))
                    throw Bad($"expected one of: {string.Join(", ", spec.Choices)}", $"write \"value\": \"{spec.Choices[0]}\"");
                return new ResolvedParameter(spec, 0, false, word, v.Source);
        }

        if (v.Number is not { } n) throw Bad("expected a number", $"write \"value\": <number>, \"unit\": \"{spec.Unit}\"");
        if (v.Unit.Length == 0) throw Bad("value has no unit", $"add \"unit\": \"{spec.Unit}\" (accepted: {string.Join(", ", Units.Accepted(spec.Dimension))})");
        var value = Units.ToBase(spec.Dimension, n, v.Unit, ctx, out var unitError);
        if (value is not { } b) throw Bad(unitError, $"write the value in {spec.Unit}");

        if (b < 0 || (b == 0 && !spec.AllowZero)) throw Bad($"must be {(spec.AllowZero ? "zero or positive" : "positive")}, got {Show(n)} {v.Unit}", spec.AllowZero ? "use zero or a positive value" : "use a value greater than zero");
        if (b > spec.Max)
            throw Bad($"{Show(n)} {v.Unit} is more than the largest accepted, {Show(spec.Max)} {Units.BaseUnit(spec.Dimension)}",
                $"use at most {Show(spec.Max)} {Units.BaseUnit(spec.Dimension)}");
        if (spec.Integral && b != decimal.Truncate(b))
            throw Bad($"{Show(n)} {v.Unit} is not a whole number of {Units.BaseUnit(spec.Dimension)}", $"use a whole number of {Units.BaseUnit(spec.Dimension)}");
        if (spec.PowerOfTwo && !IsPowerOfTwo(b))
            throw Bad($"{Show(n)} {v.Unit} is not a power of two, which the hardware's address decoding needs", "use a power of two");
        return new ResolvedParameter(spec, b, false, "", v.Source);
    }

    /// <summary>Applies <c>key=value[unit]</c>; a bare number is in the key's unit (see docs/targets.md).</summary>
    private static void ApplyOverride(RawDescription raw, DescriptionSchema schema, string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0)
            throw new PimccError(ExitCode.InvalidTargetDescription, $"--set {text}", "expected key=value", "e.g. --set hbm.timing.nRCDRD=24 or --set sram.localMemory.activation=512KiB");
        var key = text[..eq].Trim();
        var valueText = text[(eq + 1)..].Trim();
        var location = $"--set {key}";
        var spec = schema.Find(key) ?? throw UnknownKey(location, key, schema, raw.Kind);
        var previous = raw.Values.TryGetValue(key, out var old) ? $" (was: {old.Source})" : "";
        var source = $"override --set {key}={valueText}{previous}";

        RawValue value;
        if (spec.Dimension == Dimension.Boolean)
        {
            if (!bool.TryParse(valueText, out var flag))
                throw new PimccError(ExitCode.InvalidTargetDescription, location, $"'{valueText}' is not true or false", $"--set {key}=true");
            value = new RawValue(null, flag, null, "", source, location);
        }
        else if (spec.Dimension == Dimension.Choice)
            value = new RawValue(null, null, valueText, "", source, location);
        else
        {
            var m = NumberWithUnit().Match(valueText);
            if (!m.Success)
                throw new PimccError(ExitCode.InvalidTargetDescription, location, $"'{valueText}' is not a number with an optional unit",
                    $"--set {key}=<number>{spec.Unit} (a bare number is read in {spec.Unit})");
            if (!decimal.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                throw new PimccError(ExitCode.InvalidTargetDescription, location, $"{m.Groups[1].Value} is out of range (numbers are at most about 7.9e28)",
                    $"--set {key}=<number>{spec.Unit} with a realistic number");
            var unit = m.Groups[2].Value.Length == 0 ? spec.Unit : m.Groups[2].Value;
            value = new RawValue(n, null, null, unit, source, location);
        }
        raw.Values[key] = value;
    }

    private static PimccError UnknownKey(string location, string key, DescriptionSchema schema, string kind) =>
        new(ExitCode.InvalidTargetDescription, location, $"unknown key '{key}' for a target of kind '{kind}'",
            $"did you mean '{KeySuggestion.Closest(key, schema.Parameters.Select(p => p.Key))}'? (`pimcc targets show <preset of kind {kind}>` lists every key)");

    private static bool IsPowerOfTwo(decimal b) => b >= 1 && b == decimal.Truncate(b) && b <= long.MaxValue && long.IsPow2((long)b);

    internal static string Show(decimal d) => Units.Show(d);

    // A unit starts with a letter, '/' or '%' and may hold digits after that (mm2, um2).
    [GeneratedRegex(@"^([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*((?:[A-Za-z/%][A-Za-z0-9/%]*)?)$")]
    private static partial Regex NumberWithUnit();
}
