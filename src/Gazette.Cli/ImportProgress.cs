using Spectre.Console;

namespace Gazette.Cli;

/// <summary>
/// Shows how many files <c>gazette import</c> has read: on a terminal's progress bar with the time left, or, when the output is
/// not a terminal (CI, a pipe), as a plain line every 10 percent.
/// </summary>
internal sealed class ImportProgress(ProgressTask? task, IAnsiConsole? plain) : IProgress<(int Done, int Total)>
{
    private int _lastTenth = -1;

    public void Report((int Done, int Total) value)
    {
        if (task is not null)
        {
            task.MaxValue = value.Total;
            task.Value = value.Done;
            return;
        }

        var tenth = value.Done * 10 / Math.Max(1, value.Total);
        if (plain is not null && tenth != _lastTenth)
        {
            _lastTenth = tenth;
            plain.MarkupLine($"[grey]imported {value.Done} of {value.Total} files…[/]");
        }
    }
}
