using System.Globalization;
using Gazette.Bench.Corpus;
using Gazette.Bench.Measure;

namespace Gazette.Bench.Incremental;

/// <summary>
/// Issue 7's incremental build: a first build of the corpus with a build cache, then rounds that each append a sentence to
/// one published document and build again, then as many that each change its title, each as its own process under the full
/// build's limits. A snapshot of the output folder before and after each round tells the files written from those left alone. The document's bytes are put back
/// (always), the site built once more, and that output compared byte for byte with the clean build's.
/// </summary>
public static class IncrementalBuilds
{
    /// <summary>How many differences from the clean build are named.</summary>
    private const int DifferencesNamed = 10;

    /// <param name="common">the build's arguments but the output folder and the cache: the CLI, build, --root, --theme, --verbose.</param>
    /// <param name="clean">the clean build's output of the same corpus, to compare with; null when that build did not succeed.</param>
    public static IncrementalResult Measure(int size, string corpus, IReadOnlyList<string> common, int rounds, string? clean, TextWriter log)
    {
        var document = Changed(corpus);
        var site = Paths.IncrementalSite(size);
        var cache = Paths.IncrementalCache(size);
        Paths.SetAside(site); // not deleted: see SetAside
        Paths.SetAside(cache);
        string[] args = [.. common, "--output", site, "--cache", cache];

        log.WriteLine($"  incremental: first build with a cache into {Paths.Relative(site)} (limit {BenchRun.BuildLimit.TotalMinutes:N0} min, {BenchRun.BuildCap / (1L << 30)} GB)");
        var result = new IncrementalResult { Document = document.Path, FirstBuild = BenchRun.Build(args) };
        log.WriteLine($"  first build with a cache: {result.FirstBuild.Wall.TotalSeconds:N1} s, peak {result.FirstBuild.PeakRssBytes / 1048576.0:N0} MB, {(result.FirstBuild.Succeeded ? "ok" : result.FirstBuild.Failure)}");
        if (!result.FirstBuild.Succeeded)
        {
            result.NotMeasured = "the first build with a cache failed: " + result.FirstBuild.Failure;
            return result;
        }

        result.FirstBuildFiles = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Count();
        var file = Path.Combine(corpus, document.Path);
        var original = File.ReadAllBytes(file);
        var originalTime = File.GetLastWriteTimeUtc(file);
        var backup = Path.Combine(Paths.IncrementalOriginal(size), document.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        File.WriteAllBytes(backup, original); // put back by the next run if this one is stopped before its finally
        File.SetLastWriteTimeUtc(backup, originalTime);
        log.WriteLine($"  changing {document.Path} ({document.Title}), {rounds} round(s)");
        var snapshot = OutputSnapshot.Take(site);
        try
        {
            for (var k = 1; k <= rounds && snapshot is not null; k++)
            {
                File.AppendAllText(file, $"\n第{k}次修改：本条自公布之日起施行。\n");
                (var round, snapshot) = Round(k.ToString(CultureInfo.InvariantCulture), args, site, snapshot, result, log);
                result.Rounds.Add(round);
            }

            for (var k = 1; k <= rounds && snapshot is not null; k++)
            {
                File.WriteAllText(file, Retitle(File.ReadAllText(file)));
                (var round, snapshot) = Round($"title {k}", args, site, snapshot, result, log);
                result.TitleRounds.Add(round);
            }
        }
        finally
        {
            File.WriteAllBytes(file, original);
            File.SetLastWriteTimeUtc(file, originalTime);
            Directory.Delete(Paths.IncrementalOriginal(size), recursive: true);
        }

        if (snapshot is null)
        {
            result.NotMeasured = "a round's build failed: " + result.Rounds.Concat(result.TitleRounds).Last().Build.Failure;
            return result;
        }

        result.Restored = Round("restored", args, site, snapshot, result, log).Round;
        if (!result.Restored.Build.Succeeded)
        {
            result.NotMeasured = "the build after the document was restored failed: " + result.Restored.Build.Failure;
        }
        else if (clean is null)
        {
            result.NotMeasured = "not compared with a clean build: the full build of this size did not succeed";
        }
        else
        {
            Compare(site, clean, result);
            log.WriteLine($"  identical to the clean build ({Paths.Relative(clean)}): {(result.Differences == 0 ? "yes" : $"no, {result.Differences} of {result.Compared} files differ: {string.Join("; ", result.FirstDifferences)}")}");
        }

        return result;
    }

    /// <summary>The document's text with （修订） at the end of its title (inside the quotes of a quoted one).</summary>
    private static string Retitle(string text)
    {
        var lines = text.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("title:", StringComparison.Ordinal));
        var line = lines[at].TrimEnd('\r');
        lines[at] = line.EndsWith('"') ? line[..^1] + "（修订）\"" : line + "（修订）";
        return string.Join('\n', lines);
    }

    /// <summary>The document the rounds change: the published one in the middle of the corpus's bench-meta.jsonl, so its page changes.</summary>
    private static MetaRecord Changed(string corpus)
    {
        var published = MetaRecord.ReadAll(corpus).Where(m => m.IsPublic).ToList();
        return published[published.Count / 2];
    }

    /// <summary>
    /// Builds, and compares the output folder before and after: what was written, and whether the CLI says so. Returns the
    /// round and the output folder after it (null when the build failed).
    /// </summary>
    private static (IncrementalRound Round, OutputSnapshot? After) Round(string name, string[] args, string site, OutputSnapshot before, IncrementalResult result, TextWriter log)
    {
        var build = BenchRun.Build(args);
        if (!build.Succeeded)
        {
            log.WriteLine($"  round {name}: {build.Wall.TotalSeconds:N2} s, {build.Failure}");
            return (new IncrementalRound(name, build, null, null), null);
        }

        var summary = BuildSummary.Parse(build.Stdout);
        var after = OutputSnapshot.Take(site, before);
        var changes = before.ChangesTo(after);
        var round = new IncrementalRound(name, build, summary, changes);
        if (summary is null)
        {
            result.Problems.Add($"round {name}: the build's last line (\"built … files (N written, M unchanged) …\") was not found in its output");
        }
        else if (round.WrittenAsSaid == false)
        {
            result.Problems.Add($"round {name}: the build says it wrote {summary.Written} files, the output folder shows {changes.Written} (added {changes.Added.Count}, rewritten {changes.Rewritten.Count})");
        }

        if (changes.RewrittenSameBytes.Count > 0)
        {
            result.Problems.Add($"round {name}: {changes.RewrittenSameBytes.Count} files rewritten with the bytes they had, e.g. {string.Join(", ", changes.RewrittenSameBytes.Take(5))}");
        }

        log.WriteLine($"  round {name}: {build.Wall.TotalSeconds:N2} s, peak {build.PeakRssBytes / 1048576.0:N0} MB; "
            + $"{summary?.Written.ToString(CultureInfo.InvariantCulture) ?? "?"} written by the build's count, {changes.Added.Count} added, {changes.Rewritten.Count} rewritten, {changes.Removed.Count} removed by the folder's; "
            + $"{summary?.Rendered.ToString(CultureInfo.InvariantCulture) ?? "?"} pages rendered");
        return (round, after);
    }

    /// <summary>Compares the incremental build's output with the clean build's: the same files, with the same bytes.</summary>
    private static void Compare(string site, string clean, IncrementalResult result)
    {
        var mine = Files(site);
        var theirs = Files(clean);
        var all = mine.Union(theirs).Order(StringComparer.Ordinal).ToList();
        var differences = new List<string>();
        foreach (var path in all)
        {
            string? difference = !theirs.Contains(path) ? "only in the incremental build's output"
                : !mine.Contains(path) ? "only in the clean build's output"
                : Difference(Path.Combine(site, path), Path.Combine(clean, path));
            if (difference is not null)
            {
                differences.Add($"{path}: {difference}");
            }
        }

        result.Compared = all.Count;
        result.Differences = differences.Count;
        result.FirstDifferences.AddRange(differences.Take(DifferencesNamed));
    }

    private static HashSet<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => OutputSnapshot.Relative(folder, f)).ToHashSet(StringComparer.Ordinal);

    /// <summary>How two files differ (length, or the first byte that differs); null when their bytes are the same.</summary>
    private static string? Difference(string mine, string theirs)
    {
        var a = File.ReadAllBytes(mine);
        var b = File.ReadAllBytes(theirs);
        var at = a.AsSpan().CommonPrefixLength(b);
        return at == a.Length && a.Length == b.Length ? null
            : a.Length != b.Length ? $"{a.Length:N0} bytes against {b.Length:N0}, first difference at byte {at:N0}"
            : $"same length, first difference at byte {at:N0}";
    }

    /// <summary>
    /// Puts back a document a run stopped in the middle of its rounds (killed before its finally ran) left changed: the
    /// original bytes wait in <see cref="Paths.IncrementalOriginal"/> while the rounds run. Called before a size's corpus is
    /// used at all, since every measurement of it expects the generated bytes.
    /// </summary>
    public static void PutBackInterrupted(int size, string corpus, TextWriter log)
    {
        var folder = Paths.IncrementalOriginal(size);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var saved in Directory.Exists(corpus) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : [])
        {
            var relative = OutputSnapshot.Relative(folder, saved);
            File.WriteAllBytes(Path.Combine(corpus, relative), File.ReadAllBytes(saved));
            File.SetLastWriteTimeUtc(Path.Combine(corpus, relative), File.GetLastWriteTimeUtc(saved));
            log.WriteLine($"  put back {relative}, left changed by an incremental run that was stopped");
        }

        Directory.Delete(folder, recursive: true);
    }
}
