using Pimcc.Pimllm.Isa;
using Pimcc.Sim;

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// The parts of the latency split (issue 13: crossbars with their ADC/DAC, the systolic array, memory), one per unit
/// kind: every instruction belongs to one, and the critical path attributes the makespan to them.
/// </summary>
public enum PimllmPart
{
    /// <summary>Crossbar reads: DAC, array, shared ADCs, shift-add (<c>xb.mvm</c>).</summary>
    Crossbar,
    /// <summary>The post-processing lanes (<c>xb.st</c>, <c>pp.*</c>).</summary>
    PostProcessing,
    /// <summary>The systolic array (<c>sa.gemm</c>, <c>sa.mm</c>).</summary>
    Systolic,
    /// <summary>The softmax unit.</summary>
    Softmax,
    /// <summary>LPDDR transfers (the DMA streams).</summary>
    Memory,
    /// <summary>Configuration and event words (one clock each).</summary>
    Control,
    /// <summary>The LM head's words on the systolic array (the linear whose logits the program returns to LPDDR): a
    /// part of its own, since in decode it outweighs attention (docs/pimllm-compiler.md, "PIM-LLM against TPU-LLM");
    /// its weight streaming stays <see cref="Memory"/>, its input quantisation <see cref="PostProcessing"/>.</summary>
    LmHead,
}

/// <summary>Stable kebab-case names of <see cref="PimllmPart"/>s in reports.</summary>
public static class PimllmParts
{
    public static readonly PimllmPart[] All = Enum.GetValues<PimllmPart>();

    public static string Name(PimllmPart p) => p switch
    {
        PimllmPart.Crossbar => "crossbar",
        PimllmPart.PostProcessing => "post-processing",
        PimllmPart.Systolic => "systolic",
        PimllmPart.Softmax => "softmax",
        PimllmPart.Memory => "memory",
        PimllmPart.LmHead => "lm-head",
        _ => "control",
    };

    /// <summary>The part an instruction's unit and timing class belong to.</summary>
    public static PimllmPart Of(PimllmSemantics s) => s.Timing is PimllmTiming.Config or PimllmTiming.EventSync ? PimllmPart.Control : s.Unit switch
    {
        PimllmUnit.Crossbar => PimllmPart.Crossbar,
        PimllmUnit.PostProcessing => PimllmPart.PostProcessing,
        PimllmUnit.Systolic => PimllmPart.Systolic,
        PimllmUnit.Softmax => PimllmPart.Softmax,
        PimllmUnit.Dma => PimllmPart.Memory,
        _ => PimllmPart.Control,
    };
}

/// <summary>
/// The figures of one program run (prefill, or a decode step at one position): makespan, the critical path by report
/// class and by part, busy time per part, energy events and the work done. Runs add with weights
/// (<see cref="AddScaled"/>) for interpolated decode steps, so every figure is a double.
/// </summary>
public sealed class PimllmRun : IRunFigures
{
    private readonly double[] _pjPerEvent;

    public PimllmRun(PimllmCosts costs) => _pjPerEvent = [.. PimllmEnergyEvents.All.Select(e => costs.EnergyPj(e, 1))];

    private PimllmRun(double[] pjPerEvent) => _pjPerEvent = pjPerEvent;

    /// <summary>A run of no figures, with this one's energies per event.</summary>
    public PimllmRun Empty() => new(_pjPerEvent);

    /// <summary>A copy of this run's figures.</summary>
    public PimllmRun Copy()
    {
        var c = Empty();
        c.AddScaled(this, 1);
        return c;
    }

    public double Makespan { get; private set; }
    public double[] ClassPs { get; } = new double[WorkClasses.Count];
    public double[] PartPs { get; } = new double[PimllmParts.All.Length];
    public double[] BusyPs { get; } = new double[PimllmParts.All.Length];
    /// <summary>Count of each energy event (<see cref="PimllmEnergyEvent"/>).</summary>
    public double[] Events { get; } = new double[PimllmEnergyEvents.All.Length];
    /// <summary>Energy of each report class's words (pJ): the same events, split by the class of the word that caused them.</summary>
    public double[] ClassEnergyPj { get; } = new double[WorkClasses.Count];
    public double CrossbarMacs { get; private set; }
    public double SystolicMacs { get; private set; }
    public double LpddrBytes { get; private set; }
    public double Instructions { get; private set; }

    public long MakespanPs => (long)Math.Round(Makespan);
    public double EventEnergyPj(PimllmEnergyEvent e) => Events[(int)e] * _pjPerEvent[(int)e];
    public double TotalEnergyPj => PimllmEnergyEvents.All.Sum(EventEnergyPj);
    public IReadOnlyList<double> CriticalPathPs => ClassPs;

    /// <summary>Multiply-accumulates of crossbars and array together.</summary>
    public double Macs => CrossbarMacs + SystolicMacs;

    internal void Instruction(WorkClass cls, PimllmPart part, long durationPs, InstructionCost cost, bool crossbar)
    {
        BusyPs[(int)part] += durationPs;
        for (var k = 0; k < cost.Events.Count; k++)
        {
            var (e, n) = cost.Events.At(k);
            Events[(int)e] += n;
            ClassEnergyPj[(int)cls] += n * _pjPerEvent[(int)e];
        }
        if (crossbar) CrossbarMacs += cost.Macs;
        else SystolicMacs += cost.Macs;
        Instructions++;
    }

    /// <summary>A DMA transfer: each byte moved is 8 LPDDR bits and 8 SRAM bits.</summary>
    internal void Transferred(WorkClass cls, long bytes)
    {
        LpddrBytes += bytes;
        Events[(int)PimllmEnergyEvent.LpddrBit] += bytes * 8.0;
        Events[(int)PimllmEnergyEvent.SramBit] += bytes * 8.0;
        ClassEnergyPj[(int)cls] += bytes * 8.0 * (_pjPerEvent[(int)PimllmEnergyEvent.LpddrBit] + _pjPerEvent[(int)PimllmEnergyEvent.SramBit]);
    }

    internal void Finish(double makespanPs, double[] byClass, double[] byPart)
    {
        Makespan = makespanPs;
        byClass.CopyTo(ClassPs, 0);
        byPart.CopyTo(PartPs, 0);
    }

    /// <summary>Adds <paramref name="weight"/> x <paramref name="other"/> to this run's figures.</summary>
    public void AddScaled(PimllmRun other, double weight)
    {
        Makespan += weight * other.Makespan;
        for (var i = 0; i < ClassPs.Length; i++)
        {
            ClassPs[i] += weight * other.ClassPs[i];
            ClassEnergyPj[i] += weight * other.ClassEnergyPj[i];
        }
        for (var i = 0; i < PartPs.Length; i++)
        {
            PartPs[i] += weight * other.PartPs[i];
            BusyPs[i] += weight * other.BusyPs[i];
        }
        for (var i = 0; i < Events.Length; i++) Events[i] += weight * other.Events[i];
        CrossbarMacs += weight * other.CrossbarMacs;
        SystolicMacs += weight * other.SystolicMacs;
        LpddrBytes += weight * other.LpddrBytes;
        Instructions += weight * other.Instructions;
    }
}

/// <summary>Every <see cref="PimllmEnergyEvent"/> and its name in reports.</summary>
public static class PimllmEnergyEvents
{
    public static readonly PimllmEnergyEvent[] All = Enum.GetValues<PimllmEnergyEvent>();

    public static string Name(PimllmEnergyEvent e) => e switch
    {
        PimllmEnergyEvent.CrossbarRead => "crossbar-read",
        PimllmEnergyEvent.DacConversion => "dac",
        PimllmEnergyEvent.AdcConversion => "adc",
        PimllmEnergyEvent.ShiftAdd => "shift-add",
        PimllmEnergyEvent.PostProcessingOp => "post-processing",
        PimllmEnergyEvent.SystolicMac => "systolic-mac",
        PimllmEnergyEvent.SoftmaxOp => "softmax",
        PimllmEnergyEvent.SramBit => "sram",
        _ => "lpddr",
    };
}
