using System.Collections.Concurrent;
using System.Security.Cryptography;
using Pimcc.Isa.Container;
using Pimcc.Sim.Units;
using Pimcc.Targets;

namespace Pimcc.Driver;

/// <summary>
/// Timing simulations a caller of <see cref="Cli.Run"/> lets pimcc share between commands run in one process. The same
/// binary and the same request give the same report (a project rule), so a simulation whose binary (its canonical
/// bytes, which embed the target) and request (workload, sampling, layer sampling) equal an earlier one's gets that
/// one's report. The program keeps none, so every command simulates; the test suite passes one to the documented
/// commands it runs (README's <c>run</c> and <c>sim --format html</c> simulate the same OPT-125M 128:128 binary, and
/// <c>sweep --help</c>'s points are points of docs/sweep.md's sweep). A traced simulation is never shared, and a
/// failed one is not kept (its diagnostic names the file it read).
/// </summary>
public sealed class TimingMemo
{
    private readonly ConcurrentDictionary<string, Lazy<TimingOutcome>> _reports = new(StringComparer.Ordinal);

    private int _shared;

    /// <summary>How many simulations were shared (answered from an earlier one).</summary>
    public int Shared => _shared;

    /// <summary>The simulation of <paramref name="binary"/> as <paramref name="request"/> asks: an earlier (or
    /// running) one's report when this memo holds the same binary and request, otherwise a new simulation.</summary>
    public TimingOutcome Simulate(ISimulatorTarget simulator, PimBinary binary, TargetDescription target, string fileName, TimingRequest request)
    {
        if (request.TraceRuns is not null) return simulator.SimulateTiming(binary, target, fileName, request);
        var key = Convert.ToHexString(SHA256.HashData(PimBinaryWriter.Write(binary, compress: false))) + "\0" + (request with { Progress = null });
        var mine = new Lazy<TimingOutcome>(() => simulator.SimulateTiming(binary, target, fileName, request));
        var held = _reports.GetOrAdd(key, mine);
        if (held != mine)
        {
            try
            {
                var kept = held.Value;
                Interlocked.Increment(ref _shared);
                return kept;
            }
            catch (Exception)
            {
                // The earlier run failed: this one fails with its own diagnostic (naming its own file).
                return simulator.SimulateTiming(binary, target, fileName, request);
            }
        }
        try
        {
            return mine.Value;
        }
        catch (Exception)
        {
            _reports.TryRemove(new KeyValuePair<string, Lazy<TimingOutcome>>(key, mine));
            throw;
        }
    }

    /// <summary>Simulates through <paramref name="memo"/> when there is one, otherwise anew.</summary>
    public static TimingOutcome Simulate(TimingMemo? memo, ISimulatorTarget simulator, PimBinary binary, TargetDescription target, string fileName, TimingRequest request) =>
        memo is null ? simulator.SimulateTiming(binary, target, fileName, request) : memo.Simulate(simulator, binary, target, fileName, request);
}
