using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// How long long LPDDR transfers take on an idle channel, each timed once command by command and remembered: the key
/// is what decides the commands (the bank of the first page, the offset in it, the length, the direction), so the
/// weight chunks a decode step streams (a few sizes, many addresses) and the cache loads of one position cost one
/// exact run per kind. A transfer longer than the last one timed of its kind (first page's bank, offset, direction)
/// resumes that one's run where its last page was next to open (<see cref="LpddrChannel.FromIdle"/>: the same commands
/// up to there), so a cache load that grows by a few rows per prefill block costs the commands of its last pages, not
/// all of them. One instance per simulation; deterministic. It also holds the simulation's <see cref="Memo"/> of short
/// transfers, shared by every channel of every program run.
/// </summary>
public sealed class LpddrTransferTimes(LpddrConfig lpddr)
{
    /// <summary>Short transfers' command sequences by relative channel state.</summary>
    public LpddrTransferMemo Memo { get; } = new();

    private readonly Dictionary<(long Bank, long Offset, long Bytes, bool Write), long> _cycles = [];
    private readonly Dictionary<(long Bank, long Offset, bool Write), LpddrChannel.Pause> _paused = [];
    private readonly LpddrChannel _idle = new(lpddr), _work = new(lpddr);
    private readonly Pimcc.Targets.Dram.DramStandard _standard = lpddr.Standard();

    /// <summary>Distinct transfers timed so far.</summary>
    public int Timed => _cycles.Count;

    /// <summary>Clocks from the first command to the last burst's data of the transfer, from an idle channel.</summary>
    public long Cycles(long address, long bytes, bool write, long pageBytes)
    {
        var banks = lpddr.Organization.Banks;
        var key = (address / pageBytes % banks, address % pageBytes, bytes, write);
        if (!_cycles.TryGetValue(key, out var c))
        {
            var kind = (key.Item1, key.Item2, write);
            if (!_paused.TryGetValue(kind, out var pause)) _paused[kind] = pause = new LpddrChannel.Pause(_standard);
            var from = key.Item1 * pageBytes + key.Item2;
            _cycles[key] = c = _work.FromIdle(from / lpddr.BurstBytes, (from + bytes - 1) / lpddr.BurstBytes, write, _idle, pause);
        }
        return c;
    }
}
