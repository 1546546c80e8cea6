using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// Reads a HuggingFace <c>config.json</c> and builds a weight-less decoder module (docs/ir.md):
/// module attributes, weights named after the checkpoint parameters (shape and dtype only), one KV
/// cache per layer sized for the workload, and the <c>prefill</c> and <c>decode</c> functions.
/// Every user mistake is a one-line <see cref="PimccError"/> naming the file and field.
/// </summary>
public static class HfConfigFrontend
{
    private static readonly (string ModelType, Func<ConfigObject, ElementType, DecoderFamily> Create)[] Families =
    [
        ("bert", BertFamily.Create),
        ("bloom", BloomFamily.Create),
        ("codegen", GptjFamily.Creator(codegen: true)),
        ("falcon", FalconFamily.Create),
        ("gemma", GemmaFamily.Creator(gemma2: false)),
        ("gemma2", GemmaFamily.Creator(gemma2: true)),
        ("gpt2", Gpt2Family.Create),
        ("gpt_neox", NeoxFamily.Create),
        ("gptj", GptjFamily.Creator(codegen: false)),
        ("llama", LlamaFamily.Creator(LlamaFamily.Variant.Llama, "llama")),
        ("mistral", LlamaFamily.Creator(LlamaFamily.Variant.Mistral, "mistral")),
        ("olmo", LlamaFamily.Creator(LlamaFamily.Variant.Olmo, "olmo")),
        ("opt", OptFamily.Create),
        ("phi", PhiFamily.Create),
        ("phi3", Phi3Family.Create),
        ("qwen2", LlamaFamily.Creator(LlamaFamily.Variant.Qwen2, "qwen2")),
        ("stablelm", StableLmFamily.Create),
    ];

    /// <summary>The <c>model_type</c> values this frontend reads, sorted.</summary>
    public static IReadOnlyList<string> SupportedModelTypes { get; } = [.. Families.Select(f => f.ModelType)];

    /// <summary>Reads the config file at <paramref name="path"/>.</summary>
    /// <param name="dtype">Overrides the config's <c>torch_dtype</c> (f32, f16 or bf16).</param>
    public static Module Load(string path, HfWorkload workload, ElementType? dtype = null)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PimccError(ExitCode.InputNotFound, path, $"cannot read the HF config: {e.Message}",
                "check the path; pass the model's config.json");
        }
        return Load(json, path, workload, dtype);
    }

    /// <summary>Reads config text; <paramref name="fileName"/> names it in diagnostics and names the module.</summary>
    public static Module Load(string json, string fileName, HfWorkload workload, ElementType? dtype = null)
    {
        workload.Validate(fileName);
        var config = ConfigObject.Parse(json, fileName);
        var modelType = config.String("model_type");
        var row = Array.FindIndex(Families, f => f.ModelType == modelType);
        if (row < 0)
            throw config.Unsupported("model_type", $"model_type \"{modelType}\" is not supported; supported: {string.Join(", ", SupportedModelTypes)}",
                "pimcc reads LLM configs of these families");
        var (elementType, source) = ModelDtype.Resolve(config, dtype);
        var family = Families[row].Create(config, elementType);
        // An encoder generates nothing: the driver's default workload (nothing given) reads the prompt only.
        if (family.Encoder && workload.Defaulted) workload = workload with { GeneratedTokens = 0 };
        return DecoderAssembler.Assemble(ModuleName(fileName), config, family, elementType, source, workload);
    }

    /// <summary>The file's stem (<c>opt-13b</c> for <c>samples/hf-configs/opt-13b.json</c>).</summary>
    private static string ModuleName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return stem.Length > 0 ? stem : "model";
    }
}
