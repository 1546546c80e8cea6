namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// A scalar function of one activation, built from the element-wise ops an exporter spells an
/// activation with (Mul, Add, Sub, Div, Pow by constants; Tanh, Erf, Sigmoid, Exp, Sqrt, Neg, Relu;
/// sums and products of such functions of the same activation). What it is, GELU (erf or tanh),
/// SiLU, ReLU, x², a scale k·x, a soft cap c·tanh(x/c), is decided by evaluating it, not by the order of its ops.
/// </summary>
internal abstract record Fn
{
    public abstract double At(double x);

    public static readonly Fn X = new Var();

    private sealed record Var : Fn { public override double At(double x) => x; }

    public sealed record Const(double K) : Fn { public override double At(double x) => K; }

    public sealed record Unary(string Op, Fn A) : Fn
    {
        public override double At(double x)
        {
            var a = A.At(x);
            return Op switch
            {
                "Tanh" => Math.Tanh(a),
                "Erf" => Pimcc.Reference.Kernels.SpecialFunctions.Erf(a),
                "Sigmoid" => 1 / (1 + Math.Exp(-a)),
                "Exp" => Math.Exp(a),
                "Sqrt" => Math.Sqrt(a),
                "Reciprocal" => 1 / a,
                "Neg" => -a,
                "Relu" => Math.Max(a, 0),
                _ => throw new InvalidOperationException(Op),
            };
        }
    }

    public sealed record Binary(string Op, Fn A, Fn B) : Fn
    {
        public override double At(double x)
        {
            double a = A.At(x), b = B.At(x);
            return Op switch
            {
                "Add" => a + b,
                "Sub" => a - b,
                "Mul" => a * b,
                "Div" => a / b,
                "Pow" => Math.Pow(a, b),
                _ => throw new InvalidOperationException(Op),
            };
        }
    }

    public static bool IsUnaryOp(string op) => op is "Tanh" or "Erf" or "Sigmoid" or "Exp" or "Sqrt" or "Reciprocal" or "Neg" or "Relu";
    public static bool IsBinaryOp(string op) => op is "Add" or "Sub" or "Mul" or "Div" or "Pow";

    /// <summary>Sample points: both signs, the GELU/SiLU knee and the tails.</summary>
    private static readonly double[] Points = [.. Enumerable.Range(-40, 81).Select(i => i * 0.2), 1e-3, -1e-3, 0.05, -0.05];

    /// <summary>True when this equals <paramref name="g"/> at every sample point (relative 1e-5, absolute 1e-6).</summary>
    public bool Matches(Func<double, double> g) =>
        Points.All(x => At(x) is var v && g(x) is var w && Math.Abs(v - w) <= 1e-6 + 1e-5 * Math.Abs(w));

    /// <summary>The IR activation this function is (opcode and GELU form), or null.</summary>
    public (string Opcode, string? Approximate)? Activation()
    {
        if (Matches(x => Math.Max(x, 0))) return ("relu", null);
        if (Matches(x => x / (1 + Math.Exp(-x)))) return ("silu", null);
        if (Matches(x => 0.5 * x * (1 + Pimcc.Reference.Kernels.SpecialFunctions.Erf(x / Math.Sqrt(2))))) return ("gelu", "none");
        if (Matches(x => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))))) return ("gelu", "tanh");
        return null;
    }

    /// <summary>c when this is c·tanh(x/c) with c &gt; 0 (Gemma 2's final-logit soft-capping), else null. c is the
    /// function's limit, read far out on the positive side where tanh is 1 in double precision.</summary>
    public double? SoftCap()
    {
        var c = At(1e6);
        return c > 0 && double.IsFinite(c) && Matches(x => c * Math.Tanh(x / c)) ? c : null;
    }

    /// <summary>k when this is k·x (k ≠ 0), else null.</summary>
    public double? Scale()
    {
        var k = At(1);
        return k != 0 && Matches(x => k * x) ? k : null;
    }
}
