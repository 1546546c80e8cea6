"""Shared by the scripts of tools/train: loading a GPT-2-family ONNX sample back into torch, and writing the
expected/<name>.json beside a sample (fixed input ids and the torch model's logits for them, as
samples/onnx/generate.py writes them for every sample), which OrtWholeModelTests checks the ONNX graph against.
"""
import json
import os
import sys

import onnx
import torch
from onnx import numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "samples", "onnx"))
from generate import Cfg, TinyGpt2, tensor_json  # noqa: E402


def load_gpt2(path, heads):
    """(the ONNX model, its config, the torch model with its weights): heads cannot be read from the weights."""
    m = onnx.load(path)
    weights = {i.name: torch.tensor(numpy_helper.to_array(i).copy()) for i in m.graph.initializer}
    layers = len({k.split(".")[1] for k in weights if k.startswith("h.")})
    vocab, hidden = weights["wte.weight"].shape
    cfg = Cfg(name=os.path.basename(path), vocab=vocab, hidden=hidden, layers=layers, heads=heads, kv_heads=heads,
              ffn=weights["h.0.c_fc.weight"].shape[1], max_pos=weights["wpe.weight"].shape[0], seed=0)
    model = TinyGpt2(cfg)
    model.load_state_dict(weights, strict=True)
    return m, cfg, model.eval()


def write_expected(onnx_path, model, vocab, seed=13):
    ids = torch.randint(0, vocab, (1, 7), generator=torch.Generator().manual_seed(seed))
    with torch.no_grad():
        logits = model(ids)
    name = os.path.splitext(os.path.basename(onnx_path))[0]
    expected = os.path.join(os.path.dirname(os.path.abspath(onnx_path)), "expected")
    os.makedirs(expected, exist_ok=True)
    with open(os.path.join(expected, name + ".json"), "w") as f:
        json.dump({"model": name + ".onnx", "inputs": {"input_ids": tensor_json(ids)}, "outputs": {"logits": tensor_json(logits)}},
                  f, indent=None, separators=(",", ":"))
        f.write("\n")
    return os.path.join("expected", name + ".json")


if __name__ == "__main__":
    # python3 tools/train/samples.py MODEL.onnx HEADS: (re)write MODEL's expected/<name>.json from its own weights
    _, c, mdl = load_gpt2(sys.argv[1], int(sys.argv[2]))
    print("wrote", write_expected(sys.argv[1], mdl, c.vocab))
