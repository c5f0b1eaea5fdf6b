using System.Diagnostics;
using Spectre.Console;

namespace Gazette.Cli;

/// <summary>
/// Shows what a build is doing. With <paramref name="bar"/> (a terminal), the stage is the bar's description and the bar
/// fills with the documents rendered, with the time left; without one (CI, a pipe), each stage is a line, and so is every
/// tenth of the documents rendered, with the time left. Verbose lines add the memory in use.
/// </summary>
internal sealed class ConsoleProgress(IAnsiConsole console, bool verbose, ProgressTask? bar = null) : IProgress<string>, IProgress<(int Done, int Total)>
{
    private readonly Stopwatch _rendering = new();
    private int _firstDone = -1;
    private int _lastTenth;

    public void Report(string value)
    {
        if (bar is not null)
        {
            bar.Description = Markup.Escape(value);
            return;
        }

        console.MarkupLine($"[grey]{Markup.Escape(value)}…{Markup.Escape(Memory())}[/]");
    }

    public void Report((int Done, int Total) value)
    {
        if (bar is not null)
        {
            bar.MaxValue = Math.Max(1, value.Total);
            bar.Value = value.Done;
            return;
        }

        // The pace is measured from the first batch on, so the first report only starts the clock.
        if (_firstDone < 0)
        {
            _firstDone = value.Done;
            _rendering.Start();
        }

        var tenth = value.Done * 10 / Math.Max(1, value.Total);
        if (tenth == _lastTenth || value.Done == value.Total || value.Done == _firstDone)
        {
            return;
        }

        _lastTenth = tenth;
        var left = _rendering.Elapsed * ((value.Total - value.Done) / (double)(value.Done - _firstDone));
        console.MarkupLine($"[grey]rendered {value.Done:N0} of {value.Total:N0} documents, about {Duration(left)} left{Markup.Escape(Memory())}[/]");
    }

    public static string Megabytes(long bytes) => $"{bytes / 1048576.0:N0} MB";

    private string Memory() => verbose
        ? $" (GC heap {Megabytes(GC.GetTotalMemory(false))}, GC committed {Megabytes(GC.GetGCMemoryInfo().TotalCommittedBytes)}, resident {Megabytes(Environment.WorkingSet)})"
        : "";

    private static string Duration(TimeSpan span) => span.TotalSeconds < 90 ? $"{Math.Ceiling(span.TotalSeconds):0} s" : $"{Math.Ceiling(span.TotalMinutes):0} min";
}
