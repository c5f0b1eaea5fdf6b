using System.Globalization;
using System.Text;

namespace Gazette.Bench;

/// <summary>The tables the benchmark prints (Markdown, so they paste into README and issue notes as they are).</summary>
public static class Report
{
    public const long TargetBytes = 250 * 1024;
    public const double TargetMs = 300;
    public const long TargetMemory = 1L << 30;

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The 95th percentile by the nearest-rank method: the smallest value at least 95% of the values do not exceed.</summary>
    public static double? P95(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count == 0 ? null : v[(int)Math.Ceiling(0.95 * v.Count) - 1];
    }

    private static string Kb(double? bytes) => bytes is { } b ? (b / 1024).ToString("N1", C) : "–";

    private static string Mb(double? bytes) => bytes is { } b ? (b / 1048576).ToString("N1", C) : "–";

    private static string Ms(double? ms) => ms is { } m ? m.ToString("N0", C) : "–";

    private static string Pct(double? r) => r is { } x ? (x * 100).ToString(x is < 1 and > 0.999 ? "N2" : "N0", C) + "%" : "–";

    private static string Rank(int? rank, bool hasExpect) => !hasExpect ? "" : rank is { } r ? r.ToString(C) : "not found";

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    public static string Corpus(CorpusReport r, IReadOnlyList<Query> queries)
    {
        var s = new StringBuilder();
        s.AppendLine(C, $"### {r.Size:N0} documents ({r.Published:N0} published) — {DateTime.Now:yyyy-MM-dd}");
        s.AppendLine();
        s.AppendLine(C, $"Gazette {BenchRun.Snapshot}. Corpus: {Mb(r.MarkdownBytes)} MB of Markdown.");
        if (r.Build is { } b)
        {
            var last = r.Builds.Count > 1 ? $"; the last of {r.Builds.Count} builds, whose site is measured" : "";
            s.AppendLine(C, $"Gazette build (whole `gazette build` process: read, render, index, write{last}): **{b.Wall.TotalSeconds:N1} s**, peak RSS **{Mb(b.PeakRssBytes)} MB**{(r.BuildFailure is null ? "" : " — FAILED: " + r.BuildFailure)}.");
        }

        if (r.Build is { Lines.Count: > 0 } built)
        {
            s.AppendLine();
            s.AppendLine("Build output, with the time and resident memory when each line was printed:");
            s.AppendLine();
            s.AppendLine("```");
            foreach (var (at, rss, text) in built.Lines.Take(40))
            {
                s.AppendLine(C, $"{at.TotalSeconds,7:N1} s {rss / 1048576.0,8:N0} MB  {text.Trim()}");
            }

            if (r.BuildFailure is not null)
            {
                s.AppendLine(C, $"{built.Wall.TotalSeconds,7:N1} s {built.PeakRssBytes / 1048576.0,8:N0} MB  (stopped by the benchmark)");
            }

            s.AppendLine("```");
            s.AppendLine();
        }

        s.Append(BuildScale.Corpus(r));
        s.Append(IncrementalTable.Corpus(r));
        if (r.BuildFailure is not null && r.SearchOnlyBuild is not { } only)
        {
            return s.ToString();
        }

        if (r.SearchOnlyBuild is { } o)
        {
            s.AppendLine($"The full build failed, so the figures below come from a **search-only build**: Gazette's own stages (read, parse, check, render Markdown, archive, BuildSearchIndex, write) rendering only the search page — {o.Wall.TotalSeconds:N1} s, peak RSS **{Mb(o.PeakRssBytes)} MB**{(o.Succeeded ? "" : " — FAILED: " + o.Failure)}. Its output:");
            s.AppendLine();
            s.AppendLine("```");
            foreach (var (at, rss, text) in o.Lines.Take(40))
            {
                s.AppendLine(C, $"{at.TotalSeconds,7:N1} s {rss / 1048576.0,8:N0} MB  {text.Trim()}");
            }

            s.AppendLine("```");
            s.AppendLine();
            if (!o.Succeeded)
            {
                return s.ToString();
            }
        }

        s.AppendLine($"Site: {Mb(r.SiteBytes)} MB in {r.SiteFiles:N0} files. Index `public/search/` (without the search page): **{Mb(r.IndexBytes)} MB** in {r.IndexFiles:N0} files — "
            + string.Join(", ", r.ByFolder.OrderByDescending(f => f.Value.Bytes).Select(f => $"{f.Key} {Mb(f.Value.Bytes)} MB ({f.Value.Files:N0})"))
            + $"; largest term chunk {Kb(r.LargestChunk)} KB, largest external posting {Kb(r.LargestPosting)} KB.");
        s.AppendLine();
        if (r.BrowserSkipped == "--builds-only")
        {
            s.AppendLine("Only the builds were measured (--builds-only): no index reading, corpus scan, search peers or browser.");
            return s.ToString();
        }

        if (r.BrowserSkipped is not null)
        {
            s.AppendLine("Browser measurement skipped: " + r.BrowserSkipped);
            s.AppendLine();
        }

        s.AppendLine("| query | kind | results | expected (scan) | recall | doc-number rank | first search KB | page KB | ms (loaded page) | ms from navigation | index KB (reader) |");
        s.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var row in r.Rows)
        {
            var q = row.Query;
            var results = row.Browser?.Count is not { } bc ? row.ReaderCount.ToString("N0", C) + " (index)"
                : row.Browser.Approximate ? $"≈{bc:N0} (index {row.ReaderCount:N0})"
                : bc != row.ReaderCount ? $"{bc:N0} (index {row.ReaderCount:N0})"
                : bc.ToString("N0", C);
            if (row.Browser?.Error is { } err)
            {
                results = $"error: {err}; index {row.ReaderCount:N0}";
            }

            var rank = q.Expect is null ? "" : $"{Rank(row.BrowserRank ?? (row.Browser is null ? row.ReaderRank : null), true)}" + (row.ReaderRank != row.BrowserRank && row.Browser is not null ? $" (index {Rank(row.ReaderRank, true)})" : "");
            var recall = row.Recall is null ? "" : Pct(row.Recall) + (row.Missed > 0 ? $" ({row.Missed} missed)" : "") + (q.Kind == "phrase" && row.Extra > 0 ? $" ({row.Extra} extra)" : "");
            s.AppendLine(C, $"| {Cell(q.Label)} | {q.Kind} | {results} | {row.Expected?.ToString("N0", C) ?? ""} | {recall} | {rank} | {Kb(row.Browser?.SearchBytes)} | {Kb(row.Browser?.PageBytes)} | {Ms(row.BrowserMs)} | {Ms(row.BrowserNavigationMs)} | {Kb(row.ReaderBytes)} |");
        }

        s.AppendLine();
        var measured = r.Rows.Where(x => x.Browser is { Error: null }).ToList();
        var p95Bytes = P95(measured.Select(x => (double)x.Browser!.SearchBytes));
        var p95Ms = P95(measured.Where(x => x.BrowserMs is not null).Select(x => x.BrowserMs!.Value));
        var p95Reader = P95(r.Rows.Select(x => (double)x.ReaderBytes));
        var p95Navigation = P95(measured.Where(x => x.BrowserNavigationMs is not null).Select(x => x.BrowserNavigationMs!.Value));
        s.AppendLine($"p95 over {measured.Count} queries: first search **{Kb(p95Bytes)} KB**, time to results **{Ms(p95Ms)} ms** (a search on the loaded search page, index files not yet fetched; {Ms(p95Navigation)} ms from navigation to /search/?q=…, page, scripts and fonts included); index bytes by the reader (no scripts) p95 {Kb(p95Reader)} KB. "
            + $"Largest: {(measured.Count > 0 ? measured.MaxBy(x => x.Browser!.SearchBytes)!.Query.Label + " " + Kb(measured.Max(x => x.Browser!.SearchBytes)) + " KB" : "–")}.");
        if (measured.FirstOrDefault() is { } any)
        {
            var byKind = measured.SelectMany(x => x.Browser!.BytesByKind).GroupBy(k => k.Key).Select(g => $"{g.Key} {Kb(g.Average(x => (double)x.Value))}");
            s.AppendLine(C, $"Mean bytes per query by kind: {string.Join(", ", byKind)} KB.");
        }

        s.AppendLine();
        s.Append(Peers(r, measured));
        s.Append(Targets(r, p95Bytes, p95Ms));
        if (r.Problems.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("Problems found:");
            foreach (var p in r.Problems)
            {
                s.AppendLine("- " + p);
            }
        }

        return s.ToString();
    }

    private static string Peers(CorpusReport r, List<QueryRow> measured)
    {
        var s = new StringBuilder();
        if (r.Lunr is null && r.Pagefind is null)
        {
            return "";
        }

        s.AppendLine("Peers on the same corpus:");
        s.AppendLine();
        if (r.Lunr is { } l)
        {
            s.AppendLine(l.DidNotFinish is not null
                ? $"- **{l.Tool}**: {l.DidNotFinish}"
                : string.Create(C, $"- **{l.Tool}**: index built in {l.BuildTime?.TotalSeconds:N1} s (peak RSS {Mb(l.PeakRss)} MB), {Mb(l.IndexBytes)} MB raw, **{Mb(l.IndexGzipBytes)} MB gzip**; a first search downloads **{Kb(l.FirstSearchBytes)} KB**. {string.Join(" ", l.Notes)}"));
        }

        if (r.Pagefind is { } p)
        {
            s.AppendLine(p.DidNotFinish is not null
                ? $"- **{p.Tool}**: {p.DidNotFinish}"
                : string.Create(C, $"- **{p.Tool}**: indexed in {p.BuildTime?.TotalSeconds:N1} s (peak RSS {Mb(p.PeakRss)} MB), **{Mb(p.IndexBytes)} MB** in {p.IndexFiles:N0} files. {string.Join(" ", p.Notes)}"));
        }

        s.AppendLine();
        var rows = r.Rows.Where(x => x.Lunr is not null || x.Pagefind is not null).ToList();
        if (rows.Count > 0)
        {
            s.AppendLine("| query | lunr results | lunr rank | lunr recall | lunr ms (Node) | Pagefind results | Pagefind rank | Pagefind recall | Pagefind KB | Pagefind ms |");
            s.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            foreach (var x in rows)
            {
                var hasExpect = x.Query.Expect is not null;
                s.AppendLine(string.Create(C, $"| {Cell(x.Query.Label)} | {x.Lunr?.Count?.ToString("N0", C) ?? "–"} | {(x.Lunr is null ? "" : Rank(x.Lunr.Rank, hasExpect))} | {Pct(x.Lunr?.Recall)} | {(x.Lunr?.Ms is { } lm ? lm.ToString("N1", C) : "–")} | "
                    + $"{(x.Pagefind?.Error is { } e ? "error: " + e : x.Pagefind?.Count?.ToString("N0", C) ?? "–")} | {(x.Pagefind is null ? "" : Rank(x.PagefindRank, hasExpect))} | {Pct(x.PagefindRecall)} | {Kb(x.Pagefind?.SearchBytes)} | {Ms(x.PagefindMs)} |"));
            }

            s.AppendLine();
        }

        // Ratios on the queries both could run (text queries without filters).
        var common = measured.Where(x => x.Query.Filters.Count == 0 && !x.Query.IsFilterOnly).ToList();
        var gBytes = P95(common.Select(x => (double)x.Browser!.SearchBytes));
        var gMs = P95(common.Where(x => x.BrowserMs is not null).Select(x => x.BrowserMs!.Value));
        if (r.Lunr is { DidNotFinish: null, FirstSearchBytes: { } lb } && gBytes is { } gb)
        {
            s.AppendLine(C, $"Gazette / lunr: first search p95 {Kb(gb)} KB / {Kb(lb)} KB = **{gb / lb:N3}** (lunr needs {lb / gb:N0}× more); index size {Mb(r.IndexBytes)} / {Mb(r.Lunr.IndexGzipBytes)} MB = {r.IndexBytes / (double)r.Lunr.IndexGzipBytes!:N2}.");
        }

        var pf = common.Where(x => x.Pagefind is { Error: null }).ToList();
        if (pf.Count > 0 && gBytes is { } g2)
        {
            var pBytes = P95(pf.Select(x => (double)x.Pagefind!.SearchBytes))!.Value;
            var pMs = P95(pf.Where(x => x.PagefindMs is not null).Select(x => x.PagefindMs!.Value));
            s.AppendLine(C, $"Gazette / Pagefind on {pf.Count} text queries: first search p95 {Kb(g2)} KB / {Kb(pBytes)} KB = **{g2 / pBytes:N2}**; "
                + $"time p95 {Ms(gMs)} ms (search on the loaded page to results) / {Ms(pMs)} ms (Pagefind: pagefind.js imported and initialised, search to 10 results' data) = "
                + $"**{(gMs / pMs)?.ToString("N2", C) ?? "–"}**; index size {Mb(r.IndexBytes)} / {Mb(r.Pagefind!.IndexBytes)} MB = {r.IndexBytes / (double)r.Pagefind.IndexBytes!:N2}.");
        }

        s.AppendLine();
        return s.ToString();
    }

    private static string Targets(CorpusReport r, double? p95Bytes, double? p95Ms)
    {
        var s = new StringBuilder();
        var binding = r.Size >= 100_000 ? "the targets of issue 4 (binding at 100,000 documents)" : "the targets of issue 4 (binding at 100,000 documents; shown here for information)";
        s.AppendLine($"Targets — {binding}:");
        s.AppendLine();
        s.AppendLine("| target | measured | |");
        s.AppendLine("|---|---|---|");
        s.AppendLine(C, $"| first-search transfer p95 ≤ 250 KB | {Kb(p95Bytes)} KB | {Verdict(p95Bytes <= TargetBytes, p95Bytes is null)} |");
        s.AppendLine(C, $"| time to results p95 ≤ 300 ms (search on the loaded page) | {Ms(p95Ms)} ms | {Verdict(p95Ms <= TargetMs, p95Ms is null)} |");
        s.AppendLine(C, $"| build peak memory ≤ 1 GB | {Mb(r.Build?.PeakRssBytes)} MB (whole build) | {Verdict(r.Build?.PeakRssBytes <= TargetMemory, r.Build is null)} |");
        var numbers = r.Rows.Where(x => x.Query.IsNumber && x.Query.Exact).ToList();
        var first = numbers.Where(x => x.ReaderRank == 1 && (x.Browser is null || x.BrowserRank == 1)).ToList();
        var wrong = numbers.Except(first).Select(x => $"{x.Query.Label}: {Rank(x.BrowserRank ?? x.ReaderRank, true)}").ToList();
        s.AppendLine(C, $"| exact document numbers ranked first | {first.Count}/{numbers.Count}{(wrong.Count > 0 ? " — " + Cell(string.Join("; ", wrong)) : "")} | {Verdict(first.Count == numbers.Count, numbers.Count == 0)} |");
        var recall = r.Rows.Where(x => x.Query.IsUnquotedChinese && x.Recall is not null).ToList();
        var missed = recall.Where(x => x.Missed > 0).Select(x => $"{x.Query.Label}: {x.Missed} missed, e.g. {x.MissedExample}").ToList();
        var browserShort = recall.Where(x => x.Browser?.Count is { } c && x.Expected is { } e && c < e).Select(x => $"{x.Query.Label}: page says {x.Browser!.Count}, scan {x.Expected}").ToList();
        s.AppendLine(C, $"| recall 100% on unquoted Chinese queries | min {Pct(recall.Count == 0 ? null : recall.Min(x => x.Recall))} over {recall.Count} queries{(missed.Count + browserShort.Count > 0 ? " — " + Cell(string.Join("; ", missed.Concat(browserShort))) : "")} | {Verdict(missed.Count == 0 && browserShort.Count == 0, recall.Count == 0)} |");
        var phrases = r.Rows.Where(x => x.Query.Kind == "phrase" && x.Recall is not null).ToList();
        if (phrases.Count > 0)
        {
            var exact = phrases.All(x => x.Missed == 0 && x.Extra == 0 && x.FirstPageExact != false && (x.Browser?.Count is null || x.Browser.Approximate || x.Browser.Count == x.Expected));
            s.AppendLine(C, $"| quoted phrases: exactly the documents with the phrase (page 1 checked, count may be \"about\") | {string.Join("; ", phrases.Select(x => $"{Cell(x.Query.Label)}: {x.ReaderCount} by index = {x.Expected} by scan, page says {(x.Browser?.Approximate == true ? "≈" : "")}{x.Browser?.Count?.ToString(C) ?? "–"}, page 1 {(x.FirstPageExact is null ? "–" : x.FirstPageExact.Value ? "exact" : "NOT exact")}"))} | {Verdict(exact, false)} |");
        }

        var filters = r.Rows.Where(x => x.Query.IsFilterOnly).ToList();
        if (filters.Count > 0)
        {
            var ok = filters.All(x => x.Missed == 0 && x.Extra == 0 && (x.Browser?.Count is null || x.Browser.Count == x.Expected));
            s.AppendLine(C, $"| filter-only queries: exactly the documents passing | {string.Join("; ", filters.Select(x => $"{Cell(x.Query.Label)} {x.Browser?.Count?.ToString(C) ?? "–"}/{x.Expected}"))} | {Verdict(ok, false)} |");
        }

        return s.ToString();
    }

    private static string Verdict(bool? pass, bool unknown) => unknown || pass is null ? "n/a" : pass.Value ? "PASS" : "**FAIL**";

    public static string Summary(IReadOnlyList<CorpusReport> reports)
    {
        var s = new StringBuilder();
        s.AppendLine();
        s.AppendLine(C, $"## Summary — {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, load average {BenchRun.LoadAtStart} at the start and {BenchRun.LoadAverage()} at the end, Gazette {BenchRun.Snapshot}");
        s.AppendLine();
        if (reports.All(r => r.BrowserSkipped == "--builds-only" || r.BuildFailure is not null && r.SearchOnlyBuild is null))
        {
            return s.Append(BuildScale.Table(reports)).Append(IncrementalTable.Table(reports)).ToString();
        }

        s.AppendLine("| documents | build s | build peak MB | index MB | index files | first search p95 KB | time p95 ms (loaded page) | exact numbers first | min recall (unquoted Chinese) | lunr first search KB | lunr index MB gzip | Pagefind index MB | Pagefind first search p95 KB | Pagefind p95 ms |");
        s.AppendLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in reports)
        {
            var measured = r.Rows.Where(x => x.Browser is { Error: null }).ToList();
            var numbers = r.Rows.Where(x => x.Query.IsNumber && x.Query.Exact).ToList();
            var first = numbers.Count(x => x.ReaderRank == 1 && (x.Browser is null || x.BrowserRank == 1));
            var recall = r.Rows.Where(x => x.Query.IsUnquotedChinese && x.Recall is not null).Select(x => x.Recall!.Value).DefaultIfEmpty(double.NaN).Min();
            var pf = r.Rows.Where(x => x.Pagefind is { Error: null }).ToList();
            s.AppendLine(string.Create(C, $"| {r.Size:N0} | {r.Build?.Wall.TotalSeconds.ToString("N1", C) ?? "–"}{(r.BuildFailure is null ? "" : " (failed)")} | {Mb(r.Build?.PeakRssBytes)} | {(r.BuildFailure is null ? Mb(r.IndexBytes) : "–")} | {(r.BuildFailure is null ? r.IndexFiles.ToString("N0", C) : "–")} | "
                + $"{Kb(P95(measured.Select(x => (double)x.Browser!.SearchBytes)))} | {Ms(P95(measured.Where(x => x.BrowserMs is not null).Select(x => x.BrowserMs!.Value)))} | {first}/{numbers.Count} | {(double.IsNaN(recall) ? "–" : Pct(recall))} | "
                + $"{(r.Lunr is { DidNotFinish: null } ? Kb(r.Lunr.FirstSearchBytes) : r.Lunr is null ? "–" : "did not finish")} | {(r.Lunr is { DidNotFinish: null } ? Mb(r.Lunr.IndexGzipBytes) : "–")} | "
                + $"{(r.Pagefind is { DidNotFinish: null } ? Mb(r.Pagefind.IndexBytes) : r.Pagefind is null ? "–" : "did not finish")} | {Kb(P95(pf.Select(x => (double)x.Pagefind!.SearchBytes)))} | {Ms(P95(pf.Where(x => x.PagefindMs is not null).Select(x => x.PagefindMs!.Value)))} |"));
        }

        s.AppendLine();
        return s.Append(BuildScale.Table(reports)).Append(IncrementalTable.Table(reports)).ToString();
    }

    public static object Json(CorpusReport r) => new
    {
        r.Size,
        r.Published,
        r.MarkdownBytes,
        Build = r.Build is null ? null : new { WallSeconds = r.Build.Wall.TotalSeconds, r.Build.PeakRssBytes, r.Build.ExitCode, r.Build.KilledBecause },
        Builds = r.Builds.Select(b => new { WallSeconds = b.Wall.TotalSeconds, b.PeakRssBytes, b.ExitCode, b.KilledBecause }),
        BuildMedianSeconds = r.BuildWall?.TotalSeconds,
        BuildMedianPeakRssBytes = r.BuildPeakRss,
        Hugo = r.Hugo is null ? null : new
        {
            r.Hugo.Tool,
            r.Hugo.DidNotFinish,
            r.Hugo.Documents,
            r.Hugo.MarkdownBytes,
            Runs = r.Hugo.Runs.Select(b => new { WallSeconds = b.Wall.TotalSeconds, b.PeakRssBytes, b.ExitCode, b.KilledBecause }),
            MedianSeconds = r.Hugo.Wall?.TotalSeconds,
            MedianPeakRssBytes = r.Hugo.PeakRss,
            r.Hugo.Pages,
            r.Hugo.DocumentPages,
            r.Hugo.SiteBytes,
            r.Hugo.SiteFiles,
            TimeRatio = BuildScale.TimeRatio(r),
            MemoryRatio = BuildScale.MemoryRatio(r),
        },
        Incremental = IncrementalTable.Json(r.Incremental),
        r.BuildFailure,
        r.IndexBytes,
        r.IndexFiles,
        ByFolder = r.ByFolder.ToDictionary(f => f.Key, f => new { f.Value.Bytes, f.Value.Files }),
        r.LargestChunk,
        r.LargestPosting,
        r.SiteBytes,
        r.SiteFiles,
        r.BrowserSkipped,
        r.Problems,
        Queries = r.Rows.Select(x => new
        {
            x.Query.Id,
            x.Query.Q,
            x.Query.Kind,
            x.Query.Filters,
            x.ReaderCount,
            x.ReaderRank,
            x.ReaderBytes,
            x.Expected,
            x.Recall,
            x.Missed,
            x.Extra,
            x.MissedExample,
            Browser = x.Browser is null ? null : new { x.Browser.SearchBytes, x.Browser.PageBytes, x.Browser.RawSearchBytes, x.Browser.Requests, x.Browser.Count, x.Browser.Error, x.Browser.BytesByKind, x.Browser.Approximate, x.BrowserMs, x.BrowserNavigationMs, x.BrowserRank, x.FirstPageExact, x.Browser.FirstPageUrls },
            Pagefind = x.Pagefind is null ? null : new { x.Pagefind.SearchBytes, x.Pagefind.Count, x.Pagefind.Error, x.PagefindMs, x.PagefindRank, x.PagefindRecall },
            x.Lunr,
        }),
        Lunr = r.Lunr is null ? null : new { r.Lunr.Tool, r.Lunr.DidNotFinish, BuildSeconds = r.Lunr.BuildTime?.TotalSeconds, r.Lunr.PeakRss, r.Lunr.IndexBytes, r.Lunr.IndexGzipBytes, r.Lunr.FirstSearchBytes, r.Lunr.LoadMs },
        Pagefind = r.Pagefind is null ? null : new { r.Pagefind.Tool, r.Pagefind.DidNotFinish, BuildSeconds = r.Pagefind.BuildTime?.TotalSeconds, r.Pagefind.PeakRss, r.Pagefind.IndexBytes, r.Pagefind.IndexFiles },
    };
}
