using Pimcc.Frontends.IrText;
using Pimcc.Ir;

namespace Pimcc.Tests.IrText;

/// <summary>
/// Property check: random attribute values and keys (any 64-bit float bit pattern, extreme integers,
/// arbitrary UTF-16 strings and symbol names, nested lists) survive print -> parse -> print.
/// Seeded, so a failure reproduces.
/// </summary>
public class RandomAttrRoundTripTests
{
    private static readonly string[] Symbols = ["kv", "seq", "a.b", "inf", "true", "func", "x-y", "1st", "", "with space", "q\"t"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomAttributesRoundTrip(int seed)
    {
        var rng = new Random(seed);
        var attrs = AttrMap.Empty;
        for (var i = 0; i < 300; i++) attrs = attrs.Set(RandomString(rng, 6) + i, RandomValue(rng, 0));
        var module = new Module(RandomString(rng, 8), attrs, [], [], []);
        var text = Printer.Print(module);
        var parsed = IrTextParser.Parse(text, $"random-{seed}.pimir");
        Printer.Print(parsed).ShouldBe(text);
        parsed.ShouldBe(module);
    }

    private static AttrValue RandomValue(Random rng, int depth) => rng.Next(depth < 3 ? 7 : 6) switch
    {
        0 => new FloatAttr(BitConverter.Int64BitsToDouble(rng.NextInt64(long.MinValue, long.MaxValue))),
        1 => new FloatAttr(rng.NextDouble() * Math.Pow(10, rng.Next(-30, 30)) * (rng.Next(2) * 2 - 1)),
        2 => AttrValue.Of(RandomLong(rng)),
        3 => AttrValue.Of(RandomExpr(rng)),
        4 => AttrValue.Of(RandomString(rng, 12)),
        5 => AttrValue.Of(rng.Next(2) == 0),
        _ => new ListAttr([.. Enumerable.Range(0, rng.Next(4)).Select(_ => RandomValue(rng, depth + 1))]),
    };

    private static long RandomLong(Random rng) => rng.Next(4) switch
    {
        0 => long.MinValue,
        1 => long.MaxValue,
        _ => rng.NextInt64(-1000, 1000),
    };

    private static SymExpr RandomExpr(Random rng)
    {
        var e = SymExpr.Const(rng.NextInt64(-1000, 1000));
        // Distinct symbols, so extreme coefficients never add up to an overflow.
        foreach (var sym in Symbols.OrderBy(_ => rng.Next()).Take(rng.Next(1, 3)))
            e += SymExpr.Sym(sym, rng.Next(3) == 0 ? long.MinValue + 1 : rng.NextInt64(-5, 6));
        return e;
    }

    private const string Awkward = "\"\\\n\t\r%@$-.= {}[]";

    private static string RandomString(Random rng, int maxLength)
    {
        var chars = new char[rng.Next(maxLength + 1)];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = rng.Next(3) switch
            {
                0 => (char)rng.Next(0, 0x80),
                1 => Awkward[rng.Next(Awkward.Length)],
                _ => (char)rng.Next(0, 0x10000),
            };
        return new string(chars);
    }
}
