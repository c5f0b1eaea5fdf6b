using System.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>
/// Records how long each part of a build took, for <c>gazette build --verbose</c> and the benchmark. A part that runs once per
/// batch of documents is booked under one name: its laps add up.
/// </summary>
public sealed class StageClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Stage, TimeSpan Took)> _laps = [];
    private TimeSpan _last;

    /// <summary>Each part with its total time, in the order the parts first ran.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Took)> Laps => _laps;

    /// <summary>Ends the current lap: the time since the previous lap is booked to <paramref name="stage"/>.</summary>
    public void Lap(string stage)
    {
        var now = _watch.Elapsed;
        var index = _laps.FindIndex(l => l.Stage == stage);
        if (index < 0)
        {
            _laps.Add((stage, now - _last));
        }
        else
        {
            _laps[index] = (stage, _laps[index].Took + (now - _last));
        }

        _last = now;
    }
}
