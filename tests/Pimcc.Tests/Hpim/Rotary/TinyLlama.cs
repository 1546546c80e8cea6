using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;

namespace Pimcc.Tests.Hpim.Rotary;

/// <summary>A two-layer Llama-family config small enough for stream snapshots: 4 query heads sharing 2 KV heads (GQA), head_dim 32.</summary>
public static class TinyLlama
{
    public const string Json = """
        {
          "model_type": "llama", "hidden_size": 128, "intermediate_size": 256, "num_attention_heads": 4,
          "num_key_value_heads": 2, "num_hidden_layers": 2, "vocab_size": 256, "max_position_embeddings": 64,
          "rms_norm_eps": 1e-05, "rope_theta": 10000.0, "hidden_act": "silu", "tie_word_embeddings": false,
          "torch_dtype": "float16"
        }
        """;

    public static Module Build(int prompt = 8, int generated = 8) => HfConfigFrontend.Load(Json, "tiny-llama.json", new HfWorkload(prompt, generated));
}
