namespace Pimcc.Sim.Functional;

/// <summary>One program run of a generation: its input token, the position it fills, its logits and the greedy next token.</summary>
public sealed record FunctionalStep(string Program, int Position, int InputToken, float[] Logits, int NextToken);

/// <summary>What a functional generation produced.</summary>
/// <param name="PromptReplayed">True when the binary's prefill returns no logits (placeholder prefill), so the
/// prompt was fed through the decode program one position at a time to fill the KV cache.</param>
public sealed record FunctionalGenerationResult(IReadOnlyList<int> Prompt, IReadOnlyList<int> Generated, IReadOnlyList<FunctionalStep> Steps, bool PromptReplayed);
