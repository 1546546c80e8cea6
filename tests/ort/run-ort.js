#!/usr/bin/env node
// Runs an ONNX model with ONNX Runtime (onnxruntime-node, pinned in tools/package.json) and
// prints its outputs as JSON. This is the independent reference for whole-model checks: C# tests
// start it through Process and compare pimcc's values against what it prints.
//
// Usage: node tests/ort/run-ort.js MODEL.onnx INPUTS.json [OUTPUTS.json]
//   INPUTS.json: {"name": {"dtype": "float32"|"int64"|..., "dims": [..], "data": [..]}, ...}
//                or a document with that object under "inputs" (samples/onnx/expected/*.json).
//   Output (stdout or OUTPUTS.json): {"outputs": {"name": {"dtype", "dims", "data"}, ...}} with
//   outputs in the model's declared order. Numbers are printed with JavaScript's shortest
//   round-trip formatting, so a float32 value parses back to exactly the same float32.
// Exit codes: 0 ok, 2 usage, 3 bad input file, 4 ONNX Runtime failed.
'use strict';
const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..', '..');
let ort;
try {
  ort = require(path.join(repoRoot, 'tools', 'node_modules', 'onnxruntime-node'));
} catch (e) {
  process.stderr.write(`run-ort: onnxruntime-node is not installed (run: bash tools/setup.sh): ${e.message}\n`);
  process.exit(3);
}

// ONNX Runtime's tensor type names and the typed arrays that hold them.
const ARRAYS = {
  float32: Float32Array, float64: Float64Array, int64: BigInt64Array, int32: Int32Array,
  int8: Int8Array, uint8: Uint8Array, bool: Uint8Array, uint16: Uint16Array, int16: Int16Array,
};

function fail(code, msg) {
  process.stderr.write(`run-ort: ${msg}\n`);
  process.exit(code);
}

function toTensor(name, spec) {
  const Arr = ARRAYS[spec.dtype];
  if (!Arr) fail(3, `input '${name}': unsupported dtype '${spec.dtype}'`);
  const count = spec.dims.reduce((a, b) => a * b, 1);
  if (spec.data.length !== count) fail(3, `input '${name}': ${spec.data.length} values for dims [${spec.dims}]`);
  const data = Arr === BigInt64Array ? BigInt64Array.from(spec.data.map(BigInt))
    : spec.dtype === 'bool' ? Uint8Array.from(spec.data.map(v => (v ? 1 : 0))) : Arr.from(spec.data);
  return new ort.Tensor(spec.dtype, data, spec.dims);
}

function fromTensor(t) {
  const data = t.type === 'int64' || t.type === 'uint64' ? Array.from(t.data, v => Number(v))
    : t.type === 'bool' ? Array.from(t.data, v => (v ? 1 : 0)) : Array.from(t.data);
  return { dtype: t.type, dims: Array.from(t.dims), data };
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length < 2 || args.length > 3) fail(2, 'usage: run-ort.js MODEL.onnx INPUTS.json [OUTPUTS.json]');
  const [modelPath, inputsPath, outputsPath] = args;
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(inputsPath, 'utf8'));
  } catch (e) {
    fail(3, `${inputsPath}: ${e.message}`);
  }
  const specs = doc.inputs ?? doc;
  const feeds = {};
  for (const name of Object.keys(specs)) feeds[name] = toTensor(name, specs[name]);

  let session, results;
  try {
    // One thread and no graph rewrites beyond the basic ones keep the numbers reproducible.
    session = await ort.InferenceSession.create(modelPath, {
      intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'basic',
    });
    results = await session.run(feeds);
  } catch (e) {
    fail(4, `${modelPath}: ${e.message}`);
  }
  const outputs = {};
  for (const name of session.outputNames) outputs[name] = fromTensor(results[name]);
  const text = JSON.stringify({ outputs }) + '\n';
  if (outputsPath) fs.writeFileSync(outputsPath, text);
  else process.stdout.write(text);
}

main();
