#!/usr/bin/python3
"""Generates tiny-opt-1bit: the tiny-opt family of generate.py with 1-bit projection weights (see README.md).

Every projection of every layer (q_proj, k_proj, v_proj, out_proj, fc1, fc2) is binarised as BitNet does
(Wang et al. 2023, eq. 1-3): W <- beta * Sign(W - alpha), alpha = mean(W), beta = mean(|W|), Sign(0) = -1.
Embeddings, LayerNorms, biases and the LM head stay float, as in BitNet. The ONNX files hold the binarised values
as float32, so ONNX Runtime runs the 1-bit model itself; pimcc's binary quantisation (pimllm-quantize-weights)
maps each such matrix back onto exactly these codes and scale.

Deterministic (fixed seed, as generate.py). Run: /usr/bin/python3 samples/onnx/generate-1bit.py
(Debian python3-torch, python3-onnx)
"""
import torch

import generate as g

OPT_1BIT = g.Cfg(name="tiny-opt-1bit", vocab=256, hidden=64, layers=2, heads=4, kv_heads=4, ffn=256,
                 max_pos=128, seed=4)

PROJECTIONS = ("q_proj", "k_proj", "v_proj", "out_proj", "fc1", "fc2")


def binarize(model):
    with torch.no_grad():
        for layer in model.layers:
            for name in PROJECTIONS:
                w = getattr(layer, name).weight
                alpha, beta = w.mean(), w.abs().mean()
                w.copy_(beta * torch.where(w - alpha > 0, 1.0, -1.0))


def main():
    torch.use_deterministic_algorithms(True)
    g.export(g.TinyOpt, OPT_1BIT, prepare=binarize)


if __name__ == "__main__":
    main()
