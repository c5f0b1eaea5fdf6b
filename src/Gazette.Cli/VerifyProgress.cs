using Spectre.Console;

namespace Gazette.Cli;

/// <summary>Shows how many of the listed files <c>gazette verify</c> has checked, on a terminal's progress bar.</summary>
internal sealed class VerifyProgress(ProgressTask task) : IProgress<(int Done, int Total)>
{
    public void Report((int Done, int Total) value)
    {
        task.MaxValue = value.Total;
        task.Value = Math.Max(task.Value, value.Done);
    }
}
