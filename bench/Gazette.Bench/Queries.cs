using System.Text.Json;
using Gazette.Bench.Corpus;
using Gazette.Bench.Index;

namespace Gazette.Bench;

/// <summary>One query of bench/queries.json.</summary>
public sealed record Query(string Id, string Q, string Kind, IReadOnlyDictionary<string, string> Filters, string? Expect, bool Exact)
{
    public bool IsNumber => Kind == "number";

    public bool IsFilterOnly => Q.Trim().Length == 0;

    /// <summary>Recall is checked for every query with text that is not a document number: the documents containing each of
    /// its words (unquoted) or its phrases (quoted), found by scanning the corpus, must all be in the result set.</summary>
    public bool ChecksRecall => !IsNumber && !IsFilterOnly;

    /// <summary>Unquoted queries of Chinese text (with Latin or digits): the queries the recall target of issue 4 names.</summary>
    public bool IsUnquotedChinese => ChecksRecall && !Q.Contains('"') && !Q.Contains('“') && Q.EnumerateRunes().Any(r => SpecTokenizer.IsHan(r.Value));

    public string UrlQuery()
    {
        var parts = new List<string>();
        if (Q.Length > 0)
        {
            parts.Add("q=" + Uri.EscapeDataString(Q));
        }

        parts.AddRange(Filters.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return string.Join("&", parts);
    }

    public string Label => Filters.Count == 0 ? Q : (Q + " " + string.Join(" ", Filters.Select(f => $"{f.Key}={f.Value}"))).Trim();

    public static IReadOnlyList<Query> Load(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        return json.RootElement.GetProperty("queries").EnumerateArray().Select(q => new Query(
            q.GetProperty("id").GetString()!,
            q.GetProperty("q").GetString()!,
            q.GetProperty("kind").GetString()!,
            q.TryGetProperty("filters", out var f) ? f.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!) : new Dictionary<string, string>(),
            q.TryGetProperty("expect", out var e) ? e.GetString() : null,
            q.TryGetProperty("exact", out var x) && x.GetBoolean())).ToList();
    }
}

/// <summary>
/// The ground truth: which published documents of a generated corpus contain each query's text, by a plain scan of the
/// Markdown the generator wrote (title, number, summary, organ names and body without heading marks: the fields Gazette
/// indexes), and which pass each filter, from the generator's metadata.
/// </summary>
public static class Truth
{
    public sealed record Expected(IReadOnlyDictionary<string, HashSet<string>> UrlsByQuery, IReadOnlyList<MetaRecord> Published);

    public static Expected Compute(string corpusRoot, IReadOnlyList<Query> queries)
    {
        var published = MetaRecord.ReadAll(corpusRoot).Where(m => m.IsPublic).ToList();
        var organNames = Vocabulary.Organs.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var checks = queries.Where(q => q.ChecksRecall || q.IsFilterOnly).Select(q => (Query: q, Needles: Needles(q.Q))).ToList();
        var sets = checks.ToDictionary(c => c.Query.Id, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var locks = checks.ToDictionary(c => c.Query.Id, _ => new object(), StringComparer.Ordinal);
        Parallel.ForEach(published, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, doc =>
        {
            string? text = null;
            foreach (var (query, needles) in checks)
            {
                if (!PassesFilters(doc, query.Filters))
                {
                    continue;
                }

                if (needles.Count > 0)
                {
                    text ??= SpecTokenizer.Normalize(SearchableText(corpusRoot, doc, organNames));
                    if (!needles.All(n => text.Contains(n, StringComparison.Ordinal)))
                    {
                        continue;
                    }
                }

                lock (locks[query.Id])
                {
                    sets[query.Id].Add(doc.Url);
                }
            }
        });
        return new Expected(sets, published);
    }

    /// <summary>The strings a matching document must contain: each quoted phrase, each other white-space separated word.</summary>
    public static List<string> Needles(string q)
    {
        var needles = new List<string>();
        var rest = new System.Text.StringBuilder();
        (char Open, char Close)[] quotes = [('"', '"'), ('“', '”'), ('「', '」')];
        for (var i = 0; i < q.Length; i++)
        {
            var k = Array.FindIndex(quotes, x => x.Open == q[i]);
            var close = k >= 0 ? q.IndexOf(quotes[k].Close, i + 1) : -1;
            if (close > i)
            {
                needles.Add(SpecTokenizer.Normalize(q[(i + 1)..close].Trim()));
                rest.Append(' ');
                i = close;
            }
            else
            {
                rest.Append(q[i]);
            }
        }

        needles.AddRange(SpecTokenizer.Normalize(rest.ToString()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return needles.Where(n => n.Length > 0).ToList();
    }

    public static bool PassesFilters(MetaRecord doc, IReadOnlyDictionary<string, string> filters)
    {
        foreach (var (name, value) in filters)
        {
            var ok = name switch
            {
                "organ" => doc.Organs.Contains(value),
                "validity" => ValidityKey(doc.Validity) == value,
                "year" => doc.Published[..4] == value,
                "issue" => doc.Issue == value,
                "topic" => doc.Topic == value, // the corpora use top-level topics only
                "genre" => doc.Genre == value,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static string ValidityKey(string validity) => validity switch
    {
        "有效" => "valid",
        "失效" => "expired",
        "废止" => "repealed",
        "已修改" => "amended",
        _ => validity,
    };

    /// <summary>Title, number, summary, organs and the body without Markdown heading marks, one per line.</summary>
    public static string SearchableText(string corpusRoot, MetaRecord doc, IReadOnlyDictionary<string, string> organNames)
    {
        var markdown = File.ReadAllText(Path.Combine(corpusRoot, doc.Path));
        var end = markdown.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        var body = end < 0 ? markdown : markdown[(end + 5)..];
        var lines = body.Split('\n').Select(l => l.StartsWith('#') ? l.TrimStart('#').Trim() : l);
        return string.Join('\n', new[] { doc.Title, doc.Number ?? "", doc.Summary ?? "", string.Join(' ', doc.Organs.Select(o => organNames.GetValueOrDefault(o, o))) }
            .Concat(lines));
    }
}
