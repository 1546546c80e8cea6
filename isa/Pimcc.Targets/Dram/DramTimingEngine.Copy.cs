namespace Pimcc.Targets.Dram;

/// <summary>
/// A copy of an engine's state, for a controller that pauses a run and resumes it later from the same point (pimllm's
/// long LPDDR transfers: the next, longer transfer of a kind continues from where the shorter one's last row was next
/// to open).
/// </summary>
public sealed partial class DramTimingEngine
{
    /// <summary>
    /// Makes this engine's state (timing history, windowed rings, bank state, commands counted, refresh schedule) that
    /// of <paramref name="other"/>, an engine of the same standard: every later probe and issue answers as on
    /// <paramref name="other"/>.
    /// </summary>
    public void CopyFrom(DramTimingEngine other)
    {
        if (other._state.Length != _state.Length || other._ringData.Length != _ringData.Length || other._banks != _banks
            || other._issued.Length != _issued.Length || other.Refresh.Nodes != Refresh.Nodes)
            throw new ArgumentException("the engines' standards differ", nameof(other));
        other._state.CopyTo(_state, 0);
        other._ringData.CopyTo(_ringData, 0);
        other._ringHead.CopyTo(_ringHead, 0);
        other._issued.CopyTo(_issued, 0);
        _lastIssue = other._lastIssue;
        _probedCommand = -1;
        other._openRow.CopyTo(_openRow, 0);
        other._openedBy.CopyTo(_openedBy, 0);
        other._openBanks.CopyTo(_openBanks, 0);
        for (var u = 0; u < _uniformRow.Length; u++) other._uniformRow[u].CopyTo(_uniformRow[u], 0);
        Refresh.CopyFrom(other.Refresh);
    }
}
