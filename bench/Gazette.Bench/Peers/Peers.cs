using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Gazette.Bench.Corpus;
using Gazette.Bench.Measure;

namespace Gazette.Bench.Peers;

/// <summary>Per-query figures of a peer tool.</summary>
public sealed record PeerQuery(string Id, int? Count, double? Ms, int? Rank, long? Bytes, double? Recall, string? Note);

/// <summary>What one peer tool did on one corpus; <see cref="DidNotFinish"/> says why it has no figures.</summary>
public sealed class PeerResult
{
    public required string Tool { get; init; }

    public string? DidNotFinish { get; set; }

    public TimeSpan? BuildTime { get; set; }

    public long? PeakRss { get; set; }

    public long? IndexBytes { get; set; }

    public long? IndexGzipBytes { get; set; }

    public int? IndexFiles { get; set; }

    /// <summary>Bytes of a first search that do not depend on the query (lunr: index + script, gzip).</summary>
    public long? FirstSearchBytes { get; set; }

    public double? LoadMs { get; set; }

    public List<PeerQuery> Queries { get; } = [];

    public List<string> Notes { get; } = [];
}

/// <summary>Installs the peers' npm packages (bench/peers, npm ci) when node_modules is missing.</summary>
public static class NodeTools
{
    public static string? EnsureInstalled(TextWriter log)
    {
        var modules = Path.Combine(Paths.Peers, "node_modules");
        if (Directory.Exists(Path.Combine(modules, "lunr")) && File.Exists(PagefindBinary))
        {
            return null;
        }

        log.WriteLine("  installing the peers' npm packages (npm ci in bench/peers)");
        var r = ChildProcess.Run("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5), 4L << 30, Paths.Peers);
        return r.Succeeded ? null : "npm ci failed: " + r.Failure;
    }

    public static string PagefindBinary
    {
        get
        {
            var bin = Path.Combine(Paths.Peers, "node_modules", "@pagefind", "linux-x64", "bin");
            var extended = Path.Combine(bin, "pagefind_extended");
            return File.Exists(extended) ? extended : Path.Combine(bin, "pagefind");
        }
    }
}

/// <summary>lunr.js 2.3.9 with a Chinese bigram tokenizer (bench/peers/lunr-bench.js), run in Node on the same searchable texts.</summary>
public static class LunrPeer
{
    public static PeerResult Run(string corpusRoot, string work, IReadOnlyList<Query> queries, Truth.Expected truth, TimeSpan limit, long memoryCap, TextWriter log)
    {
        var result = new PeerResult { Tool = "lunr.js 2.3.9 (bigram tokenizer)" };
        Directory.CreateDirectory(work);
        var input = Path.Combine(work, "lunr-input.jsonl");
        var organNames = Vocabulary.Organs.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        using (var w = new StreamWriter(input, false, new UTF8Encoding(false)))
        {
            foreach (var doc in truth.Published)
            {
                var text = Truth.SearchableText(corpusRoot, doc, organNames);
                w.WriteLine(JsonSerializer.Serialize(new { @ref = doc.Url, title = doc.Title + "\n" + doc.Number, text }, CorpusWriter.Json));
            }
        }

        var expectedUrl = ExpectedUrls(queries, truth);
        var qfile = Path.Combine(work, "lunr-queries.json");
        File.WriteAllText(qfile, JsonSerializer.Serialize(queries.Where(q => !q.IsFilterOnly && q.Filters.Count == 0).Select(q => new
        {
            id = q.Id,
            q = q.Q,
            expect = expectedUrl.GetValueOrDefault(q.Id),
            wantAll = q.ChecksRecall && q.Filters.Count == 0,
        }), CorpusWriter.Json));
        var output = Path.Combine(work, "lunr-result.json");
        File.Delete(output);
        var heapMb = Math.Max(1024, (memoryCap / 1048576) - 512);
        var run = ChildProcess.Run("node", [$"--max-old-space-size={heapMb}", Path.Combine(Paths.Peers, "lunr-bench.js"), input, qfile, output],
            limit, memoryCap, Paths.Peers);
        result.PeakRss = run.PeakRssBytes;
        JsonElement? json = null;
        if (File.Exists(output))
        {
            try
            {
                json = JsonDocument.Parse(File.ReadAllBytes(output)).RootElement.Clone();
            }
            catch (JsonException)
            {
            }
        }

        if (json is { } j && j.TryGetProperty("buildMs", out var b))
        {
            result.BuildTime = TimeSpan.FromMilliseconds(b.GetDouble());
        }

        if (!run.Succeeded || json is null || json.Value.GetProperty("phase").GetString() != "done")
        {
            var phase = json?.GetProperty("phase").GetString() ?? "starting";
            var error = json is { } e && e.TryGetProperty("error", out var err) ? err.GetString() : null;
            result.DidNotFinish = $"did not finish while {phase}: {error ?? run.Failure} (after {run.Wall.TotalSeconds:N0} s, peak {run.PeakRssBytes / 1048576.0:N0} MB)";
            File.Delete(input);
            return result;
        }

        var r = json.Value;
        result.IndexBytes = r.GetProperty("indexBytes").GetInt64();
        result.IndexGzipBytes = r.GetProperty("indexGzipBytes").GetInt64();
        result.IndexFiles = 1;
        result.FirstSearchBytes = result.IndexGzipBytes + r.GetProperty("scriptGzipBytes").GetInt64();
        result.LoadMs = r.GetProperty("loadMs").GetDouble();
        result.Notes.Add($"first search = whole index {result.IndexGzipBytes / 1024.0:N0} KB gzip + lunr.min.js {r.GetProperty("scriptGzipBytes").GetInt64() / 1024.0:N1} KB gzip; "
            + $"ms = query time in Node after parsing and loading the index (load {result.LoadMs:N0} ms not included)");
        foreach (var q in r.GetProperty("queries").EnumerateArray())
        {
            var id = q.GetProperty("id").GetString()!;
            double? recall = null;
            if (q.TryGetProperty("refs", out var refs) && truth.UrlsByQuery.TryGetValue(id, out var expected))
            {
                var found = refs.EnumerateArray().Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal);
                recall = expected.Count == 0 ? 1 : expected.Count(found.Contains) / (double)expected.Count;
            }

            result.Queries.Add(new PeerQuery(id, q.GetProperty("count").GetInt32(), q.GetProperty("ms").GetDouble(),
                q.TryGetProperty("rank", out var rank) && rank.ValueKind == JsonValueKind.Number ? rank.GetInt32() : null,
                result.FirstSearchBytes, recall, null));
        }

        File.Delete(input);
        return result;
    }

    public static Dictionary<string, string> ExpectedUrls(IReadOnlyList<Query> queries, Truth.Expected truth)
    {
        var byNumber = truth.Published.Where(d => d.Number is not null).GroupBy(d => d.Number!).ToDictionary(g => g.Key, g => g.First().Url, StringComparer.Ordinal);
        return queries.Where(q => q.Expect is not null && byNumber.ContainsKey(q.Expect))
            .ToDictionary(q => q.Id, q => byNumber[q.Expect!], StringComparer.Ordinal);
    }
}

/// <summary>Pagefind 1.6 (the extended binary shipped in the npm package, with Chinese segmentation) run on the HTML Gazette built.</summary>
public static class PagefindPeer
{
    public static PeerResult Index(string site, TimeSpan limit, long memoryCap, TextWriter log)
    {
        var result = new PeerResult { Tool = "Pagefind 1.6.0 (extended)" };
        var output = Path.Combine(site, "pagefind");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        // Only the document pages: listings, facets and gazette tables of contents would index the same titles many times.
        var run = ChildProcess.Run(NodeTools.PagefindBinary, ["--site", site, "--glob", "documents/**/*.html", "--root-selector", "main", "--quiet"],
            limit, memoryCap, site);
        result.BuildTime = run.Wall;
        result.PeakRss = run.PeakRssBytes;
        if (!run.Succeeded)
        {
            result.DidNotFinish = $"indexing did not finish: {run.Failure} (after {run.Wall.TotalSeconds:N0} s, peak {run.PeakRssBytes / 1048576.0:N0} MB)";
            return result;
        }

        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToList();
        result.IndexFiles = files.Count;
        result.IndexBytes = files.Sum(f => new FileInfo(f).Length);
        result.Notes.Add("indexed documents/**/*.html with --root-selector main; bytes = every response after a blank page, until the first 10 results' data are loaded (pagefind.js, wasm, entry, filters, index chunks, fragments), gzip by the server for text types");
        return result;
    }
}
