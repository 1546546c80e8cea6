#!/usr/bin/python3
"""Writes an OPT-350M-shaped ONNX export with external data into a folder, for the import benchmark.

  /usr/bin/python3 tests/Pimcc.Bench/generate-opt350m.py OUT_DIR [--layers N]

The model is samples/onnx/generate.py's TinyOpt (plain torch, OPT's graph form) at OPT-350M's sizes (facebook/opt-350m
config.json: hidden 1024, 24 layers, 16 heads, ffn 4096, vocab 50272, 2048 positions; without its 512-wide
project_in/project_out, which the ONNX raiser does not need to see here), random weights, float32, exported like the
samples (torch.onnx.export, opset 17) and saved as optimum saves models over 2 GB: model.onnx plus every initializer
in model.onnx.data. Nothing here is committed: the benchmark generates it into a temporary folder.
"""
import os
import sys

import onnx
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "samples", "onnx"))
import generate  # noqa: E402  (the samples' model code)


def main():
    out = sys.argv[1]
    layers = int(sys.argv[sys.argv.index("--layers") + 1]) if "--layers" in sys.argv else 24
    c = generate.Cfg(name="opt-350m-shaped", vocab=50272, hidden=1024, layers=layers, heads=16, kv_heads=16,
                     ffn=4096, max_pos=2048, seed=7)
    torch.manual_seed(c.seed)
    model = generate.TinyOpt(c)
    generate.init_linear_like(model, 0.02)
    model.eval()
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "model.onnx")
    ids = torch.randint(0, c.vocab, (1, 7))
    with torch.no_grad():
        torch.onnx.export(model, (ids,), path, opset_version=generate.OPSET, do_constant_folding=True,
                          input_names=["input_ids"], output_names=["logits"],
                          dynamic_axes={"input_ids": {1: "seq"}, "logits": {1: "seq"}})
    m = onnx.load(path)
    for f in os.listdir(out):
        if f != "model.onnx":
            os.remove(os.path.join(out, f))   # torch's per-tensor files for models over 2 GB
    if os.path.exists(path + ".data"):
        os.remove(path + ".data")
    onnx.save_model(m, path, save_as_external_data=True, all_tensors_to_one_file=True, location="model.onnx.data",
                    size_threshold=1024)
    total = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
    print(f"{path}: {layers} layers, {sum(p.numel() for p in model.parameters()):,} parameters, {total / 2**20:.0f} MiB on disk")


if __name__ == "__main__":
    main()
