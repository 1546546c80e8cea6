using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// BigScience BLOOM (modeling_bloom.py) always uses ALiBi: a per-head linear bias on the attention scores instead
/// of position embeddings. The IR's attention op has no score bias, and dropping it would compile a model that
/// computes something else at exit 0, so the family is recognised and refused with the reason.
/// </summary>
internal static class BloomFamily
{
    public static DecoderFamily Create(ConfigObject c, ElementType dtype) =>
        throw c.Unsupported("model_type", "bloom attends with ALiBi position biases, which the IR's attention op cannot express yet",
            "pimcc compiles rotary (llama, gpt_neox, falcon, ...) and learned-position (gpt2, opt) families");
}
