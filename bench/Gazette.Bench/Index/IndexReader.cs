using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Gazette.Bench.Index;

/// <summary>The metadata of one search result as a metadata shard stores it.</summary>
/// <param name="Summary">the summary whole, when the snippet is not all of it.</param>
public sealed record ResultMeta(string Url, string Title, string? Number, string Organs, string Date, string Validity, string Snippet, string? Summary);

/// <summary>What the reader found for a query.</summary>
public sealed record ReaderResult(
    IReadOnlyList<int> Ids,
    int NumberMatches,
    int Candidates,
    long FirstPageBytes,
    int FirstPageFiles,
    IReadOnlyList<string> FirstPageFilesRead);

/// <summary>
/// A reader of Gazette's search index written from docs/search-index.md alone (not from Gazette's C# reader), so that the
/// benchmark checks the files against the documented format: every result of a query, in the documented order, and the index
/// bytes a first search needs (manifest, directory pages, term chunks, external postings, facets, metadata shards of the first
/// page, and for phrases the pages of the candidates checked, as a server compressing them would send them).
/// </summary>
public sealed class IndexReader
{
    private readonly string _folder;
    private readonly JsonElement _manifest;
    private readonly Dictionary<string, byte[]> _raw = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _inflated = new(StringComparer.Ordinal);
    private HashSet<string>? _session;
    private readonly List<string> _sessionOrder = [];

    public IndexReader(string searchFolder)
    {
        _folder = searchFolder;
        _manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(searchFolder, "manifest.json"))).RootElement.Clone();
        Documents = _manifest.GetProperty("documents").GetInt32();
        PageSize = 20;
    }

    public int Documents { get; }

    /// <summary>Results per page: the site's page_size (20 in the benchmark corpora).</summary>
    public int PageSize { get; init; }

    public static readonly string[] FacetNames = ["organ", "topic", "genre", "year", "validity", "issue"];

    /// <summary>Evaluates a query as docs/search-index.md ("Queries") describes.</summary>
    public ReaderResult Search(string query, IReadOnlyDictionary<string, string>? filters = null)
    {
        _session = new HashSet<string>(StringComparer.Ordinal);
        _sessionOrder.Clear();
        Touch("manifest.json");
        var clauses = Clauses(query);
        var numberMatches = new HashSet<int>();
        if (clauses.Count > 0 && SpecTokenizer.LooksLikeNumber(query) && SpecTokenizer.NumberKey(query) is { Length: > 0 } key)
        {
            numberMatches.UnionWith(Postings("#" + key).All);
        }

        HashSet<int>? matches = null;
        var titleHits = new Dictionary<int, int>();
        var allTerms = clauses.SelectMany(c => c.Terms).Distinct().ToList();
        foreach (var term in allTerms)
        {
            var (all, title) = Postings(term);
            if (matches is null)
            {
                matches = [.. all];
            }
            else
            {
                matches.IntersectWith(all);
            }

            foreach (var id in title)
            {
                titleHits[id] = titleHits.GetValueOrDefault(id) + 1;
            }
        }

        HashSet<int> result;
        if (clauses.Count == 0)
        {
            result = [.. Enumerable.Range(0, Documents)];
        }
        else
        {
            result = matches ?? [];
            result.UnionWith(numberMatches);
        }

        foreach (var (name, value) in filters ?? new Dictionary<string, string>())
        {
            result.IntersectWith(Facet(name, value));
        }

        var ordered = result
            .OrderByDescending(numberMatches.Contains)
            .ThenByDescending(id => titleHits.GetValueOrDefault(id))
            .ThenBy(id => id)
            .ToList();
        var candidates = ordered.Count;

        // Phrases: the client checks each candidate's searchable text in result order until the page is full; here every
        // candidate is checked (for the full result set), and the bytes count only the texts the first page needed.
        var phrases = clauses.Where(c => c.Phrase).Select(c => SpecTokenizer.Normalize(c.Text)).ToList();
        var firstPage = new List<int>();
        if (phrases.Count > 0)
        {
            var exact = new List<int>();
            foreach (var id in ordered)
            {
                var counted = firstPage.Count < PageSize;
                var text = SpecTokenizer.Normalize(Text(id, counted));
                if (numberMatches.Contains(id) || phrases.All(p => text.Contains(p, StringComparison.Ordinal)))
                {
                    exact.Add(id);
                    if (firstPage.Count < PageSize)
                    {
                        firstPage.Add(id);
                    }
                }
            }

            ordered = exact;
        }
        else
        {
            firstPage = ordered.Take(PageSize).ToList();
        }

        foreach (var id in firstPage)
        {
            Meta(id, count: true);
        }

        var files = _sessionOrder.ToList();
        var bytes = files.Sum(Size);
        _session = null;
        return new ReaderResult(ordered, numberMatches.Count, candidates, bytes, files.Count, files);
    }

    private sealed record Clause(string Text, bool Phrase, List<string> Terms);

    private static readonly (char Open, char Close)[] Quotes = [('"', '"'), ('“', '”'), ('「', '」')];

    private static List<Clause> Clauses(string query)
    {
        var clauses = new List<Clause>();
        var rest = new StringBuilder();
        for (var i = 0; i < query.Length; i++)
        {
            var q = Array.FindIndex(Quotes, x => x.Open == query[i]);
            var close = q >= 0 ? query.IndexOf(Quotes[q].Close, i + 1) : -1;
            if (close > i)
            {
                var phrase = query[(i + 1)..close].Trim();
                if (phrase.Length > 0)
                {
                    clauses.Add(new Clause(phrase, true, SpecTokenizer.QueryTerms(phrase)));
                }

                rest.Append(' ');
                i = close;
            }
            else
            {
                rest.Append(query[i]);
            }
        }

        foreach (var word in SpecTokenizer.Normalize(rest.ToString()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            clauses.Add(new Clause(word, false, SpecTokenizer.QueryTerms(word)));
        }

        return clauses.Where(c => c.Terms.Count > 0).ToList();
    }

    /// <summary>The postings of a term: all documents with it, and those with it in title or number.</summary>
    public (List<int> All, List<int> Title) Postings(string term)
    {
        var terms = _manifest.GetProperty("terms");
        var utf8 = Encoding.UTF8.GetBytes(term);
        var count = terms.GetProperty("count").GetInt32();
        var chunk = (int)(Fnv1a(utf8) % (uint)count);
        var data = Inflate($"terms/{chunk}.{Group(terms, chunk)}.bin");
        var at = 0;
        var n = (int)Varint(data, ref at);
        for (var i = 0; i < n; i++)
        {
            var length = (int)Varint(data, ref at);
            var found = data.AsSpan(at, length).SequenceEqual(utf8);
            at += length;
            if (found)
            {
                var all = Posting(data, ref at);
                var title = Posting(data, ref at);
                return (all, title);
            }

            SkipPosting(data, ref at);
            SkipPosting(data, ref at);
        }

        return ([], []);
    }

    /// <summary>Every term in every chunk, with its document frequency (for statistics).</summary>
    public IEnumerable<(string Term, int Documents, int InlineBytes, bool External)> AllTerms()
    {
        var terms = _manifest.GetProperty("terms");
        var count = terms.GetProperty("count").GetInt32();
        for (var c = 0; c < count; c++)
        {
            var data = Inflate($"terms/{c}.{Group(terms, c)}.bin");
            var at = 0;
            var n = (int)Varint(data, ref at);
            for (var i = 0; i < n; i++)
            {
                var length = (int)Varint(data, ref at);
                var term = Encoding.UTF8.GetString(data, at, length);
                at += length;
                var start = at;
                var external = data[at] == 2;
                var docs = PostingCount(data, at);
                SkipPosting(data, ref at);
                SkipPosting(data, ref at);
                yield return (term, docs, at - start, external);
            }
        }
    }

    private static int PostingCount(byte[] data, int at)
    {
        var kind = data[at++];
        if (kind is 0 or 2)
        {
            return (int)Varint(data, ref at);
        }

        var length = (int)Varint(data, ref at);
        var bits = 0;
        for (var i = 0; i < length; i++)
        {
            bits += System.Numerics.BitOperations.PopCount(data[at + i]);
        }

        return bits;
    }

    private List<int> Posting(byte[] data, ref int at)
    {
        var kind = data[at++];
        switch (kind)
        {
            case 0:
            {
                var count = (int)Varint(data, ref at);
                var ids = new List<int>(count);
                var id = 0;
                for (var i = 0; i < count; i++)
                {
                    var v = (int)Varint(data, ref at);
                    id = i == 0 ? v : id + v;
                    ids.Add(id);
                }

                return ids;
            }

            case 1:
            {
                var length = (int)Varint(data, ref at);
                var ids = new List<int>();
                for (var i = 0; i < length * 8; i++)
                {
                    if ((data[at + (i >> 3)] & (1 << (i & 7))) != 0)
                    {
                        ids.Add(i);
                    }
                }

                at += length;
                return ids;
            }

            case 2:
            {
                Varint(data, ref at);
                var hash = Convert.ToHexStringLower(data, at, 5);
                at += 5;
                var external = Inflate($"postings/{hash}.bin");
                var x = 0;
                if (external[0] == 2)
                {
                    throw new InvalidDataException($"postings/{hash}.bin is external again");
                }

                return Posting(external, ref x);
            }

            default:
                throw new InvalidDataException($"unknown posting kind {kind}");
        }
    }

    private static void SkipPosting(byte[] data, ref int at)
    {
        var kind = data[at++];
        switch (kind)
        {
            case 0:
                var count = (int)Varint(data, ref at);
                for (var i = 0; i < count; i++)
                {
                    Varint(data, ref at);
                }

                break;
            case 1:
                var bytes = (int)Varint(data, ref at);
                at += bytes;
                break;
            case 2:
                Varint(data, ref at);
                at += 5;
                break;
            default:
                throw new InvalidDataException($"unknown posting kind {kind}");
        }
    }

    public ResultMeta Meta(int id, bool count = false)
    {
        var meta = _manifest.GetProperty("meta");
        var shardSize = meta.GetProperty("shardSize").GetInt32();
        var shard = id / shardSize;
        var path = $"meta/{shard}.{Group(meta, shard)}.json";
        var e = ParsedShard(path, count)[id % shardSize];
        return new ResultMeta(
            e.GetProperty("u").GetString()!,
            e.GetProperty("t").GetString()!,
            e.TryGetProperty("n", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
            e.GetProperty("o").GetString() ?? "",
            e.GetProperty("d").GetString()!,
            e.GetProperty("v").GetString()!,
            e.GetProperty("s").GetString() ?? "",
            e.TryGetProperty("m", out var m) ? m.GetString() : null);
    }

    private readonly Dictionary<string, JsonElement[]> _shards = new(StringComparer.Ordinal);

    private JsonElement[] ParsedShard(string path, bool count)
    {
        if (count)
        {
            Touch(path);
        }

        if (!_shards.TryGetValue(path, out var shard))
        {
            shard = JsonDocument.Parse(Inflate(path, count)).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
            _shards[path] = shard;
        }

        return shard;
    }

    /// <summary>
    /// The searchable text of a document as the search page makes it: its record's title, number, summary (or snippet) and
    /// organs, and the body its page holds between the markers (read with Gazette's <see cref="Gazette.Rendering.PageText"/>,
    /// which theme/assets/search.js matches).
    /// </summary>
    public string Text(int id, bool count = false)
    {
        var meta = Meta(id, count);
        var page = "../" + meta.Url.TrimStart('/') + "index.html";
        if (count)
        {
            Touch(page);
        }

        var body = Gazette.Rendering.PageText.Of(File.ReadAllText(Path.Combine(_folder, page))) ?? "";
        return string.Join('\n', meta.Title, meta.Number ?? "", meta.Summary ?? meta.Snippet, meta.Organs, body);
    }

    private readonly Dictionary<string, Dictionary<string, HashSet<int>>> _facets = new(StringComparer.Ordinal);

    /// <summary>The documents of one facet value (empty when the facet or value is unknown).</summary>
    public HashSet<int> Facet(string name, string value)
    {
        if (!_manifest.GetProperty("facets").TryGetProperty(name, out var file))
        {
            return [];
        }

        var path = file.GetString()!;
        Touch(path);
        if (!_facets.TryGetValue(path, out var values))
        {
            values = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            using var json = JsonDocument.Parse(Inflate(path));
            foreach (var v in json.RootElement.GetProperty("values").EnumerateArray())
            {
                var ids = new HashSet<int>();
                var id = 0;
                var first = true;
                foreach (var d in v.GetProperty("docs").EnumerateArray())
                {
                    id = first ? d.GetInt32() : id + d.GetInt32();
                    first = false;
                    ids.Add(id);
                }

                values[v.GetProperty("id").GetString()!] = ids;
            }

            _facets[path] = values;
        }

        return values.TryGetValue(value, out var set) ? [.. set] : [];
    }

    public IReadOnlyList<int> DayNumbers()
    {
        var path = _manifest.GetProperty("dates").GetString()!;
        using var json = JsonDocument.Parse(Inflate(path));
        var days = new List<int>();
        var day = 0;
        foreach (var d in json.RootElement.GetProperty("days").EnumerateArray())
        {
            day = days.Count == 0 ? d.GetInt32() : day + d.GetInt32();
            days.Add(day);
        }

        return days;
    }

    /// <summary>The hash of the group that names file <paramref name="index"/> of a table (from the manifest, no fetch).</summary>
    private static string Group(JsonElement table, int index) =>
        table.GetProperty("groups")[index / table.GetProperty("groupSize").GetInt32()].GetString()!;

    private void Touch(string path)
    {
        if (_session is not null && _session.Add(path))
        {
            _sessionOrder.Add(path);
        }
    }

    private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);

    /// <summary>
    /// What a browser transfers for a file: an index file's size on disk (the build gzips every file but the manifest), a page's
    /// once gzip-compressed (as Netlify sends it).
    /// </summary>
    public long Size(string path)
    {
        if (!_sizes.TryGetValue(path, out var size))
        {
            var file = Path.Combine(_folder, path);
            if (path.EndsWith(".html", StringComparison.Ordinal))
            {
                using var compressed = new MemoryStream();
                using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(File.ReadAllBytes(file));
                }

                size = compressed.Length;
            }
            else
            {
                size = new FileInfo(file).Length;
            }

            _sizes[path] = size;
        }

        return size;
    }

    private byte[] Raw(string path)
    {
        if (!_raw.TryGetValue(path, out var bytes))
        {
            bytes = File.ReadAllBytes(Path.Combine(_folder, path));
            if (_raw.Count < 200_000)
            {
                _raw[path] = bytes;
            }
        }

        return bytes;
    }

    private byte[] Inflate(string path, bool count = true)
    {
        if (count)
        {
            Touch(path);
        }

        if (_inflated.TryGetValue(path, out var data))
        {
            return data;
        }

        var raw = Raw(path);
        if (raw.Length < 2 || raw[0] != 0x1F || raw[1] != 0x8B)
        {
            throw new InvalidDataException($"{path} is not gzip-compressed");
        }

        using var input = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        data = output.ToArray();
        _inflated[path] = data;

        _raw.Remove(path);
        return data;
    }

    public static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var h = 2166136261u;
        foreach (var b in bytes)
        {
            h = (h ^ b) * 16777619u;
        }

        return h;
    }

    private static long Varint(byte[] data, ref int at)
    {
        long value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = data[at++];
            value |= (long)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        return value;
    }
}
