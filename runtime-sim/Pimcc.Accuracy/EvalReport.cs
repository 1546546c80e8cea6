using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pimcc.Accuracy;

/// <summary>
/// What <c>pimcc eval</c> reports (<c>pimcc-eval/1</c>): the setting (model, target, SLC fraction or weight format,
/// tokens, windows, draws, seed, the noise model's figures) and the losses of <see cref="EvalFigures"/>. The JSON is
/// the document; the text is rendered from the same record. Both are the same bytes for the same command.
/// </summary>
public sealed record EvalReport(
    string Model, string Target, string Kind, double? SlcFraction, string? Weights, string TokensFile, int Tokens, int Windows, int WindowTokens,
    long Predicted, int Draws, ulong Seed, IReadOnlyList<string> NoiseModel, EvalFigures Figures)
{
    public const string Format = "pimcc-eval/1";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string RenderJson()
    {
        using var stream = new MemoryStream();
        using (var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteString("format", Format);
            j.WriteString("model", Model);
            j.WriteString("target", Target);
            j.WriteString("kind", Kind);
            if (SlcFraction is { } f) j.WriteNumber("slcFraction", f);
            if (Weights is { } w) j.WriteString("weights", w);
            j.WriteString("tokensFile", TokensFile);
            j.WriteNumber("tokens", Tokens);
            j.WriteNumber("windows", Windows);
            j.WriteNumber("windowTokens", WindowTokens);
            j.WriteNumber("predicted", Predicted);
            j.WriteStartArray("noiseModel");
            foreach (var line in NoiseModel) j.WriteStringValue(line);
            j.WriteEndArray();
            Figure(j, "fp32", Figures.Fp32.Loss);
            Figure(j, "quantised", Figures.Quantised.Loss);
            if (Figures.Noisy is { } n)
            {
                j.WriteStartObject("noisy");
                j.WriteNumber("draws", Draws);
                j.WriteNumber("seed", Seed);
                j.WriteStartArray("losses");
                foreach (var l in n.Losses) j.WriteNumberValue(l);
                j.WriteEndArray();
                j.WriteNumber("mean", n.Mean);
                j.WriteNumber("min", n.Min);
                j.WriteNumber("max", n.Max);
                j.WriteNumber("stddev", n.StdDev);
                j.WriteNumber("perplexity", Math.Exp(n.Mean));
                j.WriteEndObject();
            }
            j.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Figure(Utf8JsonWriter j, string name, double loss)
    {
        j.WriteStartObject(name);
        j.WriteNumber("loss", loss);
        j.WriteNumber("perplexity", Math.Exp(loss));
        j.WriteEndObject();
    }

    public string RenderText()
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"eval: {Model} on {Target}");
        if (SlcFraction is { } f) sb.Append(Inv, $", SLC fraction {f:0.###}");
        if (Weights is { } w) sb.Append(Inv, $", {w} weights");
        sb.Append('\n');
        sb.Append(Inv, $"tokens: {TokensFile}: {Tokens} tokens in {Windows} windows of up to {WindowTokens}, {Predicted} predicted\n");
        foreach (var line in NoiseModel) sb.Append(line).Append('\n');
        sb.Append("reference                          loss (nats/token)  perplexity  vs FP32\n");
        Row(sb, "FP32 (ONNX Runtime)", Figures.Fp32.Loss, null);
        Row(sb, "quantised, noise-free", Figures.Quantised.Loss, Figures.Fp32.Loss);
        if (Figures.Noisy is { } n)
        {
            Row(sb, $"quantised + noise, mean of {Draws}", n.Mean, Figures.Fp32.Loss);
            sb.Append(Inv, $"noise draws (seeds {Seed}..{Seed + (ulong)Draws - 1}): loss min {n.Min:F4}, max {n.Max:F4}, stddev {n.StdDev:F4}\n");
        }
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string name, double loss, double? fp32)
    {
        var line = string.Create(Inv, $"{name,-34} {loss,17:F4}  {Math.Exp(loss),10:F4}  {(fp32 is { } b ? (loss - b).ToString("+0.0000;-0.0000;0.0000", Inv) : "")}");
        sb.Append(line.TrimEnd()).Append('\n');
    }
}
