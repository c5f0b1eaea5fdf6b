using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gazette.Bench.Measure;

/// <summary>How a measured child process ended.</summary>
public sealed record ChildResult(int ExitCode, TimeSpan Wall, long PeakRssBytes, string? KilledBecause, string Stdout, string Stderr)
{
    /// <summary>Each line the process printed, with when (since start) and the tree's resident memory at that moment.</summary>
    public IReadOnlyList<(TimeSpan At, long Rss, string Text)> Lines { get; init; } = [];

    public bool Succeeded => ExitCode == 0 && KilledBecause is null;

    public string Failure => KilledBecause ?? $"exit code {ExitCode}: {Tail(Stderr.Length > 0 ? Stderr : Stdout)}";

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" | ", lines.TakeLast(3)).Trim();
    }
}

/// <summary>
/// Runs a command as a child process under GNU time (peak resident memory, "Maximum resident set size") and coreutils timeout,
/// with a watchdog that polls the resident memory of the whole process tree and stops it above a cap: no measured program can
/// hang the benchmark or take the machine down.
/// </summary>
public static partial class ChildProcess
{
    /// <summary>
    /// Waits until the file system has written out what earlier steps left in memory (<c>sync</c>): a build of 50,000 documents
    /// leaves some 1.8 GB to be written back, which would otherwise be written while the next build is timed, by whichever
    /// tool runs next. Called before every timed build, Gazette's and Hugo's alike.
    /// </summary>
    public static void Settle()
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        sync?.WaitForExit();
    }

    public static ChildResult Run(string file, IEnumerable<string> arguments, TimeSpan limit, long memoryCapBytes, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, TextWriter? echo = null)
    {
        var timeFile = Path.Combine(Path.GetTempPath(), $"gazette-bench-time-{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
        var useTime = File.Exists("/usr/bin/time");
        var info = new ProcessStartInfo
        {
            FileName = useTime ? "/usr/bin/time" : "timeout",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        if (useTime)
        {
            foreach (var a in new[] { "-v", "-o", timeFile, "timeout" })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in new[] { "-s", "TERM", "-k", "10", ((int)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture), file })
        {
            info.ArgumentList.Add(a);
        }

        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var lines = new List<(TimeSpan, long, string)>();
        var watch = Stopwatch.StartNew();
        var rootPid = 0;
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stdout)
            {
                stdout.AppendLine(e.Data);
                if (lines.Count < 200)
                {
                    lines.Add((watch.Elapsed, rootPid == 0 ? 0 : TreeRss(rootPid), e.Data));
                }
            }

            echo?.WriteLine("    | " + e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                if (stderr.Length < 1_000_000)
                {
                    stderr.AppendLine(e.Data);
                }
            }

            echo?.WriteLine("    ! " + e.Data);
        };
        process.Start();
        rootPid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        string? killed = null;
        long watchedPeak = 0;
        while (!process.WaitForExit(250))
        {
            var rss = TreeRss(process.Id);
            watchedPeak = Math.Max(watchedPeak, rss);
            if (rss > memoryCapBytes && killed is null)
            {
                killed = $"stopped: resident memory {rss / 1048576.0:N0} MB exceeded the cap of {memoryCapBytes / 1048576.0:N0} MB after {watch.Elapsed.TotalSeconds:N0} s";
                KillTree(process.Id);
            }
        }

        process.WaitForExit();
        watch.Stop();
        var exit = process.ExitCode;
        long peak = watchedPeak;
        if (useTime && File.Exists(timeFile))
        {
            var report = File.ReadAllText(timeFile);
            File.Delete(timeFile);
            if (MaxRss().Match(report) is { Success: true } m)
            {
                peak = Math.Max(peak, long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 1024);
            }

            if (ExitStatus().Match(report) is { Success: true } s)
            {
                exit = int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        if (killed is null && exit == 124)
        {
            killed = $"stopped: did not finish within the time limit of {limit.TotalMinutes:N0} min";
        }

        lock (stdout)
        {
            return new ChildResult(exit, watch.Elapsed, peak, killed, stdout.ToString(), stderr.ToString()) { Lines = lines.ToList() };
        }
    }

    /// <summary>The resident memory of a process and all its descendants, from /proc.</summary>
    public static long TreeRss(int root)
    {
        long total = 0;
        foreach (var pid in Tree(root))
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                {
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    {
                        total += long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                        break;
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return total;
    }

    private static List<int> Tree(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
            }
        }

        var result = new List<int> { root };
        for (var i = 0; i < result.Count; i++)
        {
            if (children.TryGetValue(result[i], out var list))
            {
                result.AddRange(list);
            }
        }

        return result;
    }

    private static void KillTree(int root)
    {
        foreach (var pid in Tree(root).AsEnumerable().Reverse())
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();

    [GeneratedRegex(@"Exit status: (\d+)")]
    private static partial Regex ExitStatus();
}
