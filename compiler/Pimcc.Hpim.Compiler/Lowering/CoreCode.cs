using Pimcc.Compiler.Backend;
using Pimcc.Hpim.Compiler.CoreOptimization;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Sram;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Builds one SRAM-PIM core's instruction stream: instructions with their IR op for debug ranges, entry points,
/// counted loops (<c>loop</c>) and forward branches. Register numbers follow <see cref="Reg"/>.
/// </summary>
internal sealed class CoreCode
{
    private readonly List<Op> _ops = [];
    private readonly StreamRecorder _rec;

    public CoreCode(int core)
    {
        Core = core;
        _rec = new StreamRecorder(HpimStreams.Core, core, _ops);
    }

    public int Core { get; }
    public int Count => _ops.Count;
    public IReadOnlyList<Op> Ops => _ops;

    public void Entry(string name) => _rec.Entry(name);

    /// <summary>Attributes the following words to an IR op (until the next call or <see cref="EndOp"/>).</summary>
    public void BeginOp(long id, string name) => _rec.BeginOp(id, name);

    public void EndOp() => _rec.EndOp();

    public void I(string mnemonic, params ReadOnlySpan<long> operands) => _ops.Add(SramIsa.Table.Make(mnemonic, operands));

    /// <summary>r = value (one or two instructions).</summary>
    public void Li(int reg, long value)
    {
        if (value < 0 || value > uint.MaxValue)
            throw new InvalidOperationException($"immediate {value} does not fit 32 bits");
        SramIsa.LoadImmediate(reg, (uint)value, _ops);
    }

    /// <summary>r = the layer count, declared as the counter of the current program's layer loop (docs/binary-format.md, "Layer table").</summary>
    public void LiLayerCounter(int reg, int layers)
    {
        _rec.DeclareLayers(layers, LayerForm.Loop, _ops.Count, 0);
        Li(reg, layers);
    }

    /// <summary>Emits <paramref name="body"/> <paramref name="count"/> times with a counted loop (counter register consumed).</summary>
    public void Loop(int counter, long count, Action body)
    {
        if (count <= 0) return;
        if (count == 1) { body(); return; }
        Li(counter, count);
        var top = _ops.Count;
        body();
        I("loop", counter, top - _ops.Count);
    }

    /// <summary>
    /// Emits <paramref name="body"/> so that it runs only when r[a] &lt; r[b] (signed): a <c>bge a, b</c> past the
    /// body, not taken when the body runs (no taken-branch penalty on that path). A body beyond the branch offset's
    /// reach gets <c>blt a, b, +2; jmp past</c> instead, the <c>jmp</c> inserted after the fact: nothing recorded
    /// while the body was emitted points behind the insertion (loop offsets are relative, ops and entries do not
    /// start inside a guarded body).
    /// </summary>
    public void IfLess(int a, int b, Action body)
    {
        var at = Placeholder();
        body();
        var past = _ops.Count - at;
        var branch = SramIsa.Table.Get("bge");
        if (branch.Operands[branch.IndexOf("target")].Accepts(past))
        {
            _ops[at] = SramIsa.Table.Make("bge", a, b, past);
            return;
        }
        _ops[at] = SramIsa.Table.Make("blt", a, b, 2);
        _ops.Insert(at + 1, SramIsa.Table.Make("jmp", past));
    }

    /// <summary>Marks the current position; <see cref="PatchForward"/> later fills a branch placeholder to it.</summary>
    public int Placeholder()
    {
        _ops.Add(SramIsa.Table.Make("nop"));
        return _ops.Count - 1;
    }

    /// <summary>Replaces the placeholder at <paramref name="at"/> with a branch to the current position.</summary>
    public void PatchForward(int at, string mnemonic, int a, int b) =>
        _ops[at] = SramIsa.Table.Make(mnemonic, a, b, _ops.Count - at);

    /// <summary>Backward branch to <paramref name="target"/>.</summary>
    public void BranchBack(string mnemonic, int a, int b, int target) => I(mnemonic, a, b, target - _ops.Count);

    /// <summary>Appends the program <paramref name="next"/> (a builder of the same core) holds after this builder's words.</summary>
    public void Append(CoreCode next)
        => _rec.Append(next._rec);

    /// <summary>
    /// Runs the machine-level clean-up (<see cref="CoreOptimizer"/>) over the programs this builder holds, in place:
    /// call it once they are complete (an appended program brings its own clean-up along). Builders share nothing,
    /// so their clean-ups may run side by side.
    /// </summary>
    public void CleanUp()
    {
        var debug = new List<DebugRange>();
        _rec.Flush(debug);
        using var scratch = CoreScratch.Rent();
        var p = CoreOptimizer.Run(new CoreProgram(_ops, [.. _rec.Entries], [.. _rec.Layers], debug, scratch));
        if (!ReferenceEquals(p.Words, _ops))                               // the clean-up's scratch list holds the words
        {
            _ops.Clear();
            _ops.AddRange(p.Words);
        }
        _rec.Rewritten(p.Entries, p.Layers, p.Debug);
    }

    /// <summary>The stream of the words as they stand, and its debug ranges: nothing is emitted after it.</summary>
    public (CoreStream Stream, List<DebugRange> Debug) Build()
    {
        var debug = new List<DebugRange>();
        _rec.Flush(debug);
        return (new CoreStream(Core, _ops) { Entries = [.. _rec.Entries], Layers = [.. _rec.Layers] }, debug);
    }
}

/// <summary>Register conventions of the generated core code (docs/hpim-lowering.md).</summary>
internal static class Reg
{
    public const int Zero = 0;
    /// <summary>Scratch registers for one instruction group; never live across IR ops.</summary>
    public const int T0 = 1, T1 = 2, T2 = 3, T3 = 4, T4 = 5, T5 = 6, T6 = 7, T7 = 8, T8 = 9, T9 = 10, T10 = 11, T11 = 12;
    /// <summary>Loop counters (inner to outer).</summary>
    public const int L0 = 13, L1 = 14;
    /// <summary>Attention: block index, local block count, valid positions, block count of the step, macro cursors.</summary>
    public const int Blk = 15, NLocal = 16, Len = 17, NBlk = 18, MacK = 19, MacV = 20;
    /// <summary>HBM byte offset of the current layer's KV cache relative to layer 0's (layer loop).</summary>
    public const int KvLayerOffset = 24;
    /// <summary>HBM byte offset of the current layer's weights relative to layer 0's (layer loop).</summary>
    public const int LayerOffset = 25;
    /// <summary>HBM byte offset of the current layer's packed 1-D weights relative to layer 0's (prefill layer loop).</summary>
    public const int VectorLayerOffset = 31;
    /// <summary>Layer loop counter.</summary>
    public const int LayerCounter = 26;
    /// <summary>Registers the top controller sets (docs/hpim-abi.md).</summary>
    public const int Token = HpimAbi.Token, Prompt = HpimAbi.Prompt, Step = HpimAbi.Step, Kv = HpimAbi.Kv;
}
