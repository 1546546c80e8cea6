using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// GELU spelled out by the exporter. tanh form (GPT-2's gelu_new, torch gelu(approximate="tanh")):
/// 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), steps 1 x·x, 2 x·x², 3 c·x³, 4 x + c·x³, 5 ·√(2/π),
/// 6 tanh, 7 1 + tanh, 8 x·(...), then ·0.5. erf form: 0 x/√2, 1 erf, 2 + 1, 3 x·(...), then ·0.5.
/// </summary>
internal sealed partial class GraphRaiser
{
    private const double TanhCubic = 0.044715;
    private static readonly double SqrtTwoOverPi = Math.Sqrt(2 / Math.PI);

    private static bool Near(double? a, double b) => a is { } v && Math.Abs(v - b) <= 1e-5 * Math.Max(1, Math.Abs(b));

    private void GeluAdvance(string input, string form, int from)
    {
        if (Get(input) is GeluStep g && g.Form == form && g.Step == from) { Set(g with { Step = from + 1 }); return; }
        throw Fail($"{_node.OpType} outside a GELU");
    }

    private bool GeluMul(AbstractValue a, AbstractValue b, string aName, string bName)
    {
        switch (a, b)
        {
            case (Rows { Batched: true } x, Rows { Batched: true } y) when x.Node == y.Node && aName == bName:
                Set(new GeluStep(x.Node, "tanh", 1));
                return true;
            case (Rows { Batched: true } x, GeluStep { Form: "tanh", Step: 1 or 7 } g) when g.X == x.Node:
                Set(g with { Step = g.Step + 1 });
                return true;
            case (Init, GeluStep { Form: "tanh", Step: 2 } g) when Near(Scalar(aName), TanhCubic):
                Set(g with { Step = 3 });
                return true;
            case (Init, GeluStep { Form: "tanh", Step: 4 } g) when Near(Scalar(aName), SqrtTwoOverPi):
                Set(g with { Step = 5 });
                return true;
            case (Rows { Batched: true } x, GeluStep { Form: "erf", Step: 2 } g) when g.X == x.Node:
                Set(g with { Step = 3 });
                return true;
            case (Init, GeluStep { Step: var s, Form: var f } g) when Near(Scalar(aName), 0.5) && ((f == "tanh" && s == 8) || (f == "erf" && s == 3)):
                Set(new Rows(Emit("gelu", [g.X], AttrMap.Empty.Set("approximate", f == "tanh" ? "tanh" : "none"), g.X.Width)));
                return true;
            default: return false;
        }
    }

    private bool GeluAdd(List<string> ins)
    {
        for (var o = 0; o < 2; o++)
        {
            var (aName, bName) = o == 0 ? (ins[0], ins[1]) : (ins[1], ins[0]);
            switch (Get(aName), Get(bName))
            {
                case (Rows { Batched: true } x, GeluStep { Form: "tanh", Step: 3 } g) when g.X == x.Node:
                    Set(g with { Step = 4 });
                    return true;
                case (Init, GeluStep { Form: "tanh", Step: 6 } g) when Near(Scalar(aName), 1):
                    Set(g with { Step = 7 });
                    return true;
                case (Init, GeluStep { Form: "erf", Step: 1 } g) when Near(Scalar(aName), 1):
                    Set(g with { Step = 2 });
                    return true;
            }
        }
        return false;
    }
}
