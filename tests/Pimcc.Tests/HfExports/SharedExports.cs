using System.Text.Json;

namespace Pimcc.Tests.HfExports;

/// <summary>
/// The real HuggingFace exports in ../shared/models/hf-exports (beside the repository; README there): per family a
/// torch.onnx full graph, optimum exports without and with the KV cache, the model's config.json, and torch's logits
/// for 12 token ids (<c>torch_ref.json</c>). Missing data is a test failure naming the folder, never a skip.
/// </summary>
public static class SharedExports
{
    public static readonly string[] Families = ["gpt2", "opt", "llama", "qwen2"];
    public static readonly string[] Forms = ["torch-full.onnx", "optimum-nopast/model.onnx", "optimum-with-past/model.onnx"];

    public static string Folder
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "models", "hf-exports"));
            if (!Directory.Exists(dir))
                throw new InvalidOperationException($"the shared HF exports are missing: expected {dir} (../shared/models/hf-exports beside the repository)");
            return dir;
        }
    }

    public static string Model(string family, string form)
    {
        var path = Path.Combine(Folder, family, form);
        return File.Exists(path) ? path : throw new InvalidOperationException($"shared export missing: {path}");
    }

    /// <summary>torch's logits for <see cref="Reference.Ids"/>: row i are the logits after ids[0..i].</summary>
    public sealed record Reference(int[] Ids, float[][] Logits);

    public static Reference TorchReference(string family) => ReadReference(Path.Combine(Folder, family, "torch_ref.json"));

    /// <summary>A <c>{"ids": [...], "logits": [[...], ...]}</c> file (torch_ref.json here, reference.json beside the
    /// generated export forms in samples/onnx/forms).</summary>
    public static Reference ReadReference(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var ids = doc.RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var logits = doc.RootElement.GetProperty("logits").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetSingle()).ToArray()).ToArray();
        return new Reference(ids, logits);
    }

    /// <summary>A config.json value (e.g. num_key_value_heads), or null when the config has none.</summary>
    public static long? Config(string family, string key)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, family, "config.json")));
        return doc.RootElement.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
    }

    public static TheoryData<string, string> All(bool withPast)
    {
        var data = new TheoryData<string, string>();
        foreach (var f in Families)
            foreach (var form in Forms.Where(x => withPast || !x.Contains("with-past", StringComparison.Ordinal)))
                data.Add(f, form);
        return data;
    }
}
