using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Gazette.Bench.Measure;

namespace Gazette.Bench.Peers;

/// <summary>
/// Hugo from Debian's package (issue 7's peer for build time): finds it, writes its site from the corpus
/// (<see cref="HugoSite"/>) and builds it into a new empty folder as a child process under the same time and memory
/// measurement and limits as Gazette's build.
/// </summary>
public static partial class HugoPeer
{
    /// <summary>How to install it, as the run prints it when Hugo is missing.</summary>
    public const string Install = "apt-get install -y hugo";

    /// <summary>The largest size Hugo is run at without --force-peers: the sizes issue 7 compares with Hugo are 10,000 and 50,000.</summary>
    public const int LargestSize = 50_000;

    /// <summary>
    /// Hugo's version and its site for this size (written from the corpus, or reused), or a result saying why Hugo is not
    /// run: not installed, or a size above <see cref="LargestSize"/> without <paramref name="force"/>.
    /// </summary>
    public static HugoResult Prepare(int size, string corpus, bool force, long memoryCap, TextWriter log)
    {
        var version = Version();
        if (version is null)
        {
            log.WriteLine($"  Hugo is not installed, so it is not run; to compare with it: {Install} (Debian 12 has Hugo 0.111.3)");
            return new HugoResult { Tool = "Hugo", DidNotFinish = $"not run: hugo is not installed (install it with `{Install}`; Debian 12 has Hugo 0.111.3)" };
        }

        if (size > LargestSize && !force)
        {
            return new HugoResult
            {
                Tool = version,
                DidNotFinish = $"skipped above {LargestSize:N0} documents: issue 7 measured Hugo 0.111 at 7.4 GB for 50,000 documents, so at this size it would pass the peer cap of {memoryCap / (1L << 30)} GB; run with --force-peers to try",
            };
        }

        var source = Paths.HugoSource(size);
        var watch = Stopwatch.StartNew();
        var (documents, bytes, reused) = HugoSite.Write(corpus, source);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Hugo site {(reused ? "reused" : "written")}: {documents:N0} documents, {bytes / 1048576.0:N1} MB in {Paths.Relative(source)} ({watch.Elapsed.TotalSeconds:N1} s)"));
        return new HugoResult { Tool = version, Documents = documents, MarkdownBytes = bytes };
    }

    /// <summary>
    /// Takes down what the last build wrote into <paramref name="output"/>: Hugo's page count, files, bytes and document pages.
    /// </summary>
    /// <returns>A problem to report when a document has no page, otherwise null.</returns>
    public static string? MeasureSite(HugoResult hugo, string output)
    {
        var last = hugo.Runs[^1];
        hugo.Pages = Pages(last.Stdout);
        if (!Directory.Exists(output))
        {
            return null;
        }

        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            hugo.SiteBytes += new FileInfo(file).Length;
            hugo.SiteFiles++;
        }

        var documents = Path.Combine(output, "documents");
        hugo.DocumentPages = Directory.Exists(documents) ? Directory.EnumerateFiles(documents, "index.html", SearchOption.AllDirectories).Count() : 0;
        return last.Succeeded && hugo.DocumentPages != hugo.Documents
            ? $"Hugo wrote {hugo.DocumentPages:N0} document pages for {hugo.Documents:N0} published documents"
            : null;
    }

    /// <summary>The version line of the hugo on PATH, e.g. "Hugo 0.111.3"; null when there is none.</summary>
    public static string? Version()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "hugo")));
        if (!onPath)
        {
            return null;
        }

        var run = ChildProcess.Run("hugo", ["version"], TimeSpan.FromMinutes(1), 1L << 30);
        return run.Succeeded && VersionLine().Match(run.Stdout) is { Success: true } m ? "Hugo " + m.Groups[1].Value : null;
    }

    /// <summary>One build of <paramref name="source"/> into <paramref name="output"/>, which is set aside first so that every build starts empty.</summary>
    public static ChildResult Build(string source, string output, TimeSpan limit, long memoryCap)
    {
        Paths.SetAside(output);

        // No --gc, no cache of resources to reuse (the layouts use none): every build does all of its work.
        ChildProcess.Settle();
        return ChildProcess.Run("hugo", ["--source", source, "--destination", output, "--noBuildLock"], limit, memoryCap, source);
    }

    /// <summary>The page count of Hugo's summary table ("Pages | 12345"), if printed.</summary>
    public static int? Pages(string stdout) =>
        PagesLine().Match(stdout) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"hugo v(\d+\.\d+\.\d+)")]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^\s*Pages\s*\|\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
