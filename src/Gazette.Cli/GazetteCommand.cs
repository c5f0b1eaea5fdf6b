using System.CommandLine;
using System.Diagnostics;
using Gazette.Diagnostics;
using Gazette.Integrity;
using Gazette.Pipeline;
using Spectre.Console;

namespace Gazette.Cli;

/// <summary>The gazette command line: <c>gazette build</c>, <c>serve</c>, <c>check</c>, <c>report annual</c>, <c>verify</c> and <c>key new</c>.</summary>
public static partial class GazetteCommand
{
    /// <summary>Exit codes, documented in the README.</summary>
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int InternalError = 70;
    public const int OutputUnwritable = 74; // sysexits' EX_IOERR

    /// <summary>
    /// Up to this many timeliness and completeness warnings a build prints one by one; above it, a count of each kind, and
    /// <c>gazette check</c> lists them (an archive of ten thousand documents can have thousands).
    /// </summary>
    public const int ArchiveWarningsListed = 20;

    public static RootCommand Create()
    {
        var root = new RootCommand("Gazette: builds a government disclosure catalogue and gazette archive as a static site.");
        var siteRoot = RootOption("content/ and theme/");
        var output = OutputOption();
        var theme = ThemeOption();
        var (cache, noCache) = CacheOptions();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print how long each part of the build took." };

        var build = new Command("build", $"Check the content and write the static site with its integrity manifest, signed with the key in {SigningKeyText.EnvironmentVariable} when it is set; on any error nothing is written.")
        {
            siteRoot, output, theme, cache, noCache, quiet, verbose,
        };
        build.SetAction(parse => Build(
            WithCache(BuildOptions.ForSite(parse.GetValue(siteRoot)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(theme)?.FullName), parse.GetValue(cache), parse.GetValue(noCache))
                with { SigningKey = SigningKeyText.FromEnvironment() },
            parse.GetValue(quiet), parse.GetValue(verbose)));
        root.Subcommands.Add(build);
        root.Subcommands.Add(CreateCheck());
        root.Subcommands.Add(CreateReport());
        root.Subcommands.Add(CreateVerify());
        root.Subcommands.Add(CreateKey());
        root.Subcommands.Add(CreateServe());
        root.Subcommands.Add(CreateImport());
        root.Subcommands.Add(CreateNew());
        return root;
    }

    /// <summary>--root, the site folder (default: the current folder), which holds <paramref name="holds"/>.</summary>
    private static Option<DirectoryInfo> RootOption(string holds) => new("--root")
    {
        Description = $"The site folder holding {holds} (default: the current folder).",
        DefaultValueFactory = _ => new DirectoryInfo(Directory.GetCurrentDirectory()),
    };

    private static Option<DirectoryInfo?> OutputOption() => new("--output", "-o") { Description = "Where to write the site (default: <root>/public)." };

    private static Option<DirectoryInfo?> ThemeOption() => new("--theme") { Description = "The theme folder (default: <root>/theme)." };

    /// <summary>--cache, the build cache's folder, and --no-cache.</summary>
    private static (Option<DirectoryInfo?> Cache, Option<bool> NoCache) CacheOptions() => (
        new("--cache") { Description = "The build cache: what the last build left in the output folder, so that only changed files are written (default: <root>/.gazette-cache; safe to delete)." },
        new("--no-cache") { Description = "Neither read nor write the build cache: every file is written anew." });

    private static BuildOptions WithCache(BuildOptions options, DirectoryInfo? cache, bool noCache) =>
        options with { CacheDirectory = noCache ? null : cache?.FullName ?? Path.Combine(options.SiteRoot, BuildOptions.DefaultCacheFolder) };

    /// <param name="stdout">where progress and the summary go (default: the terminal).</param>
    /// <param name="stderr">where problems go (default: standard error).</param>
    public static int Build(BuildOptions options, bool quiet, bool verbose = false, IAnsiConsole? stdout = null, IAnsiConsole? stderr = null) =>
        RunBuild(options, quiet, verbose, stdout, stderr).ExitCode;

    /// <summary>A build as <c>gazette build</c> makes and prints it: the exit code, and the result (null after an internal error).</summary>
    internal static (int ExitCode, BuildResult? Result) RunBuild(BuildOptions options, bool quiet, bool verbose, IAnsiConsole? stdout, IAnsiConsole? stderr)
    {
        stdout ??= AnsiConsole.Console;
        stderr ??= AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        // Never wrap: one diagnostic is one line, so editors and CI logs can jump to it.
        stdout.Profile.Width = stderr.Profile.Width = 100_000;
        var watch = Stopwatch.StartNew();
        BuildResult result;
        try
        {
            if (!quiet && !verbose && stdout.Profile.Capabilities.Interactive)
            {
                // A terminal: one bar, its description the stage, filled by the documents rendered, with the time left.
                result = stdout.Progress().AutoClear(true)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(context =>
                    {
                        var bar = new ConsoleProgress(stdout, verbose, context.AddTask("reading content"));
                        return new BuildPipeline().Run(options, bar, bar);
                    });
            }
            else
            {
                var progress = quiet ? null : new ConsoleProgress(stdout, verbose);
                result = new BuildPipeline().Run(options, progress, progress);
            }
        }
        catch (Exception e) when (DiskFull(e) is { } full)
        {
            // Not a bug: the disk the output or the cache is written to is full (the staging folder is removed again)
            stderr.MarkupLine($"[red]error:[/] the disk is full: {Markup.Escape(full.Message)}");
            stderr.MarkupLine($"[red]build failed:[/] nothing was written and {Markup.Escape(options.Relative(options.OutputDirectory))}/ is unchanged; " +
                "free space on that disk (a build needs room for a second copy of the site while it is made) and build again.");
            return (OutputUnwritable, null);
        }
        catch (Exception e)
        {
            return (InternalFailure(stderr, e, " The previous output is unchanged."), null);
        }

        if (verbose)
        {
            foreach (var lap in result.Timings)
            {
                var used = lap.Cpu is { } cpu ? $", CPU {cpu.TotalSeconds,6:0.00} s" : "";
                var memory = lap.Allocated is { } allocated ? $", {allocated / 1048576.0,6:0} MB allocated, GC paused {lap.Paused?.TotalSeconds,5:0.00} s" : "";
                stdout.MarkupLine($"[grey]  {Markup.Escape(lap.Stage),-30} {lap.Took.TotalSeconds,7:0.000} s{used}{memory}[/]");
            }

            using var process = Process.GetCurrentProcess();
            stdout.MarkupLine($"[grey]  peak resident memory {ConsoleProgress.Megabytes(process.PeakWorkingSet64)}, GC heap {ConsoleProgress.Megabytes(GC.GetTotalMemory(false))} at the end[/]");
            stdout.MarkupLine($"[grey]  garbage collections {GC.CollectionCount(0)} (generation 1: {GC.CollectionCount(1)}, 2: {GC.CollectionCount(2)}), paused {GC.GetTotalPauseDuration().TotalSeconds:0.00} s, {GC.GetTotalAllocatedBytes() / 1048576:N0} MB allocated; methods compiled {System.Runtime.JitInfo.GetCompiledMethodCount()} in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.00} s[/]");
        }

        var archiveWarnings = result.Diagnostics.Where(d => Codes.ArchiveChecks.Contains(d.Code)).ToList();
        var summarise = archiveWarnings.Count > ArchiveWarningsListed;
        foreach (var diagnostic in result.Diagnostics.Where(d => !summarise || !Codes.ArchiveChecks.Contains(d.Code)))
        {
            Print(stderr, diagnostic);
        }

        if (summarise)
        {
            foreach (var kind in archiveWarnings.GroupBy(d => d.Code).OrderBy(g => g.Key.Id, StringComparer.Ordinal))
            {
                var title = kind.Key.Title.Replace(" (warning)", "", StringComparison.Ordinal);
                stderr.MarkupLine($"[yellow]warning[/]: {kind.Count():N0} × {Markup.Escape(title)} [grey]{Markup.Escape("[" + kind.Key.Id + "]")}[/]");
            }

            stderr.MarkupLine($"  [blue]hint:[/] {archiveWarnings.Count:N0} timeliness and completeness warnings in all; 'gazette check' lists them by organ (--json, --html for a report)");
        }

        if (!result.Succeeded)
        {
            var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            stderr.MarkupLine($"[red]build failed:[/] {errors} error(s); nothing was written and {Markup.Escape(options.Relative(options.OutputDirectory))}/ is unchanged.");
            return (ContentErrors, result);
        }

        if (!quiet)
        {
            stdout.MarkupLine(
                $"[green]built[/] {result.Documents} documents ({result.Withheld} not public or drafts, withheld) into {Markup.Escape(options.Relative(options.OutputDirectory))}/: " +
                (result.Recalled > 0 ? $"{result.Recalled} documents not made again (unchanged), " : "") +
                $"{result.Pages} pages ({result.Rendered} rendered), {result.Files} files ({result.Files - result.Unchanged} written, {result.Unchanged} unchanged) in {watch.Elapsed.TotalSeconds:0.00} s; " +
                (options.SigningKey is null ? $"manifest unsigned ({SigningKeyText.EnvironmentVariable} is not set)" : "manifest signed"));
        }

        return (Success, result);
    }

    /// <summary>
    /// Prints an exception that escaped a command as an internal error (a bug in Gazette, never the user's input): the line that
    /// says so, with <paramref name="unchanged"/> added, then the stack trace to report. Returns <see cref="InternalError"/>.
    /// </summary>
    internal static int InternalFailure(IAnsiConsole stderr, Exception e, string unchanged = "")
    {
        stderr.MarkupLine($"[red]internal error:[/] Gazette failed; this is a bug in Gazette, not in your content or files.{Markup.Escape(unchanged)}");
        stderr.WriteLine(e.ToString());
        return InternalError;
    }

    /// <summary>
    /// The exception, or one it wraps, that says the disk is full or the user's quota spent (ENOSPC or EDQUOT on Linux and macOS,
    /// ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows); null when there is none.
    /// </summary>
    public static IOException? DiskFull(Exception e)
    {
        if (e is IOException io && (OperatingSystem.IsWindows()
                ? io.HResult is unchecked((int)0x80070070) or unchecked((int)0x80070027)
                : io.HResult == 28 || io.HResult == (OperatingSystem.IsLinux() ? 122 : 69)))
        {
            return io;
        }

        var inner = e is AggregateException all ? all.InnerExceptions : e.InnerException is { } one ? [one] : [];
        return inner.Select(DiskFull).FirstOrDefault(full => full is not null);
    }

    private static void Print(IAnsiConsole console, Diagnostic diagnostic)
    {
        var level = diagnostic.Severity == Severity.Error ? "[red]error[/]" : "[yellow]warning[/]";
        console.MarkupLine($"{Markup.Escape(diagnostic.Location.ToString())}: {level}: {Markup.Escape(diagnostic.Message)} [grey]{Markup.Escape("[" + diagnostic.Code.Id + "]")}[/]");
        if (diagnostic.Hint is { } hint)
        {
            console.MarkupLine($"  [blue]hint:[/] {Markup.Escape(hint)}");
        }
    }
}
