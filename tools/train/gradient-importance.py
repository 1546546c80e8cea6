#!/usr/bin/python3
"""Gradient redistribution (HyFlexPIM, docs/hyflexpim-passes.md): the per-rank importance profile of a GPT-2-family
byte-level model, and the fine-tuned low-rank model it belongs to.

  1. SVD of every layer linear weight ([out, in], as pimcc's svd-rank sees it: GPT-2's fused c_attn split into q, k,
     v), truncated to rank R = floor(D1*D2/(D1+D2)), so parameters and MACs are unchanged: W ~ U diag(s) Vh.
  2. Fine-tuning of the factored model (U, s, Vh and every other parameter) on the fortunes training text
     (tools/train/fortunes.py) for --epochs passes of --steps-per-epoch batches.
  3. The fine-tuned weights W' = U diag(s) Vh are factored again by SVD (so ranks are in W's singular-value order, the
     order pimcc's svd-rank finds), and the gradient magnitude |dL/ds_r| of every rank is averaged over --measure
     batches: that is the rank's importance.

Writes the fine-tuned model (--out-model, the input ONNX graph with its initializers replaced: each factored weight is
the rank-R product, so pimcc's SVD recovers the same factors), fixed inputs with the model's logits beside it
(expected/<name>.json, as samples/onnx/generate.py writes them) and the profile (--out-importance, pimcc-importance/1).
Run: /usr/bin/python3 tools/train/gradient-importance.py --model samples/onnx/fortunes-gpt2.onnx --heads 4 \
       --out-model samples/onnx/fortunes-gpt2-svd.onnx --out-importance samples/importance/fortunes-gpt2-svd.json
"""
import argparse
import json
import math
import os
import sys

import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "samples", "onnx"))
sys.path.insert(0, HERE)
import fortunes  # noqa: E402
import samples  # noqa: E402
from generate import save  # noqa: E402

SEQ = 128


class Factor(nn.Module):
    """One [out, in] weight as U diag(s) Vh at rank R."""

    def __init__(self, weight, rank):
        super().__init__()
        u, s, vh = torch.linalg.svd(weight, full_matrices=False)
        self.u = nn.Parameter(u[:, :rank].contiguous())
        self.s = nn.Parameter(s[:rank].contiguous())
        self.vh = nn.Parameter(vh[:rank].contiguous())

    def weight(self):
        return (self.u * self.s) @ self.vh


class FactoredConv1D(nn.Module):
    """GPT-2's Conv1D (y = x @ W + b, W [in, out]) whose [out, in] pieces (q, k, v of c_attn; else one) are factored."""

    def __init__(self, conv, pieces):
        super().__init__()
        linear = conv.weight.detach().t()
        rows = linear.shape[0] // pieces
        self.factors = nn.ModuleList()
        for p in range(pieces):
            w = linear[p * rows:(p + 1) * rows]
            d1, d2 = w.shape
            self.factors.append(Factor(w, (d1 * d2) // (d1 + d2)))
        self.bias = nn.Parameter(conv.bias.detach().clone())

    def weight(self):
        return torch.cat([f.weight() for f in self.factors], dim=0).t()

    def forward(self, x):
        return torch.matmul(x, self.weight()) + self.bias

    def refactor(self):
        for i, f in enumerate(self.factors):
            self.factors[i] = Factor(f.weight().detach(), f.s.shape[0])


LINEARS = [("c_attn", ["q", "k", "v"]), ("c_proj", [None]), ("c_fc", [None]), ("mlp_c_proj", [None])]


def load(path, heads):
    graph, cfg, model = samples.load_gpt2(path, heads)
    for block in model.h:
        for name, pieces in LINEARS:
            setattr(block, name, FactoredConv1D(getattr(block, name), len(pieces)))
    return graph, cfg, model


def batch(data, size, g):
    starts = torch.randint(0, len(data) - SEQ - 1, (size,), generator=g)
    return torch.stack([data[s:s + SEQ] for s in starts]), torch.stack([data[s + 1:s + SEQ + 1] for s in starts])


def loss_of(model, cfg, x, y):
    return F.cross_entropy(model(x).reshape(-1, cfg.vocab), y.reshape(-1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--heads", type=int, required=True)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--steps-per-epoch", type=int, default=100)
    ap.add_argument("--measure", type=int, default=20)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--out-model", required=True)
    ap.add_argument("--out-importance", required=True)
    args = ap.parse_args()
    if not 1 <= args.epochs <= 3:
        raise SystemExit("--epochs: gradient redistribution fine-tunes for 1 to 3 epochs")
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    torch.manual_seed(11)
    graph, cfg, model = load(args.model, args.heads)
    train = torch.tensor(list(fortunes.split()[0]), dtype=torch.long)
    g = torch.Generator().manual_seed(12)

    x, y = batch(train, args.batch, g)
    with torch.no_grad():
        print(f"truncated to rank R: loss {loss_of(model, cfg, x, y).item():.4f}", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.0)
    model.train()
    for epoch in range(args.epochs):
        for step in range(args.steps_per_epoch):
            x, y = batch(train, args.batch, g)
            loss = loss_of(model, cfg, x, y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        print(f"epoch {epoch + 1}: loss {loss.item():.4f}", flush=True)

    # Ranks in the fine-tuned weights' own singular-value order, then |dL/ds_r| averaged over the measuring batches.
    for block in model.h:
        for name, _ in LINEARS:
            getattr(block, name).refactor()
    model.eval()
    sums = {}
    for _ in range(args.measure):
        x, y = batch(train, args.batch, g)
        model.zero_grad(set_to_none=True)
        loss_of(model, cfg, x, y).backward()
        for i, block in enumerate(model.h):
            for name, pieces in LINEARS:
                for piece, f in zip(pieces, getattr(block, name).factors):
                    key = f"h.{i}.{name}.{piece}.weight" if piece else f"h.{i}.{name}.weight"
                    sums[key] = sums.get(key, 0) + f.s.grad.abs()

    profile = {"format": "pimcc-importance/1",
               "model": f"{os.path.basename(args.out_model)}: {os.path.basename(args.model)} truncated to rank "
                        f"D1*D2/(D1+D2) and fine-tuned {args.epochs} x {args.steps_per_epoch} batches of {args.batch} x {SEQ} "
                        f"fortunes bytes; |dL/ds| mean over {args.measure} batches",
               "weights": {}}
    for i, block in enumerate(model.h):
        for name, pieces in LINEARS:
            for piece, f in zip(pieces, getattr(block, name).factors):
                key = f"h.{i}.{name}.{piece}.weight" if piece else f"h.{i}.{name}.weight"
                d1, d2 = f.u.shape[0], f.vh.shape[1]
                profile["weights"][key] = {"shape": [d1, d2],
                                           "importance": [float(f"{v:.6g}") for v in (sums[key] / args.measure).tolist()]}
    os.makedirs(os.path.dirname(os.path.abspath(args.out_importance)), exist_ok=True)
    with open(args.out_importance, "w") as f:
        # one weight per line
        f.write('{\n "format": %s,\n "model": %s,\n "weights": {\n' % (json.dumps(profile["format"]), json.dumps(profile["model"])))
        f.write(",\n".join(f"  {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}" for k, v in profile["weights"].items()))
        f.write("\n }\n}\n")

    # The fine-tuned model: every initializer from the state dict, each Conv1D weight the rank-R product.
    state = {k: v for k, v in model.state_dict().items() if ".factors." not in k}
    for i, block in enumerate(model.h):
        for name, _ in LINEARS:
            state[f"h.{i}.{name}.weight"] = getattr(block, name).weight().detach()
    for init in graph.graph.initializer:
        if init.name in state:
            init.CopyFrom(numpy_helper.from_array(state[init.name].contiguous().numpy(), init.name))
    onnx.save_model(graph, args.out_model)
    save(args.out_model, external=False)

    # Fixed input ids and the fine-tuned model's logits for them, beside the model (expected/<name>.json)
    expected = samples.write_expected(args.out_model, model, cfg.vocab)
    print(f"wrote {args.out_model}, {args.out_importance} and {expected}")


if __name__ == "__main__":
    main()
