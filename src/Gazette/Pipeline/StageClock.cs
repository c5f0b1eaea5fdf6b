using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Gazette.Pipeline;

/// <summary>
/// Records how long each part of a build took, for <c>gazette build --verbose</c> and the benchmark. A part that runs once per
/// batch of documents is booked under one name: its laps add up. Each lap has its wall time and the CPU time the whole
/// process spent in it: a part whose CPU time is about its wall time used one of the cores, twice its wall time two. Parts run
/// at the same time as others (<see cref="Together"/>) have their wall time only: the CPU time of the process is shared. So
/// have the memory the process allocated in a lap and the time its collections paused it: what memory costs.
/// </summary>
public sealed class StageClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<StageTime> _laps = [];
    private readonly bool _alongside;
    private TimeSpan _last;
    private TimeSpan _lastCpu = Environment.CpuUsage.TotalTime;
    private long _lastAllocated = GC.GetTotalAllocatedBytes();
    private TimeSpan _lastPaused = GC.GetTotalPauseDuration();

    public StageClock()
    {
    }

    private StageClock(bool alongside) => _alongside = alongside;

    /// <summary>Each part with its total times (wall time only for a part run alongside another), in the order the parts first ran.</summary>
    public IReadOnlyList<StageTime> Laps => _laps;

    /// <summary>Ends the current lap: the time since the previous lap is booked to <paramref name="stage"/>.</summary>
    public void Lap(string stage)
    {
        var now = _watch.Elapsed;
        if (_alongside)
        {
            Book(new(stage, now - _last));
        }
        else
        {
            var (cpu, allocated, paused) = (Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
            Book(new(stage, now - _last, cpu - _lastCpu, allocated - _lastAllocated, paused - _lastPaused));
            (_lastCpu, _lastAllocated, _lastPaused) = (cpu, allocated, paused);
        }

        _last = now;
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
            foreach (var lap in clocks.SelectMany(c => c._laps))
            {
                Book(new(lap.Stage + " (alongside)", lap.Took));
            }
        }
    }

    private void Book(StageTime lap)
    {
        var index = _laps.FindIndex(l => l.Stage == lap.Stage);
        if (index < 0)
        {
            _laps.Add(lap);
            return;
        }

        var before = _laps[index];
        _laps[index] = before with
        {
            Took = before.Took + lap.Took, Cpu = before.Cpu + lap.Cpu, Allocated = before.Allocated + lap.Allocated, Paused = before.Paused + lap.Paused,
        };
    }
}

/// <summary>
/// A part of a build and how long it took: wall time, and for a part not run alongside another the CPU time of the process,
/// the bytes it allocated and the time its garbage collections paused it.
/// </summary>
public sealed record StageTime(string Stage, TimeSpan Took, TimeSpan? Cpu = null, long? Allocated = null, TimeSpan? Paused = null);
