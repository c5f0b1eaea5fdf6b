using System.Globalization;
using System.Text;
using System.Text.Json;
using Gazette.Bench.Corpus;
using Gazette.Bench.Incremental;
using Gazette.Bench.Index;
using Gazette.Bench.Measure;
using Gazette.Bench.Peers;

namespace Gazette.Bench;

/// <summary>Figures of one query on one corpus.</summary>
public sealed class QueryRow
{
    public required Query Query { get; init; }

    public int ReaderCount { get; set; }

    public int? ReaderRank { get; set; }

    public long ReaderBytes { get; set; }

    public int? Expected { get; set; }

    public double? Recall { get; set; }

    public int? Missed { get; set; }

    public int? Extra { get; set; }

    public string? MissedExample { get; set; }

    public BrowserSample? Browser { get; set; }

    /// <summary>Time to results on the loaded search page, in a browser without automation (<see cref="Measure.PlainChromium"/>).</summary>
    public double? BrowserMs { get; set; }

    public double? BrowserNavigationMs { get; set; }

    /// <summary>For phrases: whether every result on the first page contains the phrase (by the corpus scan).</summary>
    public bool? FirstPageExact { get; set; }

    public int? BrowserRank { get; set; }

    public BrowserSample? Pagefind { get; set; }

    /// <summary>Pagefind's search to 10 results' data, without automation.</summary>
    public double? PagefindMs { get; set; }

    public int? PagefindRank { get; set; }

    public double? PagefindRecall { get; set; }

    public PeerQuery? Lunr { get; set; }
}

/// <summary>Everything measured on one corpus.</summary>
public sealed class CorpusReport
{
    public required int Size { get; init; }

    public int Published { get; set; }

    public long MarkdownBytes { get; set; }

    /// <summary>Every full build of this size, in the order run (--build-repeat); the last one's site is the one measured.</summary>
    public List<ChildResult> Builds { get; } = [];

    /// <summary>The last full build.</summary>
    public ChildResult? Build => Builds.Count == 0 ? null : Builds[^1];

    /// <summary>The median wall time of the full builds, when every one succeeded.</summary>
    public TimeSpan? BuildWall => Builds.Count > 0 && Builds.All(b => b.Succeeded) ? TimeSpan.FromSeconds(BenchRun.Median(Builds.Select(b => b.Wall.TotalSeconds))!.Value) : null;

    /// <summary>The median peak resident memory of the full builds, when every one succeeded.</summary>
    public long? BuildPeakRss => Builds.Count > 0 && Builds.All(b => b.Succeeded) ? (long)BenchRun.Median(Builds.Select(b => (double)b.PeakRssBytes))!.Value : null;

    /// <summary>Hugo on the same documents (issue 7's peer); null when not asked for.</summary>
    public HugoResult? Hugo { get; set; }

    public string? BuildFailure { get; set; }

    public long IndexBytes { get; set; }

    public int IndexFiles { get; set; }

    public SortedDictionary<string, (long Bytes, int Files)> ByFolder { get; } = new(StringComparer.Ordinal);

    public long LargestChunk { get; set; }

    public long LargestPosting { get; set; }

    public long SiteBytes { get; set; }

    public int SiteFiles { get; set; }

    public List<QueryRow> Rows { get; } = [];

    public PeerResult? Lunr { get; set; }

    public PeerResult? Pagefind { get; set; }

    public List<string> Problems { get; } = [];

    public string? BrowserSkipped { get; set; }

    /// <summary>The incremental builds (--incremental); null when not asked for or the CLI has no build cache.</summary>
    public IncrementalResult? Incremental { get; set; }

    /// <summary>Set when the full build failed and the search-only build was measured instead.</summary>
    public ChildResult? SearchOnlyBuild { get; set; }
}

/// <summary>The run command: for each size, generate if needed, build with Gazette, read the index, scan for recall, run the peers, measure in Chromium, report.</summary>
public sealed class BenchRun(Options options)
{
    private readonly TextWriter _log = Console.Out;

    /// <summary>The Gazette program every build runs: <see cref="GazetteRelease.Publish"/>.</summary>
    private string _cli = "";

    public static TimeSpan BuildLimit { get; } = TimeSpan.FromMinutes(double.Parse(Environment.GetEnvironmentVariable("BENCH_BUILD_MINUTES") ?? "15", CultureInfo.InvariantCulture));

    public static long BuildCap { get; } = (long)(double.Parse(Environment.GetEnvironmentVariable("BENCH_BUILD_CAP_GB") ?? "8", CultureInfo.InvariantCulture) * (1L << 30));

    /// <summary>
    /// A build by Gazette (<paramref name="command"/>: a program and its arguments, or a .dll that `dotnet` runs) as a child
    /// process, under the build's limits, with the workstation GC.
    /// </summary>
    public static ChildResult Build(IReadOnlyList<string> command)
    {
        ChildProcess.Settle();
        var (program, arguments) = Launch(command);
        return ChildProcess.Run(program, arguments, BuildLimit, BuildCap, Paths.RepositoryRoot, new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" });
    }

    /// <summary>The program to start for <paramref name="command"/>: `dotnet` for a .dll, else its first word.</summary>
    private static (string Program, IEnumerable<string> Arguments) Launch(IReadOnlyList<string> command) =>
        command[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", command) : (command[0], command.Skip(1));

    public static TimeSpan PeerLimit { get; } = TimeSpan.FromMinutes(double.Parse(Environment.GetEnvironmentVariable("BENCH_PEER_MINUTES") ?? "10", CultureInfo.InvariantCulture));

    public static long PeerCap { get; } = (long)(double.Parse(Environment.GetEnvironmentVariable("BENCH_PEER_CAP_GB") ?? "12", CultureInfo.InvariantCulture) * (1L << 30));

    public async Task<int> Run()
    {
        var queries = Query.Load(options.Queries);
        var vectors = SpecTokenizer.CheckVectors(Path.Combine(Paths.RepositoryRoot, "tests", "vectors", "tokenizer.json"));
        Snapshot = GitSnapshot();
        LoadAtStart = LoadAverage();
        _log.WriteLine($"Gazette benchmark, {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, {queries.Count} queries, sizes {string.Join(", ", options.Sizes)}, Gazette {Snapshot}");
        if (vectors.Count > 0)
        {
            _log.WriteLine($"warning: the benchmark's tokenizer (written from docs/search-index.md) disagrees with tests/vectors/tokenizer.json: {string.Join("; ", vectors.Take(5))}");
        }

        _cli = GazetteRelease.Publish(_log);
        var reports = new List<CorpusReport>();
        foreach (var size in options.Sizes)
        {
            var report = await RunSize(size, queries);
            reports.Add(report);
            var text = Report.Corpus(report, queries);
            _log.WriteLine();
            _log.WriteLine(text);
            Save(report, text);
        }

        var summary = Report.Summary(reports);
        _log.WriteLine(summary);
        File.WriteAllText(Path.Combine(Paths.Work, "results", $"summary-{DateTime.Now:yyyyMMdd-HHmm}.md"), summary);
        Paths.DeleteSetAside(); // the sites the builds replaced, now that nothing more is built
        return reports.Any(r => r.BuildFailure is not null) ? 1 : 0;
    }

    private void Save(CorpusReport report, string text)
    {
        var folder = Path.Combine(Paths.Work, "results");
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{DateTime.Now:yyyyMMdd-HHmm}-{report.Size}");
        File.WriteAllText(stem + ".md", text);
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(Report.Json(report), new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        }));
    }

    private async Task<CorpusReport> RunSize(int size, IReadOnlyList<Query> queries)
    {
        var report = new CorpusReport { Size = size };
        var corpus = Paths.Corpus(size);
        var site = Path.Combine(Paths.Work, $"site-{size}");
        _log.WriteLine();
        _log.WriteLine($"== {size:N0} documents ==");
        IncrementalBuilds.PutBackInterrupted(size, corpus, _log);
        if (!IsComplete(corpus, size))
        {
            Cli.Generate(size, corpus);
        }

        report.MarkdownBytes = Directory.EnumerateFiles(Path.Combine(corpus, "content"), "*.md", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        report.Published = MetaRecord.ReadAll(corpus).Count(m => m.IsPublic);

        // 1. Build with Gazette, as its own process, and with Hugo on the same documents: alternating, --build-repeat times.
        var cli = _cli;
        // Progress lines (and stage timings where the CLI has --verbose) are kept with the time and memory when each was printed.
        var verbose = CliHas(cli, "--verbose");
        // A build from scratch into a fresh folder, without the build cache (which would also be written into the corpus).
        var noCache = CliHas(cli, "--no-cache");
        string[] common = [cli, "build", "--root", corpus, "--theme", Path.Combine(Paths.RepositoryRoot, "theme"), .. verbose ? new[] { "--verbose" } : []];
        string[] buildArgs = [.. common, "--output", site, .. noCache ? new[] { "--no-cache" } : []];
        report.Hugo = options.Peers.Contains("hugo") ? HugoPeer.Prepare(size, corpus, options.ForcePeers, PeerCap, _log) : null;
        for (var round = 1; round <= options.BuildRepeat; round++)
        {
            Paths.SetAside(site); // not deleted: see SetAside

            var of = options.BuildRepeat > 1 ? $" {round}/{options.BuildRepeat}" : "";
            _log.WriteLine($"  building with Gazette{of} (limit {BuildLimit.TotalMinutes:N0} min, {BuildCap / (1L << 30)} GB)");
            var gazette = Build(buildArgs);
            report.Builds.Add(gazette);
            _log.WriteLine($"  build: {gazette.Wall.TotalSeconds:N1} s, peak {gazette.PeakRssBytes / 1048576.0:N0} MB, {(gazette.Succeeded ? "ok" : gazette.Failure)}");
            if (report.Hugo is { DidNotFinish: null } hugo)
            {
                _log.WriteLine($"  building with {hugo.Tool}{of} (limit {PeerLimit.TotalMinutes:N0} min, {PeerCap / (1L << 30)} GB)");
                var run = HugoPeer.Build(Paths.HugoSource(size), Paths.HugoSite(size), PeerLimit, PeerCap);
                hugo.Runs.Add(run);
                _log.WriteLine($"  hugo: {run.Wall.TotalSeconds:N1} s, peak {run.PeakRssBytes / 1048576.0:N0} MB, {(run.Succeeded ? "ok" : run.Failure)}");
                if (!run.Succeeded)
                {
                    hugo.DidNotFinish = $"the build did not finish: {run.Failure} (after {run.Wall.TotalSeconds:N0} s, peak {run.PeakRssBytes / 1048576.0:N0} MB)";
                }
            }

            if (!gazette.Succeeded)
            {
                break;
            }
        }

        if (report.Hugo is { Runs.Count: > 0 } h && HugoPeer.MeasureSite(h, Paths.HugoSite(size)) is { } problem)
        {
            report.Problems.Add(problem);
        }

        // 2. Incremental builds (--incremental): with a build cache, each after one document changed; compared with the build above.
        if (options.Incremental > 0 && !CliHas(cli, "--cache"))
        {
            _log.WriteLine("  this Gazette has no build cache (build --cache), so no incremental builds");
        }
        else if (options.Incremental > 0)
        {
            report.Incremental = IncrementalBuilds.Measure(size, corpus, common, options.Incremental, report.Build is { Succeeded: true } && noCache ? site : null, _log);
        }

        var build = report.Build!;
        if (!build.Succeeded)
        {
            report.BuildFailure = build.Failure;
            if (build.KilledBecause is null || options.BuildsOnly)
            {
                Clean(size, site, corpus);
                return report; // content errors or a crash: nothing to measure; or only the builds were asked for
            }

            // The full build does not fit: build the search page and the complete index with Gazette's own stages, so the
            // index can still be measured at this size.
            Paths.SetAside(site);

            _log.WriteLine("  the full build did not fit; building the search page and index only, with Gazette's stages (same limits)");
            var only = Build([Path.Combine(AppContext.BaseDirectory, "Gazette.Bench.dll"), "search-site", corpus, site, Path.Combine(Paths.RepositoryRoot, "theme")]);
            report.SearchOnlyBuild = only;
            _log.WriteLine($"  search-only build: {only.Wall.TotalSeconds:N1} s, peak {only.PeakRssBytes / 1048576.0:N0} MB, {(only.Succeeded ? "ok" : only.Failure)}");
            if (!only.Succeeded)
            {
                return report;
            }
        }

        var search = Path.Combine(site, "search");
        foreach (var file in Directory.EnumerateFiles(search, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(search, file).Replace('\\', '/');
            if (relative == "index.html")
            {
                continue; // the search page, not the index
            }

            var length = new FileInfo(file).Length;
            var folder = relative.Contains('/') ? relative[..relative.IndexOf('/')] : relative.Split('.')[0];
            var (b, n) = report.ByFolder.GetValueOrDefault(folder);
            report.ByFolder[folder] = (b + length, n + 1);
            report.IndexBytes += length;
            report.IndexFiles++;
            if (folder == "terms")
            {
                report.LargestChunk = Math.Max(report.LargestChunk, length);
            }
            else if (folder == "postings")
            {
                report.LargestPosting = Math.Max(report.LargestPosting, length);
            }
        }

        foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories))
        {
            report.SiteBytes += new FileInfo(file).Length;
            report.SiteFiles++;
        }

        _log.WriteLine($"  index: {report.IndexBytes / 1048576.0:N1} MB in {report.IndexFiles:N0} files; site {report.SiteBytes / 1048576.0:N0} MB in {report.SiteFiles:N0} files");
        if (options.BuildsOnly)
        {
            report.BrowserSkipped = "--builds-only";
            Clean(size, site, corpus);
            return report;
        }

        // 3. Read the index by the spec; scan the corpus for the truth.
        var reader = new IndexReader(search) { PageSize = 10 };
        var urls = Enumerable.Range(0, reader.Documents).Select(id => reader.Meta(id).Url).ToArray();
        var idByUrl = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < urls.Length; i++)
        {
            if (!idByUrl.TryAdd(urls[i], i))
            {
                report.Problems.Add($"two documents have the URL {urls[i]} in the metadata shards");
            }
        }

        _log.WriteLine("  scanning the corpus for the expected results");
        var truth = Truth.Compute(corpus, queries);
        report.Published = truth.Published.Count;
        if (truth.Published.Count != reader.Documents)
        {
            report.Problems.Add($"the index has {reader.Documents} documents, the corpus {truth.Published.Count} published ones");
        }

        var missingUrls = truth.Published.Count(d => !idByUrl.ContainsKey(d.Url));
        if (missingUrls > 0)
        {
            report.Problems.Add($"{missingUrls} published documents have no entry in the metadata shards");
        }

        var expectUrls = LunrPeer.ExpectedUrls(queries, truth);
        foreach (var q in queries)
        {
            var row = new QueryRow { Query = q };
            var r = reader.Search(q.Q, q.Filters);
            row.ReaderCount = r.Ids.Count;
            row.ReaderBytes = r.FirstPageBytes;
            if (expectUrls.TryGetValue(q.Id, out var expectUrl) && idByUrl.TryGetValue(expectUrl, out var expectId))
            {
                var rank = r.Ids.ToList().IndexOf(expectId);
                row.ReaderRank = rank < 0 ? null : rank + 1;
            }
            else if (q.Expect is not null)
            {
                report.Problems.Add($"query {q.Id}: no document in the corpus has the number {q.Expect}");
            }

            if (truth.UrlsByQuery.TryGetValue(q.Id, out var expected))
            {
                var found = r.Ids.Select(id => urls[id]).ToHashSet(StringComparer.Ordinal);
                row.Expected = expected.Count;
                row.Missed = expected.Count(u => !found.Contains(u));
                row.Extra = found.Count(u => !expected.Contains(u));
                row.Recall = expected.Count == 0 ? 1 : (expected.Count - row.Missed.Value) / (double)expected.Count;
                row.MissedExample = expected.FirstOrDefault(u => !found.Contains(u));
            }

            report.Rows.Add(row);
        }

        _log.WriteLine("  index read: " + string.Join(", ", report.Rows.Where(x => x.Recall is not null).Select(x => $"{x.Query.Id} {x.ReaderCount}/{x.Expected}")));

        // 4. The search peers (Hugo, a build peer, ran beside Gazette's build).
        var peersAllowed = size <= 10_000 || options.ForcePeers;
        if (options.Peers.Contains("lunr") || options.Peers.Contains("pagefind"))
        {
            var install = NodeTools.EnsureInstalled(_log);
            if (options.Peers.Contains("lunr"))
            {
                if (install is not null)
                {
                    report.Lunr = new PeerResult { Tool = "lunr.js", DidNotFinish = install };
                }
                else if (!peersAllowed)
                {
                    report.Lunr = new PeerResult { Tool = "lunr.js 2.3.9 (bigram tokenizer)", DidNotFinish = "skipped at this size: its serialized index grows about linearly (68 MB gzip at 10,000 documents in issue 4's measurement) and cannot be held as one JavaScript string; run with --force-peers to try" };
                }
                else
                {
                    _log.WriteLine($"  lunr.js (limit {PeerLimit.TotalMinutes:N0} min, {PeerCap / (1L << 30)} GB)");
                    report.Lunr = LunrPeer.Run(corpus, Path.Combine(Paths.Work, $"peers-{size}"), queries, truth, PeerLimit, PeerCap, _log);
                    _log.WriteLine("  lunr: " + (report.Lunr.DidNotFinish ?? $"built in {report.Lunr.BuildTime?.TotalSeconds:N1} s, index {report.Lunr.IndexGzipBytes / 1048576.0:N1} MB gzip"));
                    foreach (var pq in report.Lunr.Queries)
                    {
                        report.Rows.First(x => x.Query.Id == pq.Id).Lunr = pq;
                    }
                }
            }

            if (options.Peers.Contains("pagefind"))
            {
                if (install is not null)
                {
                    report.Pagefind = new PeerResult { Tool = "Pagefind", DidNotFinish = install };
                }
                else if (report.SearchOnlyBuild is not null)
                {
                    report.Pagefind = new PeerResult { Tool = "Pagefind 1.6.0 (extended)", DidNotFinish = "not run: Gazette's full build did not finish, so there are no document pages to index" };
                }
                else if (!peersAllowed)
                {
                    report.Pagefind = new PeerResult { Tool = "Pagefind 1.6.0 (extended)", DidNotFinish = "skipped at this size: issue 4 measured it running out of memory (20 GB) indexing 50,000 Chinese pages; run with --force-peers to try" };
                }
                else
                {
                    _log.WriteLine($"  Pagefind (limit {PeerLimit.TotalMinutes:N0} min, {PeerCap / (1L << 30)} GB)");
                    report.Pagefind = PagefindPeer.Index(site, PeerLimit, PeerCap, _log);
                    _log.WriteLine("  pagefind: " + (report.Pagefind.DidNotFinish ?? $"indexed in {report.Pagefind.BuildTime?.TotalSeconds:N1} s, peak {report.Pagefind.PeakRss / 1048576.0:N0} MB, {report.Pagefind.IndexBytes / 1048576.0:N1} MB"));
                }
            }
        }

        // 5. The browser.
        if (options.SkipBrowser)
        {
            report.BrowserSkipped = "--skip-browser";
        }
        else
        {
            await MeasureBrowser(report, site, queries, expectUrls, truth);
        }

        Clean(size, site, corpus);
        return report;
    }

    /// <summary>With --clean: deletes the size's corpus, built sites and peers' files once it is measured.</summary>
    private void Clean(int size, string site, string corpus)
    {
        if (!options.Clean)
        {
            return;
        }

        foreach (var folder in new[] { site, corpus, Path.Combine(Paths.Work, $"peers-{size}"), Paths.HugoSource(size), Paths.HugoSite(size), Paths.IncrementalSite(size), Paths.IncrementalCache(size) })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private async Task MeasureBrowser(CorpusReport report, string site, IReadOnlyList<Query> queries, Dictionary<string, string> expectUrls, Truth.Expected truth)
    {
        var client = Path.Combine(Paths.RepositoryRoot, "theme", "assets", "search.js");
        if (!File.Exists(client) || !File.ReadAllText(client).Contains("data-state", StringComparison.Ordinal) && !File.ReadAllText(client).Contains("dataset.state", StringComparison.Ordinal))
        {
            report.BrowserSkipped = "theme/assets/search.js does not mark the search finished (data-state) yet";
            return;
        }

        _log.WriteLine($"  Chromium: {queries.Count} queries x {options.Repeat}, each in a new browser context");
        Browser browser;
        try
        {
            browser = await Browser.Start();
        }
        catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or InvalidOperationException)
        {
            report.BrowserSkipped = "Chromium did not start: " + e.Message.Split('\n')[0];
            return;
        }

        await using (browser)
        {
            var headersFile = Path.Combine(site, "_headers");
            var headers = StaticServer.NetlifyHeaders(File.Exists(headersFile) ? File.ReadAllText(headersFile) : "");
            using (var server = new StaticServer(site, headers))
            {
                PlainChromium.Serve(server);
                await browser.GazetteSearch(server.BaseUrl, queries[0]); // warm-up: browser process, server, JIT
                await PlainChromium.Time(server, "search/", queries[0].UrlQuery(), PlainLimit);
                foreach (var row in report.Rows)
                {
                    var samples = new List<BrowserSample>();
                    var times = new List<double>();
                    for (var i = 0; i < options.Repeat; i++)
                    {
                        samples.Add(await browser.GazetteSearch(server.BaseUrl, row.Query));
                        var (ms, error) = await PlainChromium.Time(server, "search/", row.Query.UrlQuery(), PlainLimit);
                        if (error is null)
                        {
                            times.Add(ms);
                        }
                        else
                        {
                            report.Problems.Add($"query {row.Query.Id}: the search page without automation: {error}");
                        }
                    }

                    row.Browser = samples[0];
                    row.BrowserMs = Median(times);
                    row.BrowserNavigationMs = Median(samples.Where(s => s.Error is null && s.NavigationMs is not null).Select(s => s.NavigationMs!.Value));
                    if (row.Query.Kind == "phrase" && truth.UrlsByQuery.TryGetValue(row.Query.Id, out var exact))
                    {
                        row.FirstPageExact = samples[0].FirstPageUrls.All(exact.Contains);
                    }
                    if (expectUrls.TryGetValue(row.Query.Id, out var url))
                    {
                        var i = samples[0].FirstPageUrls.ToList().IndexOf(url);
                        row.BrowserRank = i < 0 ? null : i + 1;
                    }

                    if (samples.Select(s => s.SearchBytes).Distinct().Count() > 1)
                    {
                        report.Problems.Add($"query {row.Query.Id}: first-search bytes differ between repetitions ({string.Join(", ", samples.Select(s => s.SearchBytes))})");
                    }

                    _log.WriteLine($"    {row.Query.Id}: {row.Browser.SearchBytes / 1024.0:N1} KB, {row.BrowserMs:N0} ms on the loaded page ({row.BrowserNavigationMs:N0} from navigation), {row.Browser.Count?.ToString(CultureInfo.InvariantCulture) ?? "?"} results{(row.Browser.Error is null ? "" : " — " + row.Browser.Error)}");
                }
            }

            if (report.Pagefind is { DidNotFinish: null } pagefind)
            {
                using var server = new StaticServer(site);
                server.Extra["/__bench/blank.html"] = ("text/html; charset=utf-8", Encoding.UTF8.GetBytes("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>bench</title></html>"));
                PlainChromium.Serve(server);
                _log.WriteLine("  Chromium: Pagefind");
                var textQueries = report.Rows.Where(r => !r.Query.IsFilterOnly && r.Query.Filters.Count == 0).ToList();
                await browser.PagefindSearch(server.BaseUrl, textQueries[0].Query, null, 0);
                await PlainChromium.Time(server, "__bench/pagefind.html", textQueries[0].Query.Q, PlainLimit);
                foreach (var row in textQueries)
                {
                    var samples = new List<BrowserSample>();
                    var times = new List<double>();
                    for (var i = 0; i < options.Repeat; i++)
                    {
                        var (sample, rank, all) = await browser.PagefindSearch(server.BaseUrl, row.Query, expectUrls.GetValueOrDefault(row.Query.Id), i == 0 ? 1500 : 0);
                        samples.Add(sample);
                        var (ms, error) = await PlainChromium.Time(server, "__bench/pagefind.html", row.Query.Q, PlainLimit);
                        if (error is null)
                        {
                            times.Add(ms);
                        }
                        else
                        {
                            report.Problems.Add($"query {row.Query.Id}: Pagefind without automation: {error}");
                        }

                        if (i == 0)
                        {
                            row.PagefindRank = rank;
                            if (all is not null && truth.UrlsByQuery.TryGetValue(row.Query.Id, out var expected))
                            {
                                row.PagefindRecall = expected.Count == 0 ? 1 : expected.Count(all.Contains) / (double)expected.Count;
                            }
                        }
                    }

                    row.Pagefind = samples[0];
                    row.PagefindMs = Median(times);
                    _log.WriteLine($"    {row.Query.Id}: {row.Pagefind.SearchBytes / 1024.0:N1} KB, {row.PagefindMs:N0} ms, {row.Pagefind.Count?.ToString(CultureInfo.InvariantCulture) ?? "?"} results{(row.Pagefind.Error is null ? "" : " — " + row.Pagefind.Error)}");
                }
            }
        }
    }

    /// <summary>The machine's load average over the last minute when the run started (see <see cref="LoadAverage"/>).</summary>
    public static string LoadAtStart { get; private set; } = "";

    /// <summary>The load average over the last minute (/proc/loadavg), to tell a quiet machine from a busy one; "?" when unknown.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>Which Gazette was measured: the commit, and whether src/ or theme/ had changes not yet committed.</summary>
    public static string Snapshot { get; private set; } = "";

    private static string GitSnapshot()
    {
        var head = ChildProcess.Run("git", ["rev-parse", "--short", "HEAD"], TimeSpan.FromSeconds(30), 1L << 30, Paths.RepositoryRoot);
        var dirty = ChildProcess.Run("git", ["status", "--porcelain", "--", "src", "theme"], TimeSpan.FromSeconds(30), 1L << 30, Paths.RepositoryRoot);
        return !head.Succeeded ? "(not a git checkout)"
            : head.Stdout.Trim() + (dirty.Stdout.Trim().Length > 0 ? $" + uncommitted changes in src/ or theme/ ({dirty.Stdout.Trim().Split('\n').Length} files)" : "");
    }

    private static bool CliHas(string cli, string option)
    {
        var (program, arguments) = Launch([cli, "build", "--help"]);
        var help = ChildProcess.Run(program, arguments, TimeSpan.FromMinutes(1), 2L << 30);
        return help.Stdout.Contains(option, StringComparison.Ordinal);
    }

    /// <summary>How long a measurement without automation may take (Chromium's start, the page, one search).</summary>
    private static readonly TimeSpan PlainLimit = TimeSpan.FromSeconds(60);

    /// <summary>The median of the values (the mean of the middle two for an even count); null when there are none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToList();
        return v.Count == 0 ? null : v.Count % 2 == 1 ? v[v.Count / 2] : (v[(v.Count / 2) - 1] + v[v.Count / 2]) / 2;
    }

    private static bool IsComplete(string corpus, int size)
    {
        var meta = Path.Combine(corpus, CorpusWriter.MetaFile);
        return File.Exists(meta) && Directory.Exists(Path.Combine(corpus, "content", "documents")) && File.ReadLines(meta).Count() == size;
    }
}
