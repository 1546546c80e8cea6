using System.Collections.Immutable;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// Turns a raised program into the decoder module docs/ir.md describes, as the HF-config frontend
/// does: module attributes, weights with data, one KV cache per layer sized for the workload, and
/// <c>@prefill</c> (rows = seq, past = 0) and <c>@decode</c> (rows = 1, past = kv) emitted from the
/// same nodes, so the two cannot drift apart. The last row is selected before the final norm and
/// LM head, as the HF frontend does (only the last position's logits pick the next token).
/// </summary>
internal static class DecoderEmitter
{
    private sealed record Stage(string Name, string Input, string Symbol, SymExpr Rows, SymExpr Past);

    private static readonly Stage Prefill = new(Module.Prefill, "input_ids", "seq", SymExpr.Sym("seq"), SymExpr.Zero);
    private static readonly Stage Decode = new(Module.Decode, "token", "kv", SymExpr.Const(1), SymExpr.Sym("kv"));

    /// <summary>A raised program made ready to emit (roles assigned, the last-token selection inserted, the nodes the
    /// output reaches in order): what does not depend on the workload, done once (it edits the program).</summary>
    internal sealed record Prepared(RaisedProgram Program, List<RaisedNode> Nodes, bool Encoder);

    public static Prepared Prepare(RaisedProgram program)
    {
        RoleAssignment.Assign(program);
        // An encoder (BERT): every attention bidirectional. One function over the whole sequence, no generated tokens.
        var encoder = program.Nodes.Any(n => n.Opcode == "attention") && program.Nodes.Where(n => n.Opcode == "attention").All(n => !n.Attrs.Bool("causal"));
        if (!encoder) InsertLastToken(program);
        return new Prepared(program, Reachable(program), encoder);
    }

    /// <summary>The module of <paramref name="prepared"/> for <paramref name="workload"/> (any number of times: nothing is edited).</summary>
    /// <param name="note">Set when the default workload was scaled down to the model's learned positions.</param>
    public static Module Emit(string name, Prepared prepared, OnnxWorkload workload, string source, out string? note)
    {
        var (program, nodes, encoder) = prepared;
        if (encoder)
        {
            if (workload.Defaulted) workload = workload with { GeneratedTokens = 0 };
            else if (workload.GeneratedTokens > 0)
                throw new PimccError(ExitCode.Usage, source,
                    $"the model is an encoder (bidirectional attention): it has no decode step, so it cannot generate {workload.GeneratedTokens} tokens",
                    "pass --gen-tokens 0 (the prompt is the sequence the encoder reads)");
        }
        note = null;
        if (workload.Defaulted && LearnedPositions(nodes, program) is { } positions && workload.TotalTokens > positions)
        {
            var fitted = workload.FitTo(positions);
            note = $"the default workload ({workload.PromptTokens} prompt + {workload.GeneratedTokens} generated tokens) exceeds the model's {positions} positions; "
                + $"compiling for {fitted.PromptTokens} + {fitted.GeneratedTokens} (pass --prompt-tokens and --gen-tokens to choose)";
            workload = fitted;
        }
        var attrs = ModuleAttrs(nodes, program, workload, source);
        if (encoder) attrs = attrs.Set("architecture", "encoder").Set("family", "bert");
        var total = workload.TotalTokens;
        if (!attrs.ContainsKey("max_positions") || total <= attrs.Int("max_positions"))
        {
            if (program.LengthChecks.FirstOrDefault(c => c.Square && total > LengthCheck.MaxSquareLength) is { } big)
                throw new PimccError(ExitCode.SizeOverflow, $"{source}: node {big.Node.Describe()}",
                    $"confirming that {big.What} at the workload's {total} positions means evaluating [{total}, {total}] values; the ONNX raiser evaluates at most {LengthCheck.MaxSquareLength} positions",
                    $"compile at most {LengthCheck.MaxSquareLength} positions from the ONNX export, or the model's HuggingFace config.json for longer contexts");
            foreach (var c in program.LengthChecks.Where(c => !c.Holds(total)))
                throw new PimccError(ExitCode.UnsupportedModel, $"{source}: node {c.Node.Describe()}",
                    $"checked at a few short lengths, {c.What}, but not at the workload's {total} positions (a sliding window or a position limit)",
                    "compile a shorter workload (--prompt-tokens, --gen-tokens)");
        }
        if (attrs.ContainsKey("max_positions") && total > attrs.Int("max_positions"))
            throw new PimccError(ExitCode.Usage, source,
                $"the workload needs {total} positions ({workload.PromptTokens} prompt + {workload.GeneratedTokens} generated), more than the model's {attrs.Int("max_positions")} learned positions",
                "lower the prompt or generated token count");
        var attention = nodes.Where(n => n.Opcode == "attention").ToList();
        var caches = attention.Select(a => new KvCache(a.Attrs.Str("cache"),
            TensorType.Of(ElementType.F32, total, a.Attrs.Int("kv_heads"), a.Attrs.Int("head_dim")), AttrMap.Empty)).ToImmutableArray();
        var used = nodes.SelectMany(n => n.Inputs.OfType<WeightRef>()).Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        var module = new Module(name, attrs, [.. program.Weights.Where(w => used.Contains(w.Name))], caches, []);
        return module.WithFunctions(encoder
            ? [Build(module, nodes, program.Output!, Prefill)]
            : [Build(module, nodes, program.Output!, Prefill), Build(module, nodes, program.Output!, Decode)]);
    }

    private static Function Build(Module module, List<RaisedNode> nodes, RaisedNode output, Stage stage)
    {
        var fb = new FunctionBuilder(module, stage.Name)
            .Attr("stage", AttrValue.Of(stage.Name))
            .Attr("symbols", AttrValue.Of(new[] { stage.Symbol }));
        var ids = fb.Param(stage.Input, TensorType.Of(ElementType.I64, stage.Rows));
        var values = new Dictionary<RaisedNode, Value>();
        foreach (var n in nodes)
        {
            // Decode has one row already; like the HF frontend it selects no last row.
            if (n.Opcode == "last_token" && stage == Decode)
            {
                values[n] = values[(RaisedNode)n.Inputs[0]];
                continue;
            }
            var operands = n.Inputs.Select(i => i switch
            {
                RaisedNode r => values[r].Use,
                WeightRef w => Operand.W(w.Name),
                IdsRef => ids.Use,
                _ => throw new InvalidOperationException($"operand {i}"),
            });
            var attrs = n.Opcode switch
            {
                "attention" => n.Attrs.Set("past", stage.Past),
                "rotary" => n.Attrs.Set("start", stage.Past),
                "position_ids" when n.Attrs.ContainsKey("count") => n.Attrs, // a fixed row (BERT's token type)
                "position_ids" => n.Attrs.Set("start", stage.Past).Set("count", stage.Rows),
                _ => n.Attrs,
            };
            values[n] = fb.Op(n.Opcode, operands, attrs, n.Name);
        }
        return fb.Return(values[output].Use);
    }

    /// <summary>last_token before the final norm(s) feeding the LM head.</summary>
    private static void InsertLastToken(RaisedProgram program)
    {
        var first = program.Head!;
        while (first.Inputs[0] is RaisedNode { Opcode: "layer_norm" or "rms_norm" } norm && program.Nodes.Count(n => n.Inputs.Contains(norm)) == 1)
            first = norm;
        var x = (RaisedNode)first.Inputs[0];
        var last = new RaisedNode("last_token", [x], AttrMap.Empty, "last") { Width = x.Width };
        first.Inputs[0] = last;
        program.Nodes.Insert(program.Nodes.IndexOf(first), last);
    }

    private static List<RaisedNode> Reachable(RaisedProgram program)
    {
        var seen = new HashSet<RaisedNode>();
        var stack = new Stack<RaisedNode>([program.Output!]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!seen.Add(n)) continue;
            foreach (var i in n.NodeInputs) stack.Push(i);
        }
        return [.. program.Nodes.Where(seen.Contains)];
    }

    /// <summary>
    /// A parallel residual block (docs/ir.md: GPT-NeoX, Falcon) as graph shape: in every layer the MLP's first linear
    /// reads (through its norm) the same residual stream the attention's query projection reads, not the stream after
    /// the attention's output was added.
    /// </summary>
    private static bool ParallelResidual(List<RaisedNode> nodes, List<RaisedNode> attention)
    {
        static RaisedNode Stream(RaisedNode n) => n.Opcode is "layer_norm" or "rms_norm" ? (RaisedNode)n.Inputs[0] : n;
        static RaisedNode Root(RaisedNode n) => n.Opcode == "rotary" ? (RaisedNode)n.Inputs[0] : n;
        var mlp = nodes.Where(n => n.Opcode == "linear" && n.Attrs.Str("role") is "fc1" or "gate_proj").ToList();
        return attention.Count > 0 && mlp.Count == attention.Count && attention.Zip(mlp).All(p =>
            Stream((RaisedNode)Root((RaisedNode)p.First.Inputs[0]).Inputs[0]) == Stream((RaisedNode)p.Second.Inputs[0]));
    }

    /// <summary>An embedding of the tokens' positions (not of a fixed row such as BERT's token type).</summary>
    private static bool IsPositionEmbedding(RaisedNode n) =>
        n.Opcode == "embedding" && n.Inputs[0] is RaisedNode { Opcode: "position_ids" } p && !p.Attrs.ContainsKey("count");

    /// <summary>Rows of the learned-position table less its offset: the most positions the model has; null without one.</summary>
    private static long? LearnedPositions(List<RaisedNode> nodes, RaisedProgram program) =>
        nodes.FirstOrDefault(IsPositionEmbedding) is { } e && e.Inputs[1] is WeightRef table
            ? program.Weights.Single(w => w.Name == table.Name).Type.Shape[0].Constant - ((RaisedNode)e.Inputs[0]).Attrs.Int("offset")
            : null;

    private static AttrMap ModuleAttrs(List<RaisedNode> nodes, RaisedProgram program, OnnxWorkload workload, string source)
    {
        var attention = nodes.Where(n => n.Opcode == "attention").ToList();
        var tokenEmbedding = nodes.FirstOrDefault(n => n.Opcode == "embedding" && n.Inputs[0] is IdsRef);
        var positions = nodes.FirstOrDefault(IsPositionEmbedding);
        var rotary = nodes.Any(n => n.Opcode == "rotary");
        var rms = nodes.Any(n => n.Opcode == "rms_norm");
        var ffn = nodes.FirstOrDefault(n => n.Opcode == "linear" && n.Attrs.Str("role") is "fc1" or "gate_proj");
        var tied = tokenEmbedding is not null && program.Head!.Inputs[1] is WeightRef head && tokenEmbedding.Inputs[1] is WeightRef tok && head.Name == tok.Name;
        var offset = positions is null ? 0 : ((RaisedNode)positions.Inputs[0]).Attrs.Int("offset");
        // A family guess from the structure, for passes keyed on it: learned positions offset by 2 are
        // OPT's, learned positions at 0 with a fused QKV projection GPT-2's, RoPE with RMSNorm Llama's, ALiBi BLOOM's.
        var fused = nodes.Any(n => n.Opcode == "linear" && n.Name.EndsWith(".q", StringComparison.Ordinal));
        var alibi = attention.Any(n => n.Attrs.ContainsKey("alibi_slopes"));
        var family = rotary && rms ? "llama" : positions is not null && offset == 2 ? "opt" : positions is not null && fused ? "gpt2" : alibi ? "bloom" : "unknown";
        var a = AttrMap.Empty
            .Set("family", family)
            .Set("source", "onnx")
            .Set("hidden_size", tokenEmbedding?.Width ?? 0)
            .Set("num_layers", attention.Count)
            .Set("num_heads", attention.Count > 0 ? attention[0].Attrs.Int("heads") : 0)
            .Set("num_kv_heads", attention.Count > 0 ? attention[0].Attrs.Int("kv_heads") : 0)
            .Set("head_dim", attention.Count > 0 ? attention[0].Attrs.Int("head_dim") : 0)
            .Set("ffn_dim", ffn?.Width ?? 0)
            .Set("vocab_size", program.Output!.Width)
            .Set("dtype", "f32")
            .Set("prompt_tokens", workload.PromptTokens)
            .Set("generated_tokens", workload.GeneratedTokens)
            .Set("tie_word_embeddings", tied);
        if (ParallelResidual(nodes, attention)) a = a.Set("parallel_residual", true);
        if (LearnedPositions(nodes, program) is { } max)
            a = a.Set("max_positions", max);
        else
            a = a.Set("max_positions", workload.TotalTokens).Set("max_positions_source", "workload");
        return a;
    }
}
