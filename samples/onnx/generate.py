#!/usr/bin/python3
"""Generates the tiny decoder samples in this folder (see README.md).

Four model families, written here in plain torch so no transformers install is needed:
  tiny-opt    OPT-style: pre-LayerNorm, ReLU FFN, learned positions offset by 2, untied LM head.
  tiny-gpt2   GPT-2-style: Conv1D weights ([in, out]), fused QKV, tanh-GELU, tied LM head.
  tiny-llama  Llama-style: RMSNorm, rotary embeddings, grouped-query attention, SwiGLU FFN;
              saved with external data (.onnx + .onnx.data) so that path is exercised.
  tiny-phi3   Phi-3-style: tiny-llama's model with fused qkv_proj / gate_up_proj and head_dim 96.
  tiny-bloom  BLOOM-style: ALiBi biases built from an all-ones mask's cumsum (modeling_bloom.py's
              build_alibi_tensor), embedding LayerNorm, per-head fused query_key_value, tanh-GELU, tied head.
  tiny-bert   BERT-style encoder (modeling_bert.py's BertModel): word + position + token-type embeddings
              (token types and positions from registered buffers, as BertEmbeddings does), post-LN blocks,
              bidirectional attention, exact GELU; input_ids -> last_hidden_state, one graph (no decode).
  tiny-gemma2 Gemma-2-style: tiny-llama's block with sandwich norms, GeGLU (tanh), attention-logit and
              final-logit soft-capping c*tanh(x/c).
Each family is exported twice:
  <name>.onnx         full sequence:  input_ids [1, seq] -> logits [1, seq, vocab]
  <name>-decode.onnx  KV-cache step:  input_ids [1, 1], past_key_values.{i}.{key,value}
                      [1, kv_heads, past_seq, head_dim] -> logits [1, 1, vocab],
                      present.{i}.{key,value} [1, kv_heads, total_seq, head_dim]
and expected/<graph>.json holds fixed inputs with torch's outputs for those inputs, so the
ONNX Runtime run (tests/ort/run-ort.js) can be checked against the model code itself.

Deterministic: fixed seeds, fixed opset, CPU, no randomness at export time.
Run: /usr/bin/python3 samples/onnx/generate.py [name ...]   (Debian python3-torch, python3-onnx; names: only those
families, e.g. tiny-gptj)
"""
import json
import math
import os
import sys

import onnx
import onnx.numpy_helper
import torch
import torch.nn as nn
import torch.nn.functional as F

OPSET = 17
HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- configurations
class Cfg:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    @property
    def head_dim(self):
        return getattr(self, "fixed_head_dim", self.hidden // self.heads)


OPT = Cfg(name="tiny-opt", vocab=256, hidden=64, layers=2, heads=4, kv_heads=4, ffn=256,
          max_pos=128, seed=1)
GPT2 = Cfg(name="tiny-gpt2", vocab=256, hidden=64, layers=2, heads=4, kv_heads=4, ffn=256,
           max_pos=128, seed=2)
LLAMA = Cfg(name="tiny-llama", vocab=320, hidden=64, layers=3, heads=4, kv_heads=2, ffn=176,
            max_pos=128, seed=3, rope_theta=10000.0, rms_eps=1e-6)
# Phi-3's head_dim 96 (not a power of two); six query heads make 576 query features, so one head straddles
# pimcc's 512-feature prefill panels. head_dim is given, not hidden / heads (keeps the sample small).
PHI3 = Cfg(name="tiny-phi3", vocab=256, hidden=64, layers=2, heads=6, kv_heads=2, ffn=96,
           max_pos=128, seed=5, rope_theta=10000.0, rms_eps=1e-5, fixed_head_dim=96)
# BLOOM: 6 heads (not a power of two: slopes 2^-2, 2^-4, 2^-6, 2^-8 and the interleaved 2^-1, 2^-3).
BLOOM = Cfg(name="tiny-bloom", vocab=256, hidden=96, layers=2, heads=6, kv_heads=6, ffn=384,
            max_pos=128, seed=6, ln_eps=1e-5)
# Gemma 2: caps far below the real 50 / 30 so that capping moves these small random logits visibly.
GEMMA2 = Cfg(name="tiny-gemma2", vocab=256, hidden=64, layers=2, heads=4, kv_heads=2, ffn=128,
             max_pos=128, seed=7, rope_theta=10000.0, rms_eps=1e-6, attn_softcap=0.5, final_softcap=2.0)
# BERT: an encoder; max_pos 64 positions, 2 token types.
BERT = Cfg(name="tiny-bert", vocab=256, hidden=64, layers=2, heads=4, kv_heads=4, ffn=256,
           max_pos=64, seed=8, types=2, ln_eps=1e-12)


def randomize_norms(module):
    """Norm weights/biases away from 1/0 so a wrong scale or bias shows in the logits."""
    for m in module.modules():
        if isinstance(m, (nn.LayerNorm, RMSNorm)):
            with torch.no_grad():
                m.weight.copy_(1.0 + 0.1 * torch.randn_like(m.weight))
                if getattr(m, "bias", None) is not None:
                    m.bias.copy_(0.1 * torch.randn_like(m.bias))


def init_linear_like(module, std):
    for name, p in module.named_parameters():
        if p.dim() >= 2:
            with torch.no_grad():
                p.normal_(0.0, std)
        elif "norm" not in name and "ln" not in name:
            with torch.no_grad():
                p.normal_(0.0, 0.02)


def attend(q, k, v, causal_full):
    """q [1,H,S,D], k/v [1,H,T,D]. causal_full: mask the upper triangle (S == T)."""
    scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(q.shape[-1])
    if causal_full:
        s = scores.shape[-1]
        mask = torch.triu(torch.ones(s, s, dtype=torch.bool), diagonal=1)
        scores = scores.masked_fill(mask, float("-inf"))
    return torch.matmul(torch.softmax(scores, dim=-1), v)


def split_heads(x, n):
    b, s, _ = x.shape
    return x.view(b, s, n, -1).transpose(1, 2)


def merge_heads(x):
    b, h, s, d = x.shape
    return x.transpose(1, 2).reshape(b, s, h * d)


# ---------------------------------------------------------------- OPT
class OptLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.self_attn_layer_norm = nn.LayerNorm(c.hidden)
        self.q_proj = nn.Linear(c.hidden, c.hidden)
        self.k_proj = nn.Linear(c.hidden, c.hidden)
        self.v_proj = nn.Linear(c.hidden, c.hidden)
        self.out_proj = nn.Linear(c.hidden, c.hidden)
        self.final_layer_norm = nn.LayerNorm(c.hidden)
        self.fc1 = nn.Linear(c.hidden, c.ffn)
        self.fc2 = nn.Linear(c.ffn, c.hidden)

    def forward(self, x, past):
        h = self.self_attn_layer_norm(x)
        q = split_heads(self.q_proj(h), self.c.heads)
        k = split_heads(self.k_proj(h), self.c.heads)
        v = split_heads(self.v_proj(h), self.c.heads)
        if past is not None:
            k = torch.cat([past[0], k], dim=2)
            v = torch.cat([past[1], v], dim=2)
        x = x + self.out_proj(merge_heads(attend(q, k, v, past is None)))
        x = x + self.fc2(F.relu(self.fc1(self.final_layer_norm(x))))
        return x, (k, v)


class TinyOpt(nn.Module):
    POSITION_OFFSET = 2  # OPTLearnedPositionalEmbedding: positions are shifted by 2

    def __init__(self, c):
        super().__init__()
        self.c = c
        self.embed_tokens = nn.Embedding(c.vocab, c.hidden)
        self.embed_positions = nn.Embedding(c.max_pos + self.POSITION_OFFSET, c.hidden)
        self.layers = nn.ModuleList([OptLayer(c) for _ in range(c.layers)])
        self.final_layer_norm = nn.LayerNorm(c.hidden)
        self.lm_head = nn.Linear(c.hidden, c.vocab, bias=False)

    def forward(self, input_ids, *past):
        start = past[0].shape[2] if past else 0
        pos = torch.arange(input_ids.shape[1]) + start + self.POSITION_OFFSET
        x = self.embed_tokens(input_ids) + self.embed_positions(pos).unsqueeze(0)
        presents = []
        for i, layer in enumerate(self.layers):
            x, kv = layer(x, (past[2 * i], past[2 * i + 1]) if past else None)
            presents += kv
        logits = self.lm_head(self.final_layer_norm(x))
        return (logits, *presents) if past else logits


# ---------------------------------------------------------------- GPT-2
class Conv1D(nn.Module):
    """GPT-2's Conv1D: a linear layer whose weight is stored [in, out] (y = x @ W + b)."""

    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_in, n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        return torch.matmul(x, self.weight) + self.bias


class Gpt2Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.ln_1 = nn.LayerNorm(c.hidden)
        self.c_attn = Conv1D(c.hidden, 3 * c.hidden)
        self.c_proj = Conv1D(c.hidden, c.hidden)
        self.ln_2 = nn.LayerNorm(c.hidden)
        self.c_fc = Conv1D(c.hidden, c.ffn)
        self.mlp_c_proj = Conv1D(c.ffn, c.hidden)

    def forward(self, x, past):
        q, k, v = self.c_attn(self.ln_1(x)).split(self.c.hidden, dim=2)
        q, k, v = (split_heads(t, self.c.heads) for t in (q, k, v))
        if past is not None:
            k = torch.cat([past[0], k], dim=2)
            v = torch.cat([past[1], v], dim=2)
        x = x + self.c_proj(merge_heads(attend(q, k, v, past is None)))
        x = x + self.mlp_c_proj(F.gelu(self.c_fc(self.ln_2(x)), approximate="tanh"))
        return x, (k, v)


class TinyGpt2(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.wte = nn.Embedding(c.vocab, c.hidden)
        self.wpe = nn.Embedding(c.max_pos, c.hidden)
        self.h = nn.ModuleList([Gpt2Block(c) for _ in range(c.layers)])
        self.ln_f = nn.LayerNorm(c.hidden)

    def forward(self, input_ids, *past):
        start = past[0].shape[2] if past else 0
        pos = torch.arange(input_ids.shape[1]) + start
        x = self.wte(input_ids) + self.wpe(pos).unsqueeze(0)
        presents = []
        for i, block in enumerate(self.h):
            x, kv = block(x, (past[2 * i], past[2 * i + 1]) if past else None)
            presents += kv
        # Tied LM head: logits use the token embedding matrix transposed.
        logits = torch.matmul(self.ln_f(x), self.wte.weight.t())
        return (logits, *presents) if past else logits


# ---------------------------------------------------------------- Llama
class RMSNorm(nn.Module):
    def __init__(self, n, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(n))
        self.eps = eps

    def forward(self, x):
        var = x.pow(2).mean(-1, keepdim=True)
        return self.weight * (x * torch.rsqrt(var + self.eps))


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat([-x[..., half:], x[..., :half]], dim=-1)


def repeat_kv(x, groups):
    """[1, kv_heads, T, D] -> [1, kv_heads * groups, T, D], each KV head repeated `groups` times."""
    b, kvh, t, d = x.shape
    return x[:, :, None].expand(b, kvh, groups, t, d).reshape(b, kvh * groups, t, d)


class LlamaLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        d = c.head_dim
        self.input_layernorm = RMSNorm(c.hidden, c.rms_eps)
        self.q_proj = nn.Linear(c.hidden, c.heads * d, bias=False)
        self.k_proj = nn.Linear(c.hidden, c.kv_heads * d, bias=False)
        self.v_proj = nn.Linear(c.hidden, c.kv_heads * d, bias=False)
        self.o_proj = nn.Linear(c.heads * d, c.hidden, bias=False)
        self.post_attention_layernorm = RMSNorm(c.hidden, c.rms_eps)
        self.gate_proj = nn.Linear(c.hidden, c.ffn, bias=False)
        self.up_proj = nn.Linear(c.hidden, c.ffn, bias=False)
        self.down_proj = nn.Linear(c.ffn, c.hidden, bias=False)

    def forward(self, x, cos, sin, past):
        h = self.input_layernorm(x)
        q = split_heads(self.q_proj(h), self.c.heads)
        k = split_heads(self.k_proj(h), self.c.kv_heads)
        v = split_heads(self.v_proj(h), self.c.kv_heads)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        if past is not None:
            k = torch.cat([past[0], k], dim=2)
            v = torch.cat([past[1], v], dim=2)
        groups = self.c.heads // self.c.kv_heads  # GQA: each KV head serves `groups` query heads
        k_rep, v_rep = repeat_kv(k, groups), repeat_kv(v, groups)
        x = x + self.o_proj(merge_heads(attend(q, k_rep, v_rep, past is None)))
        h = self.post_attention_layernorm(x)
        x = x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h))
        return x, (k, v)


class Phi3Layer(nn.Module):
    """modeling_phi3.py's decoder layer: fused qkv_proj sliced into q, k, v; fused gate_up_proj chunked in two."""

    def __init__(self, c):
        super().__init__()
        self.c = c
        d = c.head_dim
        self.input_layernorm = RMSNorm(c.hidden, c.rms_eps)
        self.qkv_proj = nn.Linear(c.hidden, (c.heads + 2 * c.kv_heads) * d, bias=False)
        self.o_proj = nn.Linear(c.heads * d, c.hidden, bias=False)
        self.post_attention_layernorm = RMSNorm(c.hidden, c.rms_eps)
        self.gate_up_proj = nn.Linear(c.hidden, 2 * c.ffn, bias=False)
        self.down_proj = nn.Linear(c.ffn, c.hidden, bias=False)

    def forward(self, x, cos, sin, past):
        c, d = self.c, self.c.head_dim
        qkv = self.qkv_proj(self.input_layernorm(x))
        query_pos = c.heads * d
        q = split_heads(qkv[..., :query_pos], c.heads)
        k = split_heads(qkv[..., query_pos:query_pos + c.kv_heads * d], c.kv_heads)
        v = split_heads(qkv[..., query_pos + c.kv_heads * d:], c.kv_heads)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        if past is not None:
            k = torch.cat([past[0], k], dim=2)
            v = torch.cat([past[1], v], dim=2)
        groups = c.heads // c.kv_heads
        x = x + self.o_proj(merge_heads(attend(q, repeat_kv(k, groups), repeat_kv(v, groups), past is None)))
        gate, up = self.gate_up_proj(self.post_attention_layernorm(x)).chunk(2, dim=-1)
        x = x + self.down_proj(up * F.silu(gate))
        return x, (k, v)


class TinyLlama(nn.Module):
    def __init__(self, c, layer=LlamaLayer):
        super().__init__()
        self.c = c
        self.embed_tokens = nn.Embedding(c.vocab, c.hidden)
        self.layers = nn.ModuleList([layer(c) for _ in range(c.layers)])
        self.norm = RMSNorm(c.hidden, c.rms_eps)
        self.lm_head = nn.Linear(c.hidden, c.vocab, bias=False)
        inv_freq = 1.0 / (c.rope_theta ** (torch.arange(0, c.head_dim, 2).float() / c.head_dim))
        self.register_buffer("inv_freq", inv_freq, persistent=False)

    def forward(self, input_ids, *past):
        start = past[0].shape[2] if past else 0
        pos = (torch.arange(input_ids.shape[1]) + start).float()
        freqs = pos[:, None] * self.inv_freq[None, :]
        emb = torch.cat([freqs, freqs], dim=-1)
        cos, sin = emb.cos()[None, None], emb.sin()[None, None]
        x = self.embed_tokens(input_ids)
        presents = []
        for i, layer in enumerate(self.layers):
            x, kv = layer(x, cos, sin, (past[2 * i], past[2 * i + 1]) if past else None)
            presents += kv
        logits = self.lm_head(self.norm(x))
        return (logits, *presents) if past else logits


class TinyPhi3(TinyLlama):
    """Phi-3: Llama's model with Phi3Layer (fused projections)."""

    def __init__(self, c):
        super().__init__(c, Phi3Layer)


# ---------------------------------------------------------------- BLOOM
def alibi_slopes(n):
    """build_alibi_tensor's slopes: 2^(-8(h+1)/p) for the largest power of two p <= n, then every other
    slope of the 2p-head sequence for the remaining heads."""
    p = 2 ** math.floor(math.log2(n))
    base = torch.tensor(2 ** (-(2 ** -(math.log2(p) - 3))), dtype=torch.float32)
    slopes = torch.pow(base, torch.arange(1, 1 + p, dtype=torch.int32))
    if p != n:
        extra = torch.tensor(2 ** (-(2 ** -(math.log2(2 * p) - 3))), dtype=torch.float32)
        rest = min(p, n - p)
        slopes = torch.cat([slopes, torch.pow(extra, torch.arange(1, 1 + 2 * rest, 2, dtype=torch.int32))])
    return slopes


class BloomLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.input_layernorm = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.query_key_value = nn.Linear(c.hidden, 3 * c.hidden)
        self.dense = nn.Linear(c.hidden, c.hidden)
        self.post_attention_layernorm = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.dense_h_to_4h = nn.Linear(c.hidden, c.ffn)
        self.dense_4h_to_h = nn.Linear(c.ffn, c.hidden)

    def forward(self, x, alibi, past):
        c, d = self.c, self.c.head_dim
        b, s, _ = x.shape
        fused = self.query_key_value(self.input_layernorm(x)).view(b, s, c.heads, 3, d)
        q, k, v = (fused[..., i, :].transpose(1, 2) for i in range(3))  # [1, heads, s, d]
        if past is not None:
            k = torch.cat([past[0], k], dim=2)
            v = torch.cat([past[1], v], dim=2)
        # baddbmm(alibi, q, k^T, beta=1, alpha=1/sqrt(d)), then the causal mask at the dtype minimum
        scores = alibi + torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(d))
        if past is None:
            mask = torch.triu(torch.ones(s, s, dtype=torch.bool), diagonal=1)
            scores = scores.masked_fill(mask, torch.finfo(scores.dtype).min)
        x = x + self.dense(merge_heads(torch.matmul(torch.softmax(scores, dim=-1), v)))
        h = self.post_attention_layernorm(x)
        x = x + self.dense_4h_to_h(F.gelu(self.dense_h_to_4h(h), approximate="tanh"))
        return x, (k, v)


class TinyBloom(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.word_embeddings = nn.Embedding(c.vocab, c.hidden)
        self.word_embeddings_layernorm = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.h = nn.ModuleList([BloomLayer(c) for _ in range(c.layers)])
        self.ln_f = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.register_buffer("slopes", alibi_slopes(c.heads), persistent=False)

    def forward(self, input_ids, *past):
        total = input_ids.shape[1] + (past[0].shape[2] if past else 0)
        attention_mask = torch.ones(1, total)
        # build_alibi_tensor: positions from the mask's cumsum, times each head's slope: [1, heads, 1, total]
        positions = ((attention_mask.cumsum(dim=-1) - 1) * attention_mask)[:, None, :]
        alibi = (self.slopes[None, :, None] * positions)[:, :, None, :]
        x = self.word_embeddings_layernorm(self.word_embeddings(input_ids))
        presents = []
        for i, layer in enumerate(self.h):
            x, kv = layer(x, alibi, (past[2 * i], past[2 * i + 1]) if past else None)
            presents += kv
        logits = torch.matmul(self.ln_f(x), self.word_embeddings.weight.t())
        return (logits, *presents) if past else logits


# ---------------------------------------------------------------- Gemma 2
class Gemma2Layer(LlamaLayer):
    """modeling_gemma2.py's block: sandwich norms around attention and MLP, GeGLU, soft-capped scores."""

    def __init__(self, c):
        super().__init__(c)
        self.post_attention_norm = RMSNorm(c.hidden, c.rms_eps)
        self.pre_feedforward_layernorm = RMSNorm(c.hidden, c.rms_eps)
        self.post_feedforward_layernorm = RMSNorm(c.hidden, c.rms_eps)

    def forward(self, x, cos, sin, past):
        c, d = self.c, self.c.head_dim
        h = self.input_layernorm(x)
        q = split_heads(self.q_proj(h), c.heads)
        k = split_heads(self.k_proj(h), c.kv_heads)
        v = split_heads(self.v_proj(h), c.kv_heads)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        if past is not None:
            k = torch.cat([past[0], k], dim=2)
            v = torch.cat([past[1], v], dim=2)
        groups = c.heads // c.kv_heads
        scores = torch.matmul(q, repeat_kv(k, groups).transpose(-1, -2)) * (d ** -0.5)
        scores = torch.tanh(scores / c.attn_softcap) * c.attn_softcap
        if past is None:
            s = scores.shape[-1]
            scores = scores.masked_fill(torch.triu(torch.ones(s, s, dtype=torch.bool), diagonal=1), float("-inf"))
        attn = torch.matmul(torch.softmax(scores, dim=-1), repeat_kv(v, groups))
        x = x + self.post_attention_norm(self.o_proj(merge_heads(attn)))
        h = self.pre_feedforward_layernorm(x)
        mlp = self.down_proj(F.gelu(self.gate_proj(h), approximate="tanh") * self.up_proj(h))
        x = x + self.post_feedforward_layernorm(mlp)
        return x, (k, v)


class TinyGemma2(TinyLlama):
    def __init__(self, c):
        super().__init__(c, Gemma2Layer)

    def forward(self, input_ids, *past):
        out = super().forward(input_ids, *past)
        logits = out[0] if past else out
        logits = torch.tanh(logits / self.c.final_softcap) * self.c.final_softcap
        return (logits, *out[1:]) if past else logits


# ---------------------------------------------------------------- BERT
class BertLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.query = nn.Linear(c.hidden, c.hidden)
        self.key = nn.Linear(c.hidden, c.hidden)
        self.value = nn.Linear(c.hidden, c.hidden)
        self.attention_output = nn.Linear(c.hidden, c.hidden)
        self.attention_norm = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.intermediate = nn.Linear(c.hidden, c.ffn)
        self.output = nn.Linear(c.ffn, c.hidden)
        self.output_norm = nn.LayerNorm(c.hidden, eps=c.ln_eps)

    def forward(self, x):
        q, k, v = (split_heads(p(x), self.c.heads) for p in (self.query, self.key, self.value))
        h = self.attention_norm(x + self.attention_output(merge_heads(attend(q, k, v, False))))
        return self.output_norm(h + self.output(F.gelu(self.intermediate(h))))


class TinyBert(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.word_embeddings = nn.Embedding(c.vocab, c.hidden)
        self.position_embeddings = nn.Embedding(c.max_pos, c.hidden)
        self.token_type_embeddings = nn.Embedding(c.types, c.hidden)
        self.embeddings_norm = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.layer = nn.ModuleList([BertLayer(c) for _ in range(c.layers)])
        self.register_buffer("position_ids", torch.arange(c.max_pos)[None], persistent=False)
        self.register_buffer("token_type_ids", torch.zeros(1, c.max_pos, dtype=torch.long), persistent=False)

    def forward(self, input_ids):
        seq = input_ids.shape[1]
        x = (self.word_embeddings(input_ids) + self.token_type_embeddings(self.token_type_ids[:, :seq])
             + self.position_embeddings(self.position_ids[:, :seq]))
        x = self.embeddings_norm(x)
        for layer in self.layer:
            x = layer(x)
        return x


# ---------------------------------------------------------------- HF-style families (transformers 4.48 code paths)
# The families below follow transformers' modeling_*.py as of 4.48 (the version ../shared/models/hf-exports was made
# with), so their exports carry the real node patterns: cache_position = arange(past, past + seq) and position_ids from
# it; the 4-D float causal mask of _prepare_4d_causal_attention_mask_with_cache_position (min_dtype, triu, the
# arange > cache_position product, one column wider than the keys when no attention_mask is given, sliced to the keys
# in attention); the rotary embedding as inv_freq @ position_ids, cat(freqs, freqs), cos/sin times attention_scaling;
# eager attention with softmax in float32.
NEOX = Cfg(name="tiny-neox", vocab=256, hidden=64, layers=2, heads=4, kv_heads=4, ffn=256, max_pos=128, seed=9,
           rope_theta=10000.0, ln_eps=1e-5, rotary_pct=0.25)
# falcon-7b's form: multi-query (one KV head), parallel attention with one shared input_layernorm, no biases, tied head
FALCON = Cfg(name="tiny-falcon", vocab=256, hidden=64, layers=2, heads=4, kv_heads=1, ffn=256, max_pos=128, seed=10,
             rope_theta=10000.0, ln_eps=1e-5)
# StableLM 2: LayerNorm with bias, partial rotary (partial_rotary_factor 0.25), Q/K/V biases, SwiGLU, GQA
STABLELM = Cfg(name="tiny-stablelm", vocab=256, hidden=64, layers=2, heads=4, kv_heads=2, ffn=176, max_pos=128, seed=11,
               rope_theta=10000.0, ln_eps=1e-5, rotary_pct=0.25)
# OLMo: non-parametric LayerNorm (no scale, no shift), SwiGLU, full rotary, no biases
OLMO = Cfg(name="tiny-olmo", vocab=256, hidden=64, layers=2, heads=4, kv_heads=4, ffn=176, max_pos=128, seed=12,
           rope_theta=10000.0, ln_eps=1e-5)
# Gemma: multi-query, head_dim 32 given (4 heads x 32 = 128 query features over hidden 64), RMSNorm x·(1 + w),
# embeddings times sqrt(hidden), GeGLU (tanh), LM head tied to embed_tokens
GEMMA = Cfg(name="tiny-gemma", vocab=256, hidden=64, layers=2, heads=4, kv_heads=1, ffn=128, max_pos=128, seed=13,
            rope_theta=10000.0, rms_eps=1e-6, fixed_head_dim=32)
# Mistral: Llama with GQA and the sliding-window term of the mask (window 4096, beyond any workload here)
MISTRAL = Cfg(name="tiny-mistral", vocab=256, hidden=64, layers=2, heads=4, kv_heads=2, ffn=176, max_pos=128, seed=14,
              rope_theta=10000.0, rms_eps=1e-5, sliding_window=4096)
# Llama with tie_word_embeddings (Llama 3.2 1B's form): the LM head is embed_tokens.weight
LLAMA_TIED = Cfg(name="tiny-llama-tied", vocab=256, hidden=64, layers=2, heads=4, kv_heads=2, ffn=176, max_pos=128,
                 seed=15, rope_theta=10000.0, rms_eps=1e-5, tied=True)
# Llama with rope_scaling {"rope_type": "linear", "factor": 4.0} (_compute_linear_scaling_rope_parameters: inv_freq / 4)
LLAMA_LINEAR = Cfg(name="tiny-llama-linear", vocab=256, hidden=64, layers=2, heads=4, kv_heads=2, ffn=176, max_pos=128,
                   seed=16, rope_theta=10000.0, rms_eps=1e-5, rope_linear_factor=4.0)


def hf_causal_mask(c, attention_mask, seq, past_len, cache_position):
    """_update_causal_mask + _prepare_4d_causal_attention_mask_with_cache_position (eager): [1, 1, seq, target]."""
    dtype = torch.float32
    min_dtype = torch.finfo(dtype).min
    # a DynamicCache without an attention mask: one column more than the keys (sliced off in attention)
    target_length = attention_mask.shape[-1] if attention_mask is not None else past_len + seq + 1
    causal_mask = torch.full((seq, target_length), fill_value=min_dtype, dtype=dtype)
    diagonal_attend_mask = torch.arange(target_length) > cache_position.reshape(-1, 1)
    if getattr(c, "sliding_window", None) is not None:  # modeling_mistral.py
        sliding_attend_mask = torch.arange(target_length) <= (cache_position.reshape(-1, 1) - c.sliding_window)
        diagonal_attend_mask = diagonal_attend_mask | sliding_attend_mask
    elif seq != 1:
        causal_mask = torch.triu(causal_mask, diagonal=1)
    causal_mask = causal_mask * diagonal_attend_mask
    causal_mask = causal_mask[None, None, :, :].expand(1, 1, -1, -1)
    if attention_mask is not None:
        causal_mask = causal_mask.clone()
        mask_length = attention_mask.shape[-1]
        padding_mask = causal_mask[:, :, :, :mask_length] + attention_mask[:, None, None, :]
        padding_mask = padding_mask == 0
        causal_mask[:, :, :, :mask_length] = causal_mask[:, :, :, :mask_length].masked_fill(padding_mask, min_dtype)
    return causal_mask


class HfRotary(nn.Module):
    """LlamaRotaryEmbedding (default rope): dim = the rotated channels of a head (partial rotary: fewer)."""

    def __init__(self, dim, theta, linear_factor=None):
        super().__init__()
        inv_freq = 1.0 / (theta ** (torch.arange(0, dim, 2, dtype=torch.int64).float() / dim))
        if linear_factor is not None:
            inv_freq /= linear_factor
        self.register_buffer("inv_freq", inv_freq, persistent=False)
        self.attention_scaling = 1.0

    def forward(self, x, position_ids):
        inv_freq_expanded = self.inv_freq[None, :, None].float().expand(position_ids.shape[0], -1, 1)
        position_ids_expanded = position_ids[:, None, :].float()
        freqs = (inv_freq_expanded.float() @ position_ids_expanded.float()).transpose(1, 2)
        emb = torch.cat((freqs, freqs), dim=-1)
        cos = emb.cos() * self.attention_scaling
        sin = emb.sin() * self.attention_scaling
        return cos.to(dtype=x.dtype), sin.to(dtype=x.dtype)


def hf_rotate_half(x):
    x1 = x[..., : x.shape[-1] // 2]
    x2 = x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


def hf_apply_rotary(q, k, cos, sin):
    cos, sin = cos.unsqueeze(1), sin.unsqueeze(1)
    return (q * cos) + (hf_rotate_half(q) * sin), (k * cos) + (hf_rotate_half(k) * sin)


def hf_repeat_kv(x, n_rep):
    batch, kv_heads, slen, head_dim = x.shape
    if n_rep == 1:
        return x
    x = x[:, :, None, :, :].expand(batch, kv_heads, n_rep, slen, head_dim)
    return x.reshape(batch, kv_heads * n_rep, slen, head_dim)


def hf_eager(q, k, v, mask, scaling, groups):
    """eager_attention_forward: scores times scaling, the mask sliced to the keys and added, softmax in float32."""
    k, v = hf_repeat_kv(k, groups), hf_repeat_kv(v, groups)
    attn = torch.matmul(q, k.transpose(2, 3)) * scaling
    attn = attn + mask[:, :, :, : k.shape[-2]]
    attn = F.softmax(attn, dim=-1, dtype=torch.float32).to(q.dtype)
    out = torch.matmul(attn, v).transpose(1, 2).contiguous()
    return out.reshape(out.shape[0], out.shape[1], -1)


def with_cache(k, v, past):
    if past is None:
        return k, v
    return torch.cat([past[0], k], dim=-2), torch.cat([past[1], v], dim=-2)


class HfLlamaLayer(nn.Module):
    """LlamaDecoderLayer / MistralDecoderLayer / OlmoDecoderLayer / GemmaDecoderLayer: pre-norm, separate q/k/v."""

    def __init__(self, c, norm, act, bias=False):
        super().__init__()
        self.c, self.act = c, act
        d = c.head_dim
        self.input_layernorm = norm()
        self.q_proj = nn.Linear(c.hidden, c.heads * d, bias=bias)
        self.k_proj = nn.Linear(c.hidden, c.kv_heads * d, bias=bias)
        self.v_proj = nn.Linear(c.hidden, c.kv_heads * d, bias=bias)
        self.o_proj = nn.Linear(c.heads * d, c.hidden, bias=False)
        self.post_attention_layernorm = norm()
        self.gate_proj = nn.Linear(c.hidden, c.ffn, bias=False)
        self.up_proj = nn.Linear(c.hidden, c.ffn, bias=False)
        self.down_proj = nn.Linear(c.ffn, c.hidden, bias=False)

    def attention(self, h, mask, cos, sin, past):
        c, d = self.c, self.c.head_dim
        shape = (*h.shape[:-1], -1, d)
        q = self.q_proj(h).view(shape).transpose(1, 2)
        k = self.k_proj(h).view(shape).transpose(1, 2)
        v = self.v_proj(h).view(shape).transpose(1, 2)
        rd = cos.shape[-1]
        if rd == d:
            q, k = hf_apply_rotary(q, k, cos, sin)
        else:  # StableLM: the first rotary_ndims channels rotate, the rest pass
            q_rot, q_pass = q[..., :rd], q[..., rd:]
            k_rot, k_pass = k[..., :rd], k[..., rd:]
            q_rot, k_rot = hf_apply_rotary(q_rot, k_rot, cos, sin)
            q, k = torch.cat((q_rot, q_pass), dim=-1), torch.cat((k_rot, k_pass), dim=-1)
        k, v = with_cache(k, v, past)
        out = hf_eager(q, k, v, mask, d ** -0.5, c.heads // c.kv_heads)
        return self.o_proj(out), (k, v)

    def forward(self, x, mask, cos, sin, past):
        a, kv = self.attention(self.input_layernorm(x), mask, cos, sin, past)
        x = x + a
        h = self.post_attention_layernorm(x)
        x = x + self.down_proj(self.act(self.gate_proj(h)) * self.up_proj(h))
        return x, kv


class OlmoLayerNorm(nn.Module):
    """modeling_olmo.py: LayerNorm with no parameters."""

    def __init__(self, n, eps):
        super().__init__()
        self.n, self.eps = (n,), eps

    def forward(self, x):
        orig_dtype = x.dtype
        return F.layer_norm(x.to(dtype=torch.float32), self.n, None, None, eps=self.eps).to(orig_dtype)


class GemmaRMSNorm(nn.Module):
    """modeling_gemma.py: x·rsqrt(mean(x²) + eps)·(1 + w), w stored zero-centred."""

    def __init__(self, n, eps):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.zeros(n))

    def forward(self, x):
        out = x.float() * torch.rsqrt(x.float().pow(2).mean(-1, keepdim=True) + self.eps)
        out = out * (1.0 + self.weight.float())
        return out.type_as(x)


class HfRmsNorm(RMSNorm):
    """LlamaRMSNorm: the variance in float32."""

    def forward(self, x):
        input_dtype = x.dtype
        x = x.to(torch.float32)
        variance = x.pow(2).mean(-1, keepdim=True)
        x = x * torch.rsqrt(variance + self.eps)
        return self.weight * x.to(input_dtype)


class HfDecoder(nn.Module):
    """The *Model + *ForCausalLM pair: embeddings, cache_position and positions, the causal mask, the rotary table,
    the layers, the final norm and the head (untied, or tied to the token embedding)."""

    def __init__(self, c, layer, norm, rotary_dim=None, embed_scale=None):
        super().__init__()
        self.c = c
        self.embed_tokens = nn.Embedding(c.vocab, c.hidden)
        self.layers = nn.ModuleList([layer() for _ in range(c.layers)])
        self.norm = norm()
        self.rotary_emb = HfRotary(rotary_dim or c.head_dim, c.rope_theta, getattr(c, "rope_linear_factor", None))
        self.embed_scale = embed_scale
        self.lm_head = nn.Linear(c.hidden, c.vocab, bias=False)
        if getattr(c, "tied", False):
            self.lm_head.weight = self.embed_tokens.weight

    def forward(self, input_ids, *past):
        return self.run(input_ids, past, None, None)

    def run(self, input_ids, past, attention_mask, position_ids, present=False):
        """present: return the KV cache also when there is no past (optimum's no-past decoder of a merged export)."""
        past_len = past[0].shape[2] if past else 0
        seq = input_ids.shape[1]
        cache_position = torch.arange(past_len, past_len + seq)
        if position_ids is None:
            position_ids = cache_position.unsqueeze(0)
        x = self.embed_tokens(input_ids)
        if self.embed_scale is not None:  # Gemma: normalizer = tensor(hidden ** 0.5, dtype)
            x = x * torch.tensor(self.embed_scale, dtype=x.dtype)
        mask = hf_causal_mask(self.c, attention_mask, seq, past_len, cache_position)
        cos, sin = self.rotary_emb(x, position_ids)
        presents = []
        for i, layer in enumerate(self.layers):
            x, kv = layer(x, mask, cos, sin, (past[2 * i], past[2 * i + 1]) if past else None)
            presents += kv
        logits = self.lm_head(self.norm(x))
        return (logits, *presents) if past or present else logits


def hf_llama(c, norm, act, rotary_dim=None, embed_scale=None, bias=False):
    return HfDecoder(c, lambda: HfLlamaLayer(c, norm, act, bias), norm, rotary_dim, embed_scale)


def TinyMistral(c):
    return hf_llama(c, lambda: HfRmsNorm(c.hidden, c.rms_eps), F.silu)


def TinyLlamaTied(c):
    return hf_llama(c, lambda: HfRmsNorm(c.hidden, c.rms_eps), F.silu)


def TinyLlamaLinear(c):
    return hf_llama(c, lambda: HfRmsNorm(c.hidden, c.rms_eps), F.silu)


def TinyOlmo(c):
    return hf_llama(c, lambda: OlmoLayerNorm(c.hidden, c.ln_eps), F.silu)


def TinyStableLm(c):
    rd = int(c.head_dim * c.rotary_pct)
    return hf_llama(c, lambda: nn.LayerNorm(c.hidden, eps=c.ln_eps), F.silu, rotary_dim=rd, bias=True)


def TinyGemma(c):
    return hf_llama(c, lambda: GemmaRMSNorm(c.hidden, c.rms_eps), lambda x: F.gelu(x, approximate="tanh"),
                    embed_scale=c.hidden ** 0.5)


class NeoxLayer(nn.Module):
    """GPTNeoXLayer: per-head fused query_key_value ([.., heads, 3·head_size] sliced), partial rotary on the first
    rotary_ndims channels, baddbmm scores, parallel residual x + attn(ln1(x)) + mlp(ln2(x)), exact GELU."""

    def __init__(self, c):
        super().__init__()
        self.c = c
        self.rotary_ndims = int(c.head_dim * c.rotary_pct)
        self.norm_factor = c.head_dim ** -0.5
        self.input_layernorm = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.post_attention_layernorm = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.query_key_value = nn.Linear(c.hidden, 3 * c.hidden)
        self.dense = nn.Linear(c.hidden, c.hidden)
        self.dense_h_to_4h = nn.Linear(c.hidden, c.ffn)
        self.dense_4h_to_h = nn.Linear(c.ffn, c.hidden)

    def attention(self, h, mask, cos, sin, past):
        c, d, rd = self.c, self.c.head_dim, self.rotary_ndims
        qkv = self.query_key_value(h)
        qkv = qkv.view(qkv.size()[:-1] + (c.heads, 3 * d))
        query = qkv[..., :d].permute(0, 2, 1, 3)
        key = qkv[..., d: 2 * d].permute(0, 2, 1, 3)
        value = qkv[..., 2 * d:].permute(0, 2, 1, 3)
        query_rot, query_pass = query[..., :rd], query[..., rd:]
        key_rot, key_pass = key[..., :rd], key[..., rd:]
        query, key = hf_apply_rotary(query_rot, key_rot, cos, sin)
        query = torch.cat((query, query_pass), dim=-1)
        key = torch.cat((key, key_pass), dim=-1)
        key, value = with_cache(key, value, past)
        # _attn: baddbmm over batch·heads, then the mask
        b, n, s, _ = query.shape
        t = key.shape[-2]
        q2, k2 = query.reshape(b * n, s, d), key.reshape(b * n, t, d)
        scores = torch.zeros(b * n, s, t, dtype=query.dtype)
        scores = torch.baddbmm(scores, q2, k2.transpose(1, 2), beta=1.0, alpha=self.norm_factor)
        scores = scores.view(b, n, s, t) + mask[:, :, :, :t]
        probs = F.softmax(scores, dim=-1)
        out = torch.matmul(probs, value).permute(0, 2, 1, 3).contiguous()
        return self.dense(out.view(out.size(0), out.size(1), n * d)), (key, value)

    def forward(self, x, mask, cos, sin, past):
        a, kv = self.attention(self.input_layernorm(x), mask, cos, sin, past)
        mlp = self.dense_4h_to_h(F.gelu(self.dense_h_to_4h(self.post_attention_layernorm(x))))
        return mlp + a + x, kv


def TinyNeox(c):
    m = HfDecoder(c, lambda: NeoxLayer(c), lambda: nn.LayerNorm(c.hidden, eps=c.ln_eps),
                  rotary_dim=int(c.head_dim * c.rotary_pct))
    return m


class FalconLayer(nn.Module):
    """FalconDecoderLayer, falcon-7b (new_decoder_architecture False, parallel_attn True, multi_query True): one
    input_layernorm feeds attention and MLP; query_key_value viewed [.., heads + 2, head_dim], the last two heads key
    and value (fused_qkv[..., [-2], :]); MQA scores by broadcasting the one KV head; exact GELU; no biases."""

    def __init__(self, c):
        super().__init__()
        self.c = c
        self.input_layernorm = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.query_key_value = nn.Linear(c.hidden, (c.heads + 2) * c.head_dim, bias=False)
        self.dense = nn.Linear(c.hidden, c.hidden, bias=False)
        self.dense_h_to_4h = nn.Linear(c.hidden, c.ffn, bias=False)
        self.dense_4h_to_h = nn.Linear(c.ffn, c.hidden, bias=False)

    def attention(self, h, mask, cos, sin, past):
        c, d = self.c, self.c.head_dim
        fused_qkv = self.query_key_value(h)
        b, s, _ = fused_qkv.shape
        fused_qkv = fused_qkv.view(b, s, c.heads + 2, d)
        query, key, value = fused_qkv[..., :-2, :], fused_qkv[..., [-2], :], fused_qkv[..., [-1], :]
        query = query.transpose(1, 2).reshape(b, c.heads, s, d)
        key = key.transpose(1, 2).reshape(b, 1, s, d)
        value = value.transpose(1, 2).reshape(b, 1, s, d)
        query, key = hf_apply_rotary(query, key, cos, sin)
        key, value = with_cache(key, value, past)
        t = key.shape[-2]
        scores = query @ key.transpose(-1, -2)
        scores /= math.sqrt(d)
        probs = F.softmax(scores + mask[:, :, :, :t], dim=-1, dtype=h.dtype)
        out = (probs @ value).view(b, c.heads, s, d).permute(0, 2, 1, 3).reshape(b, s, c.heads * d)
        return self.dense(out), (key, value)

    def forward(self, x, mask, cos, sin, past):
        ln = self.input_layernorm(x)
        a, kv = self.attention(ln, mask, cos, sin, past)
        mlp = self.dense_4h_to_h(F.gelu(self.dense_h_to_4h(ln)))
        mlp = mlp + a
        return x + mlp, kv


def TinyFalcon(c):
    return HfDecoder(c, lambda: FalconLayer(c), lambda: nn.LayerNorm(c.hidden, eps=c.ln_eps))


# GPT-J (modeling_gptj.py): interleaved partial rotary (rotate_every_two on the first rotary_dim channels of each head,
# sin/cos gathered from a sinusoid table and repeat_interleave'd), rotation on [b, s, heads, head_dim] before the
# heads are permuted, one ln_1 feeding attention and MLP (parallel residual), no attention biases, tanh-GELU MLP with
# biases, LM head with a bias
GPTJ = Cfg(name="tiny-gptj", vocab=256, hidden=64, layers=2, heads=4, kv_heads=4, ffn=256, max_pos=128, seed=17,
           ln_eps=1e-5, rotary_dim=8)


def gptj_sinusoidal_positions(num_pos, dim):
    """create_sinusoidal_positions: [num_pos, dim] = cat(sin, cos) of position times 10000^(-2k/dim)."""
    inv_freq = 1.0 / (10000 ** (torch.arange(0, dim, 2, dtype=torch.int64) / dim))
    sinusoid_inp = torch.einsum("i , j -> i j", torch.arange(num_pos, dtype=torch.int64).float(), inv_freq).float()
    return torch.cat((torch.sin(sinusoid_inp), torch.cos(sinusoid_inp)), dim=1)


def gptj_rotate_every_two(x):
    x1 = x[:, :, :, ::2]
    x2 = x[:, :, :, 1::2]
    x = torch.stack((-x2, x1), dim=-1)
    return x.flatten(-2)


def gptj_apply_rotary(tensor, sin, cos):
    sin = torch.repeat_interleave(sin[:, :, None, :], 2, 3)
    cos = torch.repeat_interleave(cos[:, :, None, :], 2, 3)
    return (tensor * cos) + (gptj_rotate_every_two(tensor) * sin)


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


class GptjLayer(nn.Module):
    """GPTJBlock: h = ln_1(x); x + attn(h) + mlp(h)."""

    def __init__(self, c):
        super().__init__()
        self.c = c
        self.ln_1 = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.q_proj = nn.Linear(c.hidden, c.hidden, bias=False)
        self.k_proj = nn.Linear(c.hidden, c.hidden, bias=False)
        self.v_proj = nn.Linear(c.hidden, c.hidden, bias=False)
        self.out_proj = nn.Linear(c.hidden, c.hidden, bias=False)
        self.fc_in = nn.Linear(c.hidden, c.ffn)
        self.fc_out = nn.Linear(c.ffn, c.hidden)
        self.register_buffer("embed_positions", gptj_sinusoidal_positions(c.max_pos, c.rotary_dim), persistent=False)
        self.scale_attn = torch.sqrt(torch.tensor(c.head_dim, dtype=torch.float32)).to(torch.get_default_dtype())

    def split_heads(self, t, rotary):
        t = t.view(t.size()[:-1] + (self.c.heads, self.c.head_dim))
        return t if rotary else t.permute(0, 2, 1, 3)

    def attention(self, h, mask, position_ids, past):
        c, rd = self.c, self.c.rotary_dim
        query = self.split_heads(self.q_proj(h), True)
        key = self.split_heads(self.k_proj(h), True)
        value = self.split_heads(self.v_proj(h), False)
        embed_positions = self.embed_positions.repeat(position_ids.shape[0], 1, 1)  # get_embed_positions (tracing)
        repeated_position_ids = position_ids.unsqueeze(-1).repeat(1, 1, embed_positions.shape[-1])
        sincos = torch.gather(embed_positions, 1, repeated_position_ids)
        sin, cos = torch.split(sincos, sincos.shape[-1] // 2, dim=-1)
        k_rot, k_pass = key[:, :, :, :rd], key[:, :, :, rd:]
        q_rot, q_pass = query[:, :, :, :rd], query[:, :, :, rd:]
        k_rot = gptj_apply_rotary(k_rot, sin, cos)
        q_rot = gptj_apply_rotary(q_rot, sin, cos)
        key = torch.cat([k_rot, k_pass], dim=-1).permute(0, 2, 1, 3)
        query = torch.cat([q_rot, q_pass], dim=-1).permute(0, 2, 1, 3)
        key, value = with_cache(key, value, past)
        # _attn: q and k in float32, scores / sqrt(head_dim), the mask sliced to the keys, softmax
        attn = torch.matmul(query.to(torch.float32), key.to(torch.float32).transpose(-1, -2))
        attn = attn / self.scale_attn
        attn = attn + mask[:, :, :, : key.shape[-2]]
        attn = F.softmax(attn, dim=-1).to(value.dtype)
        out = torch.matmul(attn, value).permute(0, 2, 1, 3).contiguous()
        out = out.view(out.size()[:-2] + (c.heads * c.head_dim,))
        return self.out_proj(out), (key, value)

    def forward(self, x, mask, position_ids, past):
        h = self.ln_1(x)
        a, kv = self.attention(h, mask, position_ids, past)
        ff = self.fc_out(gelu_new(self.fc_in(h)))
        return a + ff + x, kv


class TinyGptj(nn.Module):
    """GPTJForCausalLM: wte, the layers, ln_f, lm_head with a bias (logits cast to float32)."""

    def __init__(self, c):
        super().__init__()
        self.c = c
        self.wte = nn.Embedding(c.vocab, c.hidden)
        self.h = nn.ModuleList([GptjLayer(c) for _ in range(c.layers)])
        self.ln_f = nn.LayerNorm(c.hidden, eps=c.ln_eps)
        self.lm_head = nn.Linear(c.hidden, c.vocab)

    def forward(self, input_ids, *past):
        past_len = past[0].shape[2] if past else 0
        seq = input_ids.shape[1]
        cache_position = torch.arange(past_len, past_len + seq)
        position_ids = cache_position.unsqueeze(0)
        x = self.wte(input_ids)
        mask = hf_causal_mask(self.c, None, seq, past_len, cache_position)
        presents = []
        for i, layer in enumerate(self.h):
            x, kv = layer(x, mask, position_ids, (past[2 * i], past[2 * i + 1]) if past else None)
            presents += kv
        logits = self.lm_head(self.ln_f(x)).to(torch.float32)
        return (logits, *presents) if past else logits


class OptimumInputs(nn.Module):
    """optimum's text-generation export without past: input_ids, attention_mask and position_ids in."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, position_ids):
        return self.model.run(input_ids, (), attention_mask, position_ids)


def export_forms(cls, c):
    """Two more exports of one family: optimum-style inputs (<name>-optimum.onnx: input_ids, attention_mask and
    position_ids, dynamic seq) and a fixed-shape [1, 8] graph (<name>-fixed8.onnx: no dynamic axes)."""
    if not wanted(c):
        return
    model = build(cls, c)
    g = torch.Generator().manual_seed(200 + c.seed)
    ids = torch.randint(0, c.vocab, (1, 8), generator=g)
    with torch.no_grad():
        path = os.path.join(HERE, c.name + "-optimum.onnx")
        mask, pos = torch.ones(1, 8, dtype=torch.int64), torch.arange(8)[None]
        torch.onnx.export(OptimumInputs(model), (ids, mask, pos), path, opset_version=OPSET, do_constant_folding=True,
                          input_names=["input_ids", "attention_mask", "position_ids"], output_names=["logits"],
                          dynamic_axes={"input_ids": {1: "sequence_length"}, "attention_mask": {1: "sequence_length"},
                                        "position_ids": {1: "sequence_length"}, "logits": {1: "sequence_length"}})
        save(path, False)
        write_expected(c.name + "-optimum", {"input_ids": ids, "attention_mask": mask, "position_ids": pos},
                       {"logits": model(ids)})
        path = os.path.join(HERE, c.name + "-fixed8.onnx")
        torch.onnx.export(model, (ids,), path, opset_version=OPSET, do_constant_folding=True,
                          input_names=["input_ids"], output_names=["logits"])
        save(path, False)
        write_expected(c.name + "-fixed8", {"input_ids": ids}, {"logits": model(ids)})


def randomize_hf(model):
    """Norm parameters away from their identity values (Gemma's zero-centred scale included), so a dropped scale or
    shift shows in the logits."""
    for m in model.modules():
        if isinstance(m, GemmaRMSNorm):
            with torch.no_grad():
                m.weight.copy_(0.1 * torch.randn_like(m.weight))


def export_encoder(cls, c):
    """One graph: input_ids [1, seq] -> last_hidden_state [1, seq, hidden] (an encoder has no decode step)."""
    if not wanted(c):
        return
    model = build(cls, c)
    g = torch.Generator().manual_seed(100 + c.seed)
    ids = torch.randint(0, c.vocab, (1, 7), generator=g)
    path = os.path.join(HERE, c.name + ".onnx")
    with torch.no_grad():
        torch.onnx.export(model, (ids,), path, opset_version=OPSET, do_constant_folding=True,
                          input_names=["input_ids"], output_names=["last_hidden_state"],
                          dynamic_axes={"input_ids": {1: "seq"}, "last_hidden_state": {1: "seq"}})
        save(path, False)
        write_expected(c.name, {"input_ids": ids}, {"last_hidden_state": model(ids)})


# ---------------------------------------------------------------- export
def wanted(c):
    """The families named on the command line (all when none is named)."""
    return len(sys.argv) < 2 or c.name in sys.argv[1:]


def build(cls, c, prepare=None):
    torch.manual_seed(c.seed)
    model = cls(c)
    init_linear_like(model, 0.08)
    randomize_norms(model)
    if prepare is not None:
        prepare(model)
    return model.eval()


def past_names(c):
    ins, outs = [], []
    for i in range(c.layers):
        ins += [f"past_key_values.{i}.key", f"past_key_values.{i}.value"]
        outs += [f"present.{i}.key", f"present.{i}.value"]
    return ins, outs


def tensor_json(t):
    dtype = {torch.float32: "float32", torch.int64: "int64"}[t.dtype]
    return {"dtype": dtype, "dims": list(t.shape), "data": [x for x in t.flatten().tolist()]}


def write_expected(graph, inputs, outputs):
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    doc = {"model": graph + ".onnx",
           "inputs": {k: tensor_json(v) for k, v in inputs.items()},
           "outputs": {k: tensor_json(v) for k, v in outputs.items()}}
    with open(os.path.join(HERE, "expected", graph + ".json"), "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
        f.write("\n")


def repeat_interleave_as_torch2(g, self, repeats, dim=None, output_size=None):
    """torch >= 2.0's ONNX form of repeat_interleave by one constant count along a known axis
    (symbolic_helper._repeat_interleave_single_value_repeat_helper): Unsqueeze(dim + 1), Tile by a one-hot repeat
    vector, Reshape back (the axes dim and dim + 1 merged). torch 1.13 writes a Loop over SplitToSequence instead,
    which no current exporter emits."""
    from torch.onnx import symbolic_helper as sh
    reps = sh._maybe_get_const(repeats, "i")
    d = sh._maybe_get_const(dim, "i")
    rank = sh._get_tensor_rank(self)
    if d < 0:
        d += rank
    unsqueezed = g.op("Unsqueeze", self, g.op("Constant", value_t=torch.tensor([d + 1])))
    onehot = torch.ones(rank + 1, dtype=torch.int64)
    onehot[d + 1] = reps
    tiled = g.op("Tile", unsqueezed, g.op("Constant", value_t=onehot))
    shape = g.op("Shape", self)
    before = g.op("Slice", shape, g.op("Constant", value_t=torch.tensor([0])), g.op("Constant", value_t=torch.tensor([d])))
    merged = g.op("Mul", g.op("Slice", shape, g.op("Constant", value_t=torch.tensor([d])), g.op("Constant", value_t=torch.tensor([d + 1]))),
                  g.op("Constant", value_t=torch.tensor([reps])))
    after = g.op("Slice", shape, g.op("Constant", value_t=torch.tensor([d + 1])), g.op("Constant", value_t=torch.tensor([rank])))
    return g.op("Reshape", tiled, g.op("Concat", before, merged, after, axis_i=0))


def torch2_forms(fn):
    """Runs fn with the exporter writing repeat_interleave as torch >= 2.0 does (repeat_interleave_as_torch2)."""
    torch.onnx.register_custom_op_symbolic("aten::repeat_interleave", repeat_interleave_as_torch2, OPSET)
    try:
        fn()
    finally:
        torch.onnx.unregister_custom_op_symbolic("aten::repeat_interleave", OPSET)


def torch_export(*args, **kwargs):
    """torch.onnx.export; torch 1.13 writes F.layer_norm without weight (OLMo's norm) as a LayerNormalization with an
    empty scale input, which the ONNX checker rejects after the file is written: save() repairs that."""
    try:
        torch.onnx.export(*args, **kwargs)
    except (torch.onnx.errors.CheckerError, onnx.checker.ValidationError) as e:
        if "LayerNormalization" not in str(e):
            raise


def save(path, external, hidden=None):
    """Re-saves an export without doc strings; optionally moves initializers to a .data file. A LayerNormalization
    without its scale (see torch_export) gets a ones scale of the hidden width, as torch 2's exporter writes it."""
    m = onnx.load(path)
    for n in m.graph.node:
        n.doc_string = ""
        if n.op_type == "LayerNormalization" and n.input[1] == "":
            if not any(t.name == "layer_norm.ones" for t in m.graph.initializer):
                m.graph.initializer.append(onnx.numpy_helper.from_array(torch.ones(hidden).numpy(), "layer_norm.ones"))
            n.input[1] = "layer_norm.ones"
    name = os.path.basename(path)
    if external:
        # onnx appends to an existing data file; start from an empty one so re-runs are identical.
        if os.path.exists(path + ".data"):
            os.remove(path + ".data")
        onnx.save_model(m, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location=name + ".data", size_threshold=1024)
    else:
        onnx.save_model(m, path)
    onnx.checker.check_model(path)


def export(cls, c, external=False, fold=True, prepare=None):
    if not wanted(c):
        return
    model = build(cls, c, prepare)
    g = torch.Generator().manual_seed(100 + c.seed)
    seq = 7
    ids = torch.randint(0, c.vocab, (1, seq), generator=g)

    full = os.path.join(HERE, c.name + ".onnx")
    with torch.no_grad():
        torch_export(model, (ids,), full, opset_version=OPSET, do_constant_folding=fold,
                     input_names=["input_ids"], output_names=["logits"],
                     dynamic_axes={"input_ids": {1: "seq"}, "logits": {1: "seq"}})
        save(full, external, c.hidden)
        write_expected(c.name, {"input_ids": ids}, {"logits": model(ids)})

        # Decode step: the past comes from running the model on the prefix.
        pin, pout = past_names(c)
        past_len = 5
        prefix, step = ids[:, :past_len], ids[:, past_len:past_len + 1]
        # The real KV cache of the prefix, so the expected logits are those of an actual
        # generation step (and equal the full graph's logits at that position).
        past = model_prefix_cache(model, c, prefix)
        decode = os.path.join(HERE, c.name + "-decode.onnx")
        dyn = {n: {2: "past_seq"} for n in pin}
        dyn.update({n: {2: "total_seq"} for n in pout})
        torch_export(model, (step, *past), decode, opset_version=OPSET,
                     do_constant_folding=fold, input_names=["input_ids"] + pin,
                     output_names=["logits"] + pout, dynamic_axes=dyn)
        save(decode, external, c.hidden)
        outs = model(step, *past)
        write_expected(c.name + "-decode",
                       {"input_ids": step, **dict(zip(pin, past))},
                       {"logits": outs[0], **dict(zip(pout, outs[1:]))})
        # Self-check: the decode step continues the full sequence exactly.
        full_logits = model(ids[:, :past_len + 1])[:, -1]
        err = (full_logits - outs[0][:, -1]).abs().max().item()
        if err > 1e-4:
            sys.exit(f"{c.name}: decode step disagrees with full sequence by {err}")


def model_prefix_cache(model, c, prefix):
    """Runs the prefix one token at a time from an empty cache; returns the flat per-layer KV list."""
    past = [torch.zeros(1, c.kv_heads, 0, c.head_dim) for _ in range(2 * c.layers)]
    for t in range(prefix.shape[1]):
        outs = model(prefix[:, t:t + 1], *past)
        past = list(outs[1:])
    return past


def main():
    torch.use_deterministic_algorithms(True)
    export(TinyOpt, OPT)
    # Without constant folding the exporter keeps Transpose(wte.weight) in the graph, so the
    # tied LM head stays visibly tied (folding would store a transposed copy), and the
    # unfolded shape arithmetic is left for pimcc's own folding.
    export(TinyGpt2, GPT2, fold=False)
    export(TinyLlama, LLAMA, external=True)
    export(TinyPhi3, PHI3)
    export(TinyBloom, BLOOM, fold=False)  # unfolded, so the tied head reads word_embeddings.weight (as tiny-gpt2)
    export(TinyGemma2, GEMMA2)
    export_encoder(TinyBert, BERT)
    export(TinyNeox, NEOX)
    export(TinyFalcon, FALCON)
    export(TinyStableLm, STABLELM)
    export(TinyOlmo, OLMO)
    export(TinyGemma, GEMMA, prepare=randomize_hf)
    export(TinyMistral, MISTRAL)
    export(TinyLlamaTied, LLAMA_TIED)
    export(TinyLlamaLinear, LLAMA_LINEAR)
    export_forms(TinyMistral, MISTRAL)
    torch2_forms(lambda: export(TinyGptj, GPTJ))


if __name__ == "__main__":
    main()
