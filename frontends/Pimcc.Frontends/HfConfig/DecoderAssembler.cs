using System.Collections.Immutable;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// Turns a family's layout into the module docs/ir.md describes: module attributes, weights, one KV
/// cache per layer sized for the whole workload, and the prefill and decode functions (an encoder: prefill only,
/// over every position, and no generated tokens).
/// </summary>
internal static class DecoderAssembler
{
    public static Module Assemble(string name, ConfigObject config, DecoderFamily family, ElementType dtype, string dtypeSource, HfWorkload workload)
    {
        var shape = family.Shape;
        if (family.Encoder && workload.GeneratedTokens > 0)
            throw new PimccError(ExitCode.Usage, config.Location("model_type"),
                $"{shape.Family} is an encoder: it has no decode step, so it cannot generate {workload.GeneratedTokens} tokens",
                "pass --gen-tokens 0 (the prompt is the sequence the encoder reads)");
        var maxPositions = shape.MaxPositions;
        if (workload.Positions is { } positions)
        {
            if (family.LearnedPositions)
                throw new PimccError(ExitCode.Usage, config.Location(shape.MaxPositionsField),
                    $"--positions {positions}: {shape.Family} learns a table of {shape.MaxPositionsField} = {shape.MaxPositions} positions and has no rows beyond it",
                    "drop --positions; only models with rotary or ALiBi positions can be compiled for a longer context than their config's");
            maxPositions = positions;
        }
        if (workload.TotalTokens > maxPositions)
            throw new PimccError(ExitCode.Usage, workload.Positions is null ? config.Location(shape.MaxPositionsField) : "--positions",
                $"the workload needs {workload.TotalTokens} positions ({workload.PromptTokens} prompt + {workload.GeneratedTokens} generated), " +
                (workload.Positions is null ? $"more than {shape.MaxPositionsField} = {shape.MaxPositions}" : $"more than --positions {maxPositions}"),
                workload.Positions is null && !family.LearnedPositions
                    ? $"lower the prompt or generated token count, or compile for a longer context than the config's with --positions N (the model was trained for {shape.MaxPositions})"
                    : "lower the prompt or generated token count");
        family.CheckWorkload(config, workload);

        var attrs = shape.ToAttrs()
            .Set("dtype", dtype.Name())
            .Set("dtype_source", dtypeSource)
            .Set("prompt_tokens", workload.PromptTokens)
            .Set("generated_tokens", workload.GeneratedTokens);
        foreach (var (k, v) in family.ExtraAttrs) attrs = attrs.Set(k, v);
        if (workload.Positions is not null)
            attrs = attrs.Set("max_positions", maxPositions).Set("config_max_positions", shape.MaxPositions);

        var caches = Enumerable.Range(0, shape.Layers)
            .Select(i => new KvCache(DecoderFamily.CacheName(i),
                TensorType.Of(dtype, workload.TotalTokens, shape.KvHeads, shape.HeadDim), AttrMap.Empty))
            .ToImmutableArray();
        var module = new Module(name, attrs, family.Weights.Weights, caches, []);
        module = module.WithFunctions(family.Encoder
            ? [Build(module, family, Stage.Prefill)]
            : [Build(module, family, Stage.Prefill), Build(module, family, Stage.Decode)]);
        Verifier.VerifyOrThrow(module, config.File);
        return module;
    }

    private static Function Build(Module module, DecoderFamily family, Stage stage)
    {
        var fb = new FunctionBuilder(module, stage.Name)
            .Attr("stage", AttrValue.Of(stage.Name))
            .Attr("symbols", AttrValue.Of(new[] { stage.Symbol }));
        var ids = fb.Param(stage.InputName, TensorType.Of(ElementType.I64, stage.Rows));
        var x = family.Embed(fb, ids, stage);
        for (var i = 0; i < family.Shape.Layers; i++) x = family.Layer(fb, x, i, stage);
        // Only the last position's logits are needed to pick the next token; selecting the row
        // before the final norm and LM head keeps prefill's vocab-sized GEMM a GEMV.
        if (stage.IsPrefill && !family.Encoder) x = fb.Op("last_token", [x.Use], name: "last");
        return fb.Return(family.Head(fb, x).Use);
    }
}
