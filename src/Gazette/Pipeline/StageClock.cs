using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Gazette.Pipeline;

/// <summary>
/// Records how long each part of a build took, for <c>gazette build --verbose</c> and the benchmark. A part that runs once per
/// batch of documents is booked under one name: its laps add up. Each lap has its wall time and the CPU time the whole
/// process spent in it: a part whose CPU time is about its wall time used one of the cores, twice its wall time two. Parts run
/// at the same time as others (<see cref="Together"/>) have their wall time only: the CPU time of the process is shared.
/// </summary>
public sealed class StageClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Stage, TimeSpan Took, TimeSpan? Cpu)> _laps = [];
    private readonly bool _alongside;
    private TimeSpan _last;
    private TimeSpan _lastCpu = Environment.CpuUsage.TotalTime;

    public StageClock()
    {
    }

    private StageClock(bool alongside) => _alongside = alongside;

    /// <summary>Each part with its total wall time and CPU time (none for a part run alongside another), in the order the parts first ran.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Took, TimeSpan? Cpu)> Laps => _laps;

    /// <summary>Ends the current lap: the time since the previous lap is booked to <paramref name="stage"/>.</summary>
    public void Lap(string stage)
    {
        var now = _watch.Elapsed;
        TimeSpan? cpu = _alongside ? null : Environment.CpuUsage.TotalTime - _lastCpu;
        Book(stage, now - _last, cpu);
        _last = now;
        _lastCpu += cpu ?? TimeSpan.Zero;
    }

    /// <summary>
    /// Runs the <paramref name="parts"/> at the same time, each with a clock of its own, and returns when all have ended (an
    /// exception of one is thrown then, the others having ended too). Their laps are booked here as "stage (alongside)", with
    /// their wall time, after the lap of the whole, <paramref name="stage"/>, with its CPU time.
    /// </summary>
    public void Together(string stage, params Action<StageClock>[] parts)
    {
        var clocks = parts.Select(_ => new StageClock(alongside: true)).ToArray();
        var running = parts.Select((part, i) => Task.Run(() => part(clocks[i]))).ToArray();
        try
        {
            Task.WaitAll(running);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        finally
        {
            Lap(stage);
            foreach (var (part, took, _) in clocks.SelectMany(c => c._laps))
            {
                Book(part + " (alongside)", took, null);
            }
        }
    }

    private void Book(string stage, TimeSpan took, TimeSpan? cpu)
    {
        var index = _laps.FindIndex(l => l.Stage == stage);
        if (index < 0)
        {
            _laps.Add((stage, took, cpu));
        }
        else
        {
            _laps[index] = (stage, _laps[index].Took + took, _laps[index].Cpu + cpu);
        }
    }
}
