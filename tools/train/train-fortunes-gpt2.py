#!/usr/bin/python3
"""Trains the small decoder that pimcc's accuracy figures are measured on, deterministically, and exports it.

Model: samples/onnx/generate.py's GPT-2 family (learned positions, LayerNorm, fused QKV, tanh-GELU, tied LM head) at
hidden 96, 3 layers, 4 heads, FFN 384, 128 positions, byte vocabulary (256): 0.37 M parameters, 1.5 MB.
Data: the fortunes corpus (tools/train/fortunes.py), byte-level; windows of 128 bytes drawn from the training text
with a fixed generator. AdamW, warm-up then cosine decay, one thread, deterministic algorithms: the same machine and
torch build give the same bytes.

Writes:
  samples/onnx/fortunes-gpt2.onnx           input_ids [1, seq] -> logits [1, seq, 256] (opset 17)
  samples/onnx/expected/fortunes-gpt2.json  fixed input ids and the model's logits for them
  samples/eval/fortunes-heldout.tokens      the first 4096 held-out bytes as token ids (pimcc --tokens-file format)
  samples/eval/fortunes-gpt2.train.json     what was trained: config, steps, final training and held-out loss
Run (Debian python3-torch, python3-onnx, fortunes):  /usr/bin/python3 tools/train/train-fortunes-gpt2.py [--steps N]
"""
import argparse
import json
import math
import os
import sys
import time

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "samples", "onnx"))
sys.path.insert(0, HERE)
import fortunes  # noqa: E402
import samples  # noqa: E402
from generate import Cfg, TinyGpt2, save  # noqa: E402

CFG = Cfg(name="fortunes-gpt2", vocab=256, hidden=96, layers=3, heads=4, kv_heads=4, ffn=384, max_pos=128, seed=7)
SEQ = 128
EVAL_TOKENS = 4096


def init(model):
    """GPT-2's initialisation: N(0, 0.02) weights, zero biases, unit LayerNorms; residual projections scaled down."""
    torch.manual_seed(CFG.seed)
    for name, p in model.named_parameters():
        with torch.no_grad():
            if "ln" in name:
                p.fill_(1.0 if name.endswith("weight") else 0.0)
            elif name.endswith("bias"):
                p.zero_()
            else:
                std = 0.02 / math.sqrt(2 * CFG.layers) if name.endswith("c_proj.weight") else 0.02
                p.normal_(0.0, std)


def batches(data, batch, generator):
    starts = torch.randint(0, len(data) - SEQ - 1, (batch,), generator=generator)
    x = torch.stack([data[s:s + SEQ] for s in starts])
    y = torch.stack([data[s + 1:s + SEQ + 1] for s in starts])
    return x, y


def loss_of(model, x, y):
    return F.cross_entropy(model(x).reshape(-1, CFG.vocab), y.reshape(-1))


def held_out_loss(model, data):
    """Mean next-byte loss over consecutive 128-byte windows of the held-out text."""
    total, count = 0.0, 0
    with torch.no_grad():
        for s in range(0, len(data) - SEQ - 1, SEQ):
            x = data[s:s + SEQ].unsqueeze(0)
            y = data[s + 1:s + SEQ + 1].unsqueeze(0)
            total += loss_of(model, x, y).item() * SEQ
            count += SEQ
    return total / count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=600)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--root", default=ROOT, help="where samples/onnx and samples/eval are written (default: this repository)")
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    train_text, held_text = fortunes.split()
    train = torch.tensor(list(train_text), dtype=torch.long)
    held = torch.tensor(list(held_text), dtype=torch.long)

    model = TinyGpt2(CFG)
    init(model)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    other = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": other, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.95))
    warmup = max(1, args.steps // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warmup if s < warmup else 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * (s - warmup) / max(1, args.steps - warmup))))
    g = torch.Generator().manual_seed(1000 + CFG.seed)
    model.train()
    start = time.time()
    recent = []
    for step in range(args.steps):
        x, y = batches(train, args.batch, g)
        loss = loss_of(model, x, y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        schedule.step()
        recent = (recent + [loss.item()])[-50:]
        if step % 100 == 0 or step == args.steps - 1:
            print(f"step {step:5d}  loss {sum(recent) / len(recent):.4f}  {time.time() - start:.0f} s", flush=True)
    model.eval()
    held_loss = held_out_loss(model, held)
    print(f"held-out loss {held_loss:.4f} nats/byte (perplexity {math.exp(held_loss):.3f})")

    os.makedirs(os.path.join(args.root, "samples", "onnx"), exist_ok=True)
    onnx_path = os.path.join(args.root, "samples", "onnx", CFG.name + ".onnx")
    ids = held[:16].unsqueeze(0)
    with torch.no_grad():
        # No constant folding: the tied LM head stays visibly tied (as samples/onnx/generate.py exports tiny-gpt2).
        torch.onnx.export(model, (ids,), onnx_path, opset_version=17, do_constant_folding=False,
                          input_names=["input_ids"], output_names=["logits"],
                          dynamic_axes={"input_ids": {1: "seq"}, "logits": {1: "seq"}})
    save(onnx_path, external=False)
    samples.write_expected(onnx_path, model, CFG.vocab)

    eval_dir = os.path.join(args.root, "samples", "eval")
    os.makedirs(eval_dir, exist_ok=True)
    ids = held_text[:EVAL_TOKENS]
    with open(os.path.join(eval_dir, "fortunes-heldout.tokens"), "w") as f:
        for i in range(0, len(ids), 32):
            f.write(" ".join(str(b) for b in ids[i:i + 32]) + "\n")
    with open(os.path.join(eval_dir, CFG.name + ".train.json"), "w") as f:
        json.dump({"model": CFG.name + ".onnx", "config": {k: v for k, v in CFG.__dict__.items()},
                   "corpus": "Debian fortunes (" + fortunes.CORPUS + "), byte-level, every 20th fortune held out",
                   "steps": args.steps, "batch": args.batch, "sequence": SEQ, "lr": args.lr,
                   "trainLoss": round(sum(recent) / len(recent), 4), "heldOutLoss": round(held_loss, 4),
                   "heldOutPerplexity": round(math.exp(held_loss), 4)}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
