using System.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>Records how long each part of a build took, for <c>gazette build --verbose</c> and the benchmark.</summary>
public sealed class StageClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Stage, TimeSpan Took)> _laps = [];
    private TimeSpan _last;

    public IReadOnlyList<(string Stage, TimeSpan Took)> Laps => _laps;

    /// <summary>Ends the current lap: the time since the previous lap is booked to <paramref name="stage"/>.</summary>
    public void Lap(string stage)
    {
        var now = _watch.Elapsed;
        _laps.Add((stage, now - _last));
        _last = now;
    }
}
