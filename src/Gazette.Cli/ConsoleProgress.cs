using Spectre.Console;

namespace Gazette.Cli;

/// <summary>
/// Prints each step of a build as it starts, on the build's own thread (so lines come in order and at the moment they are
/// reported); with <c>--verbose</c> each line also gives the managed heap and the process's resident memory at that moment.
/// </summary>
internal sealed class ConsoleProgress(IAnsiConsole console, bool verbose) : IProgress<string>
{
    public void Report(string value)
    {
        var memory = verbose
            ? $" (GC heap {Megabytes(GC.GetTotalMemory(false))}, GC committed {Megabytes(GC.GetGCMemoryInfo().TotalCommittedBytes)}, resident {Megabytes(Environment.WorkingSet)})"
            : "";
        console.MarkupLine($"[grey]{Markup.Escape(value)}…{Markup.Escape(memory)}[/]");
    }

    public static string Megabytes(long bytes) => $"{bytes / 1048576.0:N0} MB";
}
