#!/usr/bin/python3
"""Generates samples/onnx/forms/: every decoder family of generate.py in the forms optimum and users export
(see forms/README.md). The model code is generate.py's (transformers 4.48's code paths, plain torch); this script
adds the families whose samples there are not yet HF-shaped (Phi-3, Gemma 2, BLOOM), Falcon's new decoder
architecture, Llama with yarn rope scaling, and the export forms:

  optimum-nopast.onnx      optimum's text-generation: input_ids, attention_mask, position_ids (the families whose
                           optimum config takes them; BLOOM does not) -> logits
  optimum-with-past.onnx   text-generation-with-past: the same plus past_key_values.N.key/value [1, kv, past, d],
                           attention_mask [1, past + seq] -> logits, present.N.key/value
  decoder_model_merged.onnx  optimum's merge_decoders of the no-past decoder (use_cache=True: it returns present.*
                           too) and the with-past decoder (traced on one new token, as optimum's legacy export does):
                           one If on use_cache_branch, shared initializers deduplicated into the outer graph
  fixed8.onnx              torch.onnx.export of input_ids [1, 8] -> logits with no dynamic axes
  reference.json           {"ids": 12 token ids, "logits": 12 x vocab}: torch's logits for the full sequence

Dims are tiny (hidden 32, two layers, vocab 128) so the 60 graphs stay small. Deterministic: re-running writes
byte-identical files. Run: /usr/bin/python3 samples/onnx/generate-forms.py   (Debian python3-torch, python3-onnx)
"""
import copy
import json
import math
import os
import sys

import onnx
import onnx.helper
import onnx.numpy_helper
import torch
import torch.nn as nn
import torch.nn.functional as F

import generate as g

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "forms")


def small(c, name, **kw):
    """The family's configuration at form size: hidden 32, heads 4 of 8 channels, FFN 64, vocab 128, 2 layers."""
    s = copy.copy(c)
    s.__dict__.update(dict(name=name, vocab=128, hidden=32, layers=2, heads=4, ffn=64, max_pos=128, seed=c.seed + 40))
    s.__dict__.pop("fixed_head_dim", None)
    s.__dict__.update(kw)
    return s


# ---------------------------------------------------------------- families generate.py does not write HF-shaped
class HookedLayer(g.HfLlamaLayer):
    """HfLlamaLayer with the projections, the scores and the MLP as methods, for the families that change them."""

    def project(self, h):
        return self.q_proj(h), self.k_proj(h), self.v_proj(h)

    def scores(self, q, k):
        return torch.matmul(q, k.transpose(2, 3)) * (self.c.head_dim ** -0.5)

    def mlp(self, h):
        return self.down_proj(self.act(self.gate_proj(h)) * self.up_proj(h))

    def attention(self, h, mask, cos, sin, past):
        c, d = self.c, self.c.head_dim
        shape = (*h.shape[:-1], -1, d)
        q, k, v = (t.view(shape).transpose(1, 2) for t in self.project(h))
        q, k = g.hf_apply_rotary(q, k, cos, sin)
        k, v = g.with_cache(k, v, past)
        groups = c.heads // c.kv_heads
        attn = self.scores(q, g.hf_repeat_kv(k, groups)) + mask[:, :, :, :k.shape[-2]]
        attn = F.softmax(attn, dim=-1, dtype=torch.float32).to(q.dtype)
        out = torch.matmul(attn, g.hf_repeat_kv(v, groups)).transpose(1, 2).contiguous()
        return self.o_proj(out.reshape(out.shape[0], out.shape[1], -1)), (k, v)

    def forward(self, x, mask, cos, sin, past):
        a, kv = self.attention(self.input_layernorm(x), mask, cos, sin, past)
        x = x + a
        return x + self.mlp(self.post_attention_layernorm(x)), kv


class Phi3Layer(HookedLayer):
    """Phi3DecoderLayer (4.48): fused qkv_proj sliced by position, fused gate_up_proj chunked, up * act(gate)."""

    def __init__(self, c, norm):
        super().__init__(c, norm, F.silu)
        d = c.head_dim
        del self.q_proj, self.k_proj, self.v_proj, self.gate_proj, self.up_proj
        self.qkv_proj = nn.Linear(c.hidden, (c.heads + 2 * c.kv_heads) * d, bias=False)
        self.gate_up_proj = nn.Linear(c.hidden, 2 * c.ffn, bias=False)

    def project(self, h):
        c, d = self.c, self.c.head_dim
        qkv = self.qkv_proj(h)
        qp = c.heads * d
        return qkv[..., :qp], qkv[..., qp:qp + c.kv_heads * d], qkv[..., qp + c.kv_heads * d:]

    def mlp(self, h):
        gate, up = self.gate_up_proj(h).chunk(2, dim=-1)
        return self.down_proj(up * F.silu(gate))


class Gemma2Layer(HookedLayer):
    """Gemma2DecoderLayer (4.48): sandwich norms, scores times query_pre_attn_scalar^-1/2 then soft-capped, the
    sliding-window layers' mask edit (torch.where on a tril of the window), GeGLU (tanh)."""

    def __init__(self, c, norm, sliding):
        super().__init__(c, norm, lambda x: F.gelu(x, approximate="tanh"))
        self.sliding = sliding
        self.post_attention_norm = norm()
        self.pre_feedforward_layernorm = norm()
        self.post_feedforward_layernorm = norm()

    def forward(self, x, mask, cos, sin, past):
        if self.sliding:
            min_dtype = torch.finfo(x.dtype).min
            window = torch.tril(torch.ones_like(mask, dtype=torch.bool), diagonal=-self.c.sliding_window)
            mask = torch.where(window, torch.tensor(min_dtype, dtype=mask.dtype), mask)  # a float32 scalar: valid ONNX
        a, kv = self.attention(self.input_layernorm(x), mask, cos, sin, past)
        x = x + self.post_attention_norm(a)
        h = self.pre_feedforward_layernorm(x)
        return x + self.post_feedforward_layernorm(self.mlp(h)), kv

    def scores(self, q, k):
        s = torch.matmul(q, k.transpose(2, 3)) * (self.c.query_pre_attn_scalar ** -0.5)
        return torch.tanh(s / self.c.attn_softcap) * self.c.attn_softcap


class Gemma2(g.HfDecoder):
    def __init__(self, c):
        norm = lambda: g.GemmaRMSNorm(c.hidden, c.rms_eps)  # noqa: E731
        sliding = iter(i % 2 == 0 for i in range(c.layers))
        super().__init__(c, lambda: Gemma2Layer(c, norm, next(sliding)), norm, embed_scale=c.hidden ** 0.5)
        self.lm_head.weight = self.embed_tokens.weight

    def run(self, input_ids, past, attention_mask, position_ids, present=False):
        out = super().run(input_ids, past, attention_mask, position_ids, present)
        logits = out[0] if past or present else out
        logits = torch.tanh(logits / self.c.final_softcap) * self.c.final_softcap
        return (logits, *out[1:]) if past or present else logits


class Bloom(nn.Module):
    """BloomForCausalLM (4.48): alibi from the attention mask's cumsum (build_alibi_tensor, [batch·heads, 1, keys]),
    the 4-D causal mask of _update_causal_mask, per-head fused query_key_value ([.., heads, 3, d]), baddbmm scores
    over batch·heads, embedding LayerNorm, tanh-GELU, LM head tied to word_embeddings. No position_ids input."""
    takes_positions = False

    def __init__(self, c):
        super().__init__()
        self.c = c
        self.word_embeddings = nn.Embedding(c.vocab, c.hidden)
        self.word_embeddings_layernorm = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.h = nn.ModuleList([g.BloomLayer(c) for _ in range(c.layers)])
        self.ln_f = nn.LayerNorm(c.hidden, eps=c.ln_eps)

    def forward(self, input_ids, *past):
        return self.run(input_ids, past, None, None)

    def run(self, input_ids, past, attention_mask, position_ids, present=False):
        c, d = self.c, self.c.head_dim
        past_len = past[0].shape[2] if past else 0
        b, s = input_ids.shape
        if attention_mask is None:
            attention_mask = torch.ones((b, past_len + s))
        cache_position = torch.arange(past_len, past_len + s)
        alibi = (g.alibi_slopes(c.heads)[..., None] * ((attention_mask.cumsum(dim=-1) - 1) * attention_mask)[:, None, :])
        alibi = alibi.reshape(b * c.heads, 1, past_len + s).to(torch.float32)
        mask = g.hf_causal_mask(c, attention_mask, s, past_len, cache_position)
        x = self.word_embeddings_layernorm(self.word_embeddings(input_ids))
        presents = []
        for i, layer in enumerate(self.h):
            h = layer.input_layernorm(x)
            fused = layer.query_key_value(h).view(b, s, c.heads, 3, d)
            q, k, v = (fused[..., j, :].transpose(1, 2) for j in range(3))
            k, v = g.with_cache(k, v, (past[2 * i], past[2 * i + 1]) if past else None)
            presents += [k, v]
            t = k.shape[-2]
            scores = alibi.baddbmm(batch1=q.reshape(b * c.heads, s, d), batch2=k.reshape(b * c.heads, t, d).transpose(1, 2),
                                   beta=1.0, alpha=1.0 / math.sqrt(d)).view(b, c.heads, s, t)
            probs = F.softmax(scores + mask[:, :, :, :t], dim=-1, dtype=torch.float32)
            out = torch.matmul(probs, v).transpose(1, 2).reshape(b, s, c.heads * d)
            x = x + layer.dense(out)
            x = x + layer.dense_4h_to_h(F.gelu(layer.dense_h_to_4h(layer.post_attention_layernorm(x)), approximate="tanh"))
        logits = torch.matmul(self.ln_f(x), self.word_embeddings.weight.t())
        return (logits, *presents) if past or present else logits


class Falcon40bLayer(nn.Module):
    """FalconDecoderLayer with new_decoder_architecture (falcon-40b/180b): query_key_value grouped per KV head,
    viewed [.., kv_heads, heads/kv_heads + 2, d], key and value broadcast to every query head of their group (the
    cache holds them per query head), two LayerNorms (ln_attn, ln_mlp) in parallel, exact GELU, no biases."""

    def __init__(self, c):
        super().__init__()
        self.c = c
        d = c.head_dim
        self.ln_attn = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.ln_mlp = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.query_key_value = nn.Linear(c.hidden, (c.heads + 2 * c.kv_heads) * d, bias=False)
        self.dense = nn.Linear(c.heads * d, c.hidden, bias=False)
        self.dense_h_to_4h = nn.Linear(c.hidden, c.ffn, bias=False)
        self.dense_4h_to_h = nn.Linear(c.ffn, c.hidden, bias=False)

    def forward(self, x, mask, cos, sin, past):
        c, d = self.c, self.c.head_dim
        fused = self.query_key_value(self.ln_attn(x))
        b, s, _ = fused.shape
        qkv = fused.view(b, s, -1, c.heads // c.kv_heads + 2, d)
        query, key, value = qkv[:, :, :, :-2], qkv[:, :, :, [-2]], qkv[:, :, :, [-1]]
        key, value = key.expand(query.shape), value.expand(query.shape)  # torch.broadcast_to: Expand in ONNX
        query, key, value = [t.flatten(2, 3) for t in (query, key, value)]
        query = query.transpose(1, 2).reshape(b, c.heads, s, d)
        key = key.transpose(1, 2).reshape(b, c.heads, s, d)
        value = value.transpose(1, 2).reshape(b, c.heads, s, d)
        query, key = g.hf_apply_rotary(query, key, cos, sin)
        key, value = g.with_cache(key, value, past)
        t = key.shape[-2]
        scores = query @ key.transpose(-1, -2)
        scores /= math.sqrt(d)
        probs = F.softmax(scores + mask[:, :, :, :t], dim=-1, dtype=x.dtype)
        out = (probs @ value).view(b, c.heads, s, d).permute(0, 2, 1, 3).reshape(b, s, c.heads * d)
        mlp = self.dense_4h_to_h(F.gelu(self.dense_h_to_4h(self.ln_mlp(x))))
        return x + mlp + self.dense(out), (key, value)


class NeoxChunkLayer(g.NeoxLayer):
    """GPTNeoXAttention after transformers' 4.49 refactor: query_key_value viewed [.., heads, 3·d], transposed to
    [b, heads, s, 3·d] first and chunked in three (a Split), instead of 4.48's three slices."""

    def attention(self, h, mask, cos, sin, past):
        c, d, rd = self.c, self.c.head_dim, self.rotary_ndims
        qkv = self.query_key_value(h).view(*h.shape[:-1], -1, 3 * d).transpose(1, 2)
        query, key, value = qkv.chunk(3, dim=-1)
        q_rot, k_rot = g.hf_apply_rotary(query[..., :rd], key[..., :rd], cos, sin)
        query, key = torch.cat((q_rot, query[..., rd:]), dim=-1), torch.cat((k_rot, key[..., rd:]), dim=-1)
        key, value = g.with_cache(key, value, past)
        t = key.shape[-2]
        scores = torch.matmul(query, key.transpose(2, 3)) * self.norm_factor + mask[:, :, :, :t]
        out = torch.matmul(F.softmax(scores, dim=-1, dtype=torch.float32), value).transpose(1, 2).contiguous()
        return self.dense(out.reshape(*out.shape[:2], -1)), (key, value)


class YarnRotary(g.HfRotary):
    """_compute_yarn_parameters (modeling_rope_utils.py, 4.48): interpolated and extrapolated frequencies blended by
    a linear ramp between the beta_fast and beta_slow corrections, and attention_factor 0.1·ln(factor) + 1, which
    scales cos and sin."""

    def __init__(self, dim, theta, factor, original_max, beta_fast=32, beta_slow=1):
        super().__init__(dim, theta)
        pos_freqs = theta ** (torch.arange(0, dim, 2).float() / dim)
        extrapolation, interpolation = 1.0 / pos_freqs, 1.0 / (factor * pos_freqs)

        def correction(rotations):
            return (dim * math.log(original_max / (rotations * 2 * math.pi))) / (2 * math.log(theta))
        low = max(math.floor(correction(beta_fast)), 0)
        high = min(math.ceil(correction(beta_slow)), dim - 1)
        if low == high:
            high += 0.001
        ramp = torch.clamp((torch.arange(dim // 2, dtype=torch.float32) - low) / (high - low), 0, 1)
        extrapolation_factor = 1 - ramp
        self.inv_freq = interpolation * (1 - extrapolation_factor) + extrapolation * extrapolation_factor
        self.attention_scaling = 0.1 * math.log(factor) + 1.0


def hf_family(layer_of, norm_of, rotary=None, embed_scale=None, tied=False):
    def build(c):
        m = g.HfDecoder(c, lambda: layer_of(c), lambda: norm_of(c), embed_scale=embed_scale and embed_scale(c),
                        rotary_dim=rotary and rotary(c))
        if tied:
            m.lm_head.weight = m.embed_tokens.weight
        return m
    return build


def rms(c):
    return g.HfRmsNorm(c.hidden, c.rms_eps)


def ln(c):
    return nn.LayerNorm(c.hidden, eps=c.ln_eps)


def llama_layer(c, act=F.silu, bias=False, norm=rms):
    return g.HfLlamaLayer(c, lambda: norm(c), act, bias)


def yarn_llama(c):
    m = g.HfDecoder(c, lambda: llama_layer(c), lambda: rms(c))
    m.rotary_emb = YarnRotary(c.head_dim, c.rope_theta, c.yarn_factor, c.yarn_original_max)
    return m


FAMILIES = [
    # (folder, builder, config at form size)
    ("llama", hf_family(llama_layer, rms), small(g.LLAMA, "llama", kv_heads=2, rms_eps=1e-6)),
    ("mistral", hf_family(llama_layer, rms), small(g.MISTRAL, "mistral", kv_heads=2)),
    ("llama-tied", hf_family(llama_layer, rms, tied=True), small(g.LLAMA_TIED, "llama-tied", kv_heads=2)),
    ("llama-linear", hf_family(llama_layer, rms), small(g.LLAMA_LINEAR, "llama-linear", kv_heads=2)),
    ("llama-yarn", yarn_llama, small(g.LLAMA_LINEAR, "llama-yarn", kv_heads=2, seed=70, yarn_factor=4.0, yarn_original_max=32)),
    ("phi3", hf_family(lambda c: Phi3Layer(c, lambda: rms(c)), rms),
     small(g.PHI3, "phi3", heads=6, kv_heads=2, fixed_head_dim=8, sliding_window=4096)),
    ("gemma", hf_family(lambda c: llama_layer(c, lambda x: F.gelu(x, approximate="tanh"), norm=lambda c: g.GemmaRMSNorm(c.hidden, c.rms_eps)),
                        lambda c: g.GemmaRMSNorm(c.hidden, c.rms_eps), embed_scale=lambda c: c.hidden ** 0.5, tied=True),
     small(g.GEMMA, "gemma", kv_heads=1, fixed_head_dim=16)),
    ("gemma2", Gemma2, small(g.GEMMA2, "gemma2", kv_heads=2, query_pre_attn_scalar=16, sliding_window=4096)),
    ("stablelm", hf_family(lambda c: llama_layer(c, bias=True, norm=ln), ln, rotary=lambda c: int(c.head_dim * c.rotary_pct)),
     small(g.STABLELM, "stablelm", kv_heads=2, rotary_pct=0.5)),
    ("olmo", hf_family(lambda c: llama_layer(c, norm=lambda c: g.OlmoLayerNorm(c.hidden, c.ln_eps)), lambda c: g.OlmoLayerNorm(c.hidden, c.ln_eps)),
     small(g.OLMO, "olmo", kv_heads=4)),
    ("neox", hf_family(g.NeoxLayer, ln, rotary=lambda c: int(c.head_dim * c.rotary_pct)), small(g.NEOX, "neox", kv_heads=4, ffn=128, rotary_pct=0.5)),
    ("neox-chunk", hf_family(NeoxChunkLayer, ln, rotary=lambda c: int(c.head_dim * c.rotary_pct)),
     small(g.NEOX, "neox-chunk", kv_heads=4, ffn=128, rotary_pct=0.5, seed=71)),
    ("falcon", hf_family(g.FalconLayer, ln, tied=True), small(g.FALCON, "falcon", kv_heads=1, ffn=128)),
    ("falcon40b", hf_family(Falcon40bLayer, ln, tied=True), small(g.FALCON, "falcon40b", kv_heads=2, ffn=128, seed=72, cache_per_query_head=True)),
    ("bloom", Bloom, small(g.BLOOM, "bloom", heads=6, kv_heads=6, hidden=48, ffn=96)),
]


def randomize(model):
    g.randomize_norms(model)
    for m in model.modules():
        if isinstance(m, g.GemmaRMSNorm):
            with torch.no_grad():
                m.weight.copy_(0.1 * torch.randn_like(m.weight))


def cache_layout(c):
    """(heads, head_dim) of each layer's cache: the KV heads, or every query head where keys are broadcast first."""
    return [(c.heads if getattr(c, "cache_per_query_head", False) else c.kv_heads, c.head_dim)] * c.layers


class Optimum(nn.Module):
    """optimum's decoder export: input_ids, attention_mask, position_ids (where the family takes them), then the
    cache; logits out, and present.* where <present>."""

    def __init__(self, model, present):
        super().__init__()
        self.model, self.present = model, present

    def forward(self, input_ids, attention_mask, *rest):
        positions = rest[0] if getattr(self.model, "takes_positions", True) else None
        past = rest[1:] if positions is not None else rest
        return self.model.run(input_ids, tuple(past), attention_mask, positions, self.present)


def names(c, with_past, present, takes_positions):
    ins = ["input_ids", "attention_mask"] + (["position_ids"] if takes_positions else [])
    past_in, past_out = g.past_names(c)
    return ins + (past_in if with_past else []), ["logits"] + (past_out if present else []), past_in, past_out


def export_optimum(model, c, path, seq, past_len, with_past, present):
    takes_positions = getattr(model, "takes_positions", True)
    layers = cache_layout(c)
    ins, outs, past_in, past_out = names(c, with_past, present, takes_positions)
    gen = torch.Generator().manual_seed(300 + c.seed)
    ids = torch.randint(0, c.vocab, (1, seq), generator=gen)
    args = [ids, torch.ones(1, past_len + seq, dtype=torch.int64)]
    if takes_positions:
        args.append(torch.arange(past_len, past_len + seq)[None])
    if with_past:
        args += [torch.randn(1, k, past_len, d, generator=gen) for k, d in layers for _ in range(2)]
    dyn = {"input_ids": {0: "batch_size", 1: "sequence_length"}, "logits": {0: "batch_size", 1: "sequence_length"},
           "attention_mask": {0: "batch_size", 1: "past_sequence_length + sequence_length" if with_past else "sequence_length"}}
    if takes_positions:
        dyn["position_ids"] = {0: "batch_size", 1: "sequence_length"}
    dyn.update({n: {0: "batch_size", 2: "past_sequence_length"} for n in (past_in if with_past else [])})
    dyn.update({n: {0: "batch_size", 2: "past_sequence_length + sequence_length" if with_past else "sequence_length"}
                for n in (past_out if present else [])})
    g.torch_export(Optimum(model, present), tuple(args), path, opset_version=g.OPSET,
                   do_constant_folding=True, input_names=ins, output_names=outs, dynamic_axes=dyn)
    g.save(path, False, c.hidden)


def merge_decoders(no_past_path, with_past_path, path):
    """optimum.onnx.graph_transformations.merge_decoders: outputs unified, inputs the union (the no-past decoder's
    first), attention_mask's length axis renamed, initializers with equal data shared under one name in the outer
    graph (scalars and 1-D int64/int32 ones stay in their branch), one If named optimum::if on use_cache_branch
    (bool [1]): then the with-past decoder, else the no-past one."""
    decoder, with_past = onnx.load(no_past_path), onnx.load(with_past_path)
    models = [decoder, with_past]
    inputs, seen = [], set()
    for m in models:
        for i in m.graph.input:
            if i.name not in seen:
                seen.add(i.name)
                inputs.append(copy.deepcopy(i))
    for i in inputs:
        if i.name == "attention_mask":
            i.type.tensor_type.shape.dim[1].dim_param = "attention_mask_sequence_length"

    def kept_in_branch(t):
        return len(t.dims) == 0 or (len(t.dims) == 1 and t.data_type in (onnx.TensorProto.INT32, onnx.TensorProto.INT64))
    shared, by_data = [], {}
    for k, m in enumerate(models):
        rename, keep = {}, []
        for t in m.graph.initializer:
            if kept_in_branch(t):
                keep.append(t)
                continue
            key = (t.data_type, tuple(t.dims), t.raw_data or onnx.numpy_helper.to_array(t).tobytes())
            if key not in by_data:
                name = t.name if k == 0 else f"{t.name}_merged"
                by_data[key] = name
                u = copy.deepcopy(t)
                u.name = name
                shared.append(u)
            rename[t.name] = by_data[key]
        for n in m.graph.node:
            for j, x in enumerate(n.input):
                if x in rename:
                    n.input[j] = rename[x]
        del m.graph.initializer[:]
        m.graph.initializer.extend(keep)
    branches = [onnx.helper.make_graph(list(m.graph.node), name, [], list(m.graph.output), list(m.graph.initializer))
                for m, name in ((decoder, "no_past"), (with_past, "with_past"))]
    use_cache = onnx.helper.make_tensor_value_info("use_cache_branch", onnx.TensorProto.BOOL, [1])
    if_node = onnx.helper.make_node("If", ["use_cache_branch"], [o.name for o in branches[0].output], name="optimum::if",
                                    then_branch=branches[1], else_branch=branches[0])
    graph = onnx.helper.make_graph([if_node], "merged", inputs + [use_cache], list(branches[0].output), shared)
    merged = onnx.helper.make_model(graph, producer_name="optimum-onnx", opset_imports=list(decoder.opset_import))
    merged.ir_version = decoder.ir_version
    onnx.save_model(merged, path)
    onnx.checker.check_model(path)


def export_family(folder, build, c):
    torch.manual_seed(c.seed)
    model = build(c)
    g.init_linear_like(model, 0.08)
    randomize(model)
    model.eval()
    out = os.path.join(OUT, folder)
    os.makedirs(out, exist_ok=True)
    with torch.no_grad():
        export_optimum(model, c, os.path.join(out, "optimum-nopast.onnx"), 8, 0, False, False)
        export_optimum(model, c, os.path.join(out, "optimum-with-past.onnx"), 2, 3, True, True)
        tmp_no, tmp_with = os.path.join(out, "no-past.tmp.onnx"), os.path.join(out, "with-past.tmp.onnx")
        export_optimum(model, c, tmp_no, 8, 0, False, True)
        export_optimum(model, c, tmp_with, 1, 3, True, True)
        merge_decoders(tmp_no, tmp_with, os.path.join(out, "decoder_model_merged.onnx"))
        os.remove(tmp_no)
        os.remove(tmp_with)
        ids8 = torch.randint(0, c.vocab, (1, 8), generator=torch.Generator().manual_seed(400 + c.seed))
        fixed = os.path.join(out, "fixed8.onnx")
        g.torch_export(model, (ids8,), fixed, opset_version=g.OPSET, do_constant_folding=True,
                       input_names=["input_ids"], output_names=["logits"])
        g.save(fixed, False, c.hidden)
        ids = torch.randint(0, c.vocab, (1, 12), generator=torch.Generator().manual_seed(500 + c.seed))
        logits = model(ids)[0]
        # the cached path continues the full sequence (the model code's own check)
        past = [torch.zeros(1, k, 0, d) for k, d in cache_layout(c) for _ in range(2)]
        for t in range(11):
            past = list(model(ids[:, t:t + 1], *past)[1:])
        err = (model(ids[:, 11:], *past)[0][0, -1] - logits[-1]).abs().max().item()
        assert err < 1e-4, f"{folder}: cached step disagrees with the full sequence by {err}"
    with open(os.path.join(out, "reference.json"), "w") as f:
        json.dump({"ids": ids[0].tolist(), "logits": [[float(v) for v in row] for row in logits.tolist()]}, f,
                  separators=(",", ":"))
        f.write("\n")


def main():
    """Every family, or the folders named on the command line."""
    torch.use_deterministic_algorithms(True)
    for folder, build, c in FAMILIES:
        if len(sys.argv) < 2 or folder in sys.argv[1:]:
            export_family(folder, build, c)


if __name__ == "__main__":
    main()
