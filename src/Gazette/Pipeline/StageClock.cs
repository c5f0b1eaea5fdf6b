using System.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>
/// Records how long each part of a build took, for <c>gazette build --verbose</c> and the benchmark. A part that runs once per
/// batch of documents is booked under one name: its laps add up. Each lap has its wall time and the CPU time the whole
/// process spent in it: a part whose CPU time is about its wall time used one of the cores, twice its wall time two.
/// </summary>
public sealed class StageClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Stage, TimeSpan Took, TimeSpan Cpu)> _laps = [];
    private TimeSpan _last;
    private TimeSpan _lastCpu = Environment.CpuUsage.TotalTime;

    /// <summary>Each part with its total wall and CPU time, in the order the parts first ran.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Took, TimeSpan Cpu)> Laps => _laps;

    /// <summary>Ends the current lap: the time since the previous lap is booked to <paramref name="stage"/>.</summary>
    public void Lap(string stage)
    {
        var now = _watch.Elapsed;
        var cpu = Environment.CpuUsage.TotalTime;
        var index = _laps.FindIndex(l => l.Stage == stage);
        if (index < 0)
        {
            _laps.Add((stage, now - _last, cpu - _lastCpu));
        }
        else
        {
            _laps[index] = (stage, _laps[index].Took + (now - _last), _laps[index].Cpu + (cpu - _lastCpu));
        }

        _last = now;
        _lastCpu = cpu;
    }
}
