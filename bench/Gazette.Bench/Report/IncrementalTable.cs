using System.Globalization;
using System.Text;
using Gazette.Bench.Incremental;

namespace Gazette.Bench;

/// <summary>
/// The incremental-build figures of issue 7: per size the first build with a cache, each round after one document changed
/// (time, memory, files written by the build's count and by the output folder's), what was rewritten, whether the output
/// is the clean build's, and the target (at most 3 s at 50,000 documents) marked PASS or FAIL.
/// </summary>
public static class IncrementalTable
{
    /// <summary>Issue 7: after one document changes in a site of 50,000, an incremental build takes at most 3 s.</summary>
    public const double TargetSeconds = 3;

    /// <summary>The size the target is for.</summary>
    public const int TargetSize = 50_000;

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The incremental builds of one size, round by round, for the size's own report; empty when there were none.</summary>
    public static string Corpus(CorpusReport r)
    {
        if (r.Incremental is not { } inc)
        {
            return "";
        }

        var s = new StringBuilder();
        s.AppendLine(C, $"**Incremental builds** (`--incremental`, {inc.Rounds.Count} round(s)): `{inc.Document}`, a published document, got one sentence more per round (第K次修改：本条自公布之日起施行。), then as many rounds of （修订） added at the end of its title (rounds \"title K\"), and was put back after; each build a `gazette build --cache` process with the full build's limits.");
        s.AppendLine();
        s.AppendLine(C, $"First build with a cache (empty cache, empty folder): **{Seconds(inc.FirstBuild.Wall, "N1")} s**, peak RSS {Mb(inc.FirstBuild.PeakRssBytes)} MB, {inc.FirstBuildFiles:N0} files{(inc.FirstBuild.Succeeded ? "" : " — FAILED: " + inc.FirstBuild.Failure)}.");
        s.AppendLine();
        if (inc.Rounds.Count > 0)
        {
            s.AppendLine("| round | s | peak MB | written (build's count) | unchanged (build's count) | added | rewritten | removed | rewritten with the same bytes | added with a removed file's bytes | written = added + rewritten | documents not made again | pages rendered |");
            s.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|");
            foreach (var round in inc.Rounds.Concat(inc.TitleRounds).Concat(new[] { inc.Restored }.OfType<IncrementalRound>()))
            {
                var (b, sum, ch) = (round.Build, round.Summary, round.Changes);
                s.AppendLine(C, $"| {round.Name} | {(b.Succeeded ? Seconds(b.Wall, "N2") : "failed")} | {Mb(b.PeakRssBytes)} | {Count(sum?.Written)} | {Count(sum?.Unchanged)} | "
                    + $"{Count(ch?.Added.Count)} | {Count(ch?.Rewritten.Count)} | {Count(ch?.Removed.Count)} | {Count(ch?.RewrittenSameBytes.Count)} | {Count(ch?.AddedWithRemovedBytes.Count)} | {Check(round.WrittenAsSaid)} | {Count(sum?.NotMadeAgain)} | {Count(sum?.Rendered)} |");
            }

            s.AppendLine();
        }

        if (inc.Median is { } median)
        {
            s.AppendLine(C, $"Rounds: median **{Seconds(median, "N2")} s**, max {Seconds(inc.Rounds.Max(x => x.Build.Wall), "N2")} s (the restored build not counted).");
        }

        if (inc.TitleMedian is { } titleMedian)
        {
            s.AppendLine(C, $"Title rounds: median **{Seconds(titleMedian, "N2")} s**, max {Seconds(inc.TitleRounds.Max(x => x.Build.Wall), "N2")} s.");
        }

        if (inc.Rounds.LastOrDefault(x => x.Changes is not null) is { Changes: { } last } lastRound)
        {
            s.AppendLine($"Rewritten in round {lastRound.Name}: {Folders(last.Rewritten)}."
                + (last.Added.Count > 0 ? $" Added: {Folders(last.Added)}." : "") + (last.Removed.Count > 0 ? $" Removed: {Folders(last.Removed)}." : "")
                + (last.AddedWithRemovedBytes.Count > 0 ? $" Added with the bytes of a removed file (the same content under a new name): {Folders(last.AddedWithRemovedBytes)}." : ""));
        }

        s.AppendLine(C, $"Identical to a clean build: {Identical(inc, r.Size)}.");

        if (inc.Rounds.LastOrDefault() is { Build.Lines.Count: > 0 } output)
        {
            s.AppendLine();
            s.AppendLine(C, $"Output of round {output.Name}, with the time and resident memory when each line was printed:");
            s.AppendLine();
            s.AppendLine("```");
            foreach (var (at, rss, text) in output.Build.Lines.Take(40))
            {
                s.AppendLine(C, $"{at.TotalSeconds,7:N2} s {rss / 1048576.0,8:N0} MB  {text.Trim()}");
            }

            s.AppendLine("```");
        }

        if (inc.Problems.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("Problems found in the incremental builds:");
            foreach (var p in inc.Problems)
            {
                s.AppendLine("- " + p);
            }
        }

        s.AppendLine();
        return s.ToString();
    }

    /// <summary>The incremental builds over every size of the run, and issue 7's targets for them; empty when none were made.</summary>
    public static string Table(IReadOnlyList<CorpusReport> reports)
    {
        var measured = reports.Where(r => r.Incremental is not null).OrderBy(r => r.Size).ToList();
        if (measured.Count == 0)
        {
            return "";
        }

        var s = new StringBuilder();
        s.AppendLine();
        s.AppendLine("### Incremental builds (issue 7): one published document changed per round, built with the build cache");
        s.AppendLine();
        s.AppendLine("| documents | first build with a cache s | rounds s | median s | max s | title changed s (rounds; median) | peak MB (highest) | written (median) | unchanged (median) | documents not made again | pages rendered | written by folder, last round (added + rewritten) | written = added + rewritten | identical to a clean build |");
        s.AppendLine("|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|---|");
        foreach (var r in measured)
        {
            var inc = r.Incremental!;
            var rounds = inc.Rounds.Where(x => x.Build.Succeeded).ToList();
            var summaries = rounds.Where(x => x.Summary is not null).Select(x => x.Summary!).ToList();
            var checks = inc.Rounds.Select(x => x.WrittenAsSaid).Where(x => x is not null).ToList();
            var folders = inc.Rounds.LastOrDefault(x => x.Changes is not null)?.Changes is { } last ? Folders(last.Added.Concat(last.Rewritten)) : "–";
            s.AppendLine(C, $"| {r.Size:N0} | {(inc.FirstBuild.Succeeded ? Seconds(inc.FirstBuild.Wall, "N1") : "failed")} | {(inc.Rounds.Count == 0 ? "–" : string.Join(", ", inc.Rounds.Select(x => x.Build.Succeeded ? Seconds(x.Build.Wall, "N2") : "failed")))} | "
                + $"{(inc.Median is { } m ? Seconds(m, "N2") : "–")} | {(rounds.Count > 0 ? Seconds(rounds.Max(x => x.Build.Wall), "N2") : "–")} | {Retitled(inc)} | {(rounds.Count > 0 ? Mb(rounds.Max(x => x.Build.PeakRssBytes)) : "–")} | "
                + $"{Median(summaries.Select(x => x.Written))} | {Median(summaries.Select(x => x.Unchanged))} | {Median(summaries.Select(x => x.NotMadeAgain))} | {Median(summaries.Select(x => x.Rendered))} | {folders} | "
                + $"{(checks.Count == 0 ? "–" : checks.All(x => x == true) ? "ok" : "**mismatch**")} | {(inc.Differences is { } d ? d == 0 ? "yes" : $"**no** ({d:N0} files differ)" : "not compared")} |");
        }

        s.AppendLine();
        s.AppendLine("| target | measured | |");
        s.AppendLine("|---|---|---|");
        var target = measured.FirstOrDefault(r => r.Size == TargetSize)?.Incremental;
        var figure = target is null ? "not in this run"
            : target.Median is { } t ? $"median {Seconds(t, "N2")} s of {target.Rounds.Count} (max {Seconds(target.Rounds.Max(x => x.Build.Wall), "N2")} s)"
            : target.NotMeasured ?? "failed";
        s.AppendLine(C, $"| {TargetSize:N0} documents: incremental build after one document's body changed ≤ {TargetSeconds:N0} s | {figure} | {(target is null ? "not run" : target.Median is { } t2 ? t2.TotalSeconds <= TargetSeconds ? "PASS" : "**FAIL**" : "n/a")} |");
        var titleFigure = target is null ? "not in this run"
            : target.TitleMedian is { } tt ? $"median {Seconds(tt, "N2")} s of {target.TitleRounds.Count} (max {Seconds(target.TitleRounds.Max(x => x.Build.Wall), "N2")} s)"
            : target.TitleRounds.Count == 0 ? "not measured" : "failed";
        s.AppendLine(C, $"| {TargetSize:N0} documents: incremental build after one document's title changed ≤ {TargetSeconds:N0} s | {titleFigure} | {(target is null ? "not run" : target.TitleMedian is { } t3 ? t3.TotalSeconds <= TargetSeconds ? "PASS" : "**FAIL**" : target.TitleRounds.Count == 0 ? "n/a" : "**FAIL**")} |");
        foreach (var row in new[]
        {
            BuildScale.AtIssueSpeed(reports, TargetSize, $"{TargetSize:N0} documents: incremental build after one document's body changed (median)", TargetSeconds, target?.Median),
            BuildScale.AtIssueSpeed(reports, TargetSize, $"{TargetSize:N0} documents: incremental build after one document's title changed (median)", TargetSeconds, target?.TitleMedian),
        }.OfType<string>())
        {
            s.AppendLine(row);
        }

        var compared = measured.Where(r => r.Incremental!.Differences is not null).ToList();
        s.AppendLine(C, $"| an incremental build's output is byte-identical to a clean build's | {(compared.Count == 0 ? "not compared" : string.Join("; ", compared.Select(r => $"{r.Size:N0}: {(r.Incremental!.Differences == 0 ? "yes" : $"{r.Incremental.Differences} files differ")}")))} | "
            + $"{(compared.Count == 0 ? "n/a" : compared.All(r => r.Incremental!.Differences == 0) ? "PASS" : "**FAIL**")} |");
        return s.ToString();
    }

    /// <summary>The wall time of each build after the title changed and their median, or why there are none.</summary>
    private static string Retitled(IncrementalResult inc) =>
        inc.TitleRounds.Count == 0 ? "–"
            : string.Join(", ", inc.TitleRounds.Select(x => x.Build.Succeeded ? Seconds(x.Build.Wall, "N2") : "failed"))
              + (inc.TitleMedian is { } m ? $"; {Seconds(m, "N2")}" : "");

    public static object? Json(IncrementalResult? inc) => inc is null ? null : new
    {
        inc.Document,
        FirstBuild = new { WallSeconds = inc.FirstBuild.Wall.TotalSeconds, inc.FirstBuild.PeakRssBytes, inc.FirstBuild.ExitCode, inc.FirstBuild.KilledBecause, Files = inc.FirstBuildFiles },
        Rounds = inc.Rounds.Select(Json),
        TitleRounds = inc.TitleRounds.Select(Json),
        TitleMedianSeconds = inc.TitleMedian?.TotalSeconds,
        Restored = inc.Restored is null ? null : Json(inc.Restored),
        MedianSeconds = inc.Median?.TotalSeconds,
        inc.NotMeasured,
        inc.Compared,
        inc.Differences,
        inc.FirstDifferences,
        inc.Problems,
    };

    private static object Json(IncrementalRound x) => new
    {
        x.Name,
        WallSeconds = x.Build.Wall.TotalSeconds,
        x.Build.PeakRssBytes,
        x.Build.ExitCode,
        x.Build.KilledBecause,
        x.Summary,
        x.WrittenAsSaid,
        Added = x.Changes?.Added,
        Removed = x.Changes?.Removed,
        Rewritten = x.Changes?.Rewritten,
        RewrittenSameBytes = x.Changes?.RewrittenSameBytes,
        AddedWithRemovedBytes = x.Changes?.AddedWithRemovedBytes,
    };

    private static string Identical(IncrementalResult inc, int size) => inc.Differences switch
    {
        null => "not compared" + (inc.NotMeasured is { } why ? $" ({why})" : ""),
        0 => $"**yes** ({inc.Compared:N0} files, the same bytes as site-{size})",
        _ => $"**no**: {inc.Differences:N0} of {inc.Compared:N0} files differ — {string.Join("; ", inc.FirstDifferences).Replace("|", "\\|", StringComparison.Ordinal)}",
    };

    private static string Folders(IEnumerable<string> paths)
    {
        var counts = OutputChanges.ByFolder(paths);
        return counts.Count == 0 ? "none" : string.Join(", ", counts.Select(f => $"{f.Key} {f.Value:N0}"));
    }

    private static string Median(IEnumerable<int> values) => BenchRun.Median(values.Select(v => (double)v)) is { } m ? m.ToString("N0", C) : "–";

    private static string Count(int? n) => n?.ToString("N0", C) ?? "–";

    private static string Check(bool? ok) => ok is null ? "–" : ok.Value ? "ok" : "**mismatch**";

    private static string Seconds(TimeSpan t, string format) => t.TotalSeconds.ToString(format, C);

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("N0", C);
}
