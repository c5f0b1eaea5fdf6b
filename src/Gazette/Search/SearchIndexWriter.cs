using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Gazette.Model;
using Gazette.Rendering;
using Gazette.Theme;

namespace Gazette.Search;

/// <summary>
/// Builds the search index of docs/search-index.md from the archive. Pure: documents in, files out (paths relative to
/// search/). Document ids are the archive's order, newest first.
/// </summary>
public sealed class SearchIndexWriter
{
    public const int Version = 4;

    /// <summary>Term chunks, metadata shards and searchable texts are named with the hash of their group of this many (docs/search-index.md).</summary>
    public const int GroupSize = 256;
    public const int ShardSize = 16;
    public const int ChunkTarget = 8 * 1024;
    public const int ExternalThreshold = 1024;
    public const int SnippetLength = 120;
    public const string DocumentNumberPrefix = "#";

    private static readonly DateOnly UnixEpoch = new(1970, 1, 1);

    /// <summary>How the index writes JSON: every character as itself, not escaped.</summary>
    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly SiteConfiguration _config;
    private readonly TermIndex _all = new();
    private readonly TermIndex _title = new();
    private readonly List<string> _snippets = [];

    // Searchable texts wait here, compressed, until their group is complete and can be named; then they are handed out.
    private readonly List<(byte[] Bytes, byte[] Hash)> _pendingTexts = [];
    private readonly List<string> _textGroups = [];

    public SearchIndexWriter(SiteConfiguration config)
    {
        _config = config;
    }

    /// <summary>Documents added so far: the id of the next one.</summary>
    public int Count => _snippets.Count;

    /// <summary>
    /// Indexes the next documents, in id order (the archive's order), with the text of each body. Returns the searchable text
    /// files that can be named now (those of every group of <see cref="GroupSize"/> documents completed), so the caller can
    /// write them and let the texts go: the writer keeps only postings, snippets and the texts of the group not yet complete.
    /// </summary>
    public IReadOnlyList<(string Path, byte[] Bytes)> Add(IReadOnlyList<(PublishedDocument Document, string Text)> batch)
    {
        var first = Count;
        var texts = new (byte[] Bytes, byte[] Hash)[batch.Count];
        var snippets = new string[batch.Count];
        var parts = Math.Max(1, Math.Min(Environment.ProcessorCount, batch.Count / 256));
        var indexes = new (TermIndex All, TermIndex Title)[parts];
        Parallel.For(0, parts, part =>
        {
            var all = new TermIndex();
            var title = new TermIndex();
            for (var i = part * batch.Count / parts; i < (part + 1) * batch.Count / parts; i++)
            {
                var (document, body) = batch[i];
                var source = document.Source;
                var id = first + i;
                var searchable = SearchableText(document, body);
                all.AddText(searchable, id);
                title.AddText(source.Title + "\n" + source.DocNumber, id);
                if (source.DocNumber is { } number && Tokenizer.DocumentNumberKey(number) is { Length: > 0 } key)
                {
                    all.AddTerm(DocumentNumberPrefix + key, id);
                    title.AddTerm(DocumentNumberPrefix + key, id);
                }

                var compressed = IndexFile.Gzip(Encoding.UTF8.GetBytes(searchable));
                texts[i] = (compressed, SHA256.HashData(compressed));
                snippets[i] = Snippet(source.Summary ?? body);
            }

            indexes[part] = (all, title);
        });

        foreach (var (all, title) in indexes)
        {
            _all.Append(all);
            _title.Append(title);
        }

        _snippets.AddRange(snippets);
        _pendingTexts.AddRange(texts);
        var named = new List<(string Path, byte[] Bytes)>();
        while (_pendingTexts.Count >= GroupSize)
        {
            named.AddRange(NameTextGroup(GroupSize));
        }

        return named;
    }

    /// <summary>Names the first <paramref name="size"/> waiting texts, a group: <c>text/{id}.{group hash}.txt</c>.</summary>
    private IEnumerable<(string Path, byte[] Bytes)> NameTextGroup(int size)
    {
        var first = _textGroups.Count * GroupSize;
        var files = _pendingTexts[..size];
        _pendingTexts.RemoveRange(0, size);
        var group = IndexTable.GroupHash(files.Select(f => f.Hash));
        _textGroups.Add(group);
        return files.Select((f, i) => ($"text/{(first + i).ToString(CultureInfo.InvariantCulture)}.{group}.txt", f.Bytes));
    }

    /// <summary>
    /// Writes the rest of the index — term chunks, postings, metadata shards, facets, dates and the manifest — once every
    /// document of <paramref name="archive"/> has been added. Each file goes to <paramref name="write"/> as soon as it is made,
    /// from several threads at once, so the index is never held whole in memory.
    /// </summary>
    public void Finish(Archive archive, UiStrings strings, Action<string, byte[]> write)
    {
        var documents = archive.Documents;
        if (documents.Count != Count)
        {
            throw new InvalidOperationException($"{Count} documents were added to the search index, but the archive has {documents.Count}");
        }

        void Write(IndexFile file) => write(file.Path, file.Bytes);
        if (_pendingTexts.Count > 0)
        {
            foreach (var (path, bytes) in NameTextGroup(_pendingTexts.Count))
            {
                write(path, bytes);
            }
        }

        var terms = WriteTerms(_all, _title, Write);
        var meta = WriteMeta(archive, Write);
        var facets = SearchFacets.Write(archive, strings, Write);
        var dates = IndexFile.Hashed("", "dates", ".json", JsonSerializer.SerializeToUtf8Bytes(
            new { days = Deltas(documents.Select(d => d.Source.Published.DayNumber - UnixEpoch.DayNumber)) }));
        Write(dates);

        var manifest = new JsonObject
        {
            ["version"] = Version,
            ["documents"] = documents.Count,
            ["terms"] = new JsonObject { ["count"] = terms.Count, ["groupSize"] = GroupSize, ["groups"] = Names(terms.Groups) },
            ["meta"] = new JsonObject { ["count"] = meta.Count, ["shardSize"] = ShardSize, ["groupSize"] = GroupSize, ["groups"] = Names(meta.Groups) },
            ["text"] = new JsonObject { ["count"] = documents.Count, ["groupSize"] = GroupSize, ["groups"] = Names(_textGroups) },
            ["facets"] = new JsonObject(facets.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))),
            ["dates"] = dates.Path,
        };
        write("manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString(Json)));
    }

    private static JsonArray Names(IEnumerable<string> groups) => new(groups.Select(g => (JsonNode)g).ToArray());

    private static IndexTable WriteTerms(TermIndex all, TermIndex title, Action<IndexFile> write)
    {
        // The chunk count follows from the bytes that stay inline: measured first, without encoding anything.
        var terms = new List<(byte[] Utf8, int All, int Title)>(all.Count);
        var inline = 0L;
        foreach (var (term, slot) in all.Terms())
        {
            (byte[] Utf8, int All, int Title) entry = (Encoding.UTF8.GetBytes(term), slot, title.Find(term));
            inline += entry.Utf8.Length + InlineLength(all, entry.All) + InlineLength(title, entry.Title) + 2;
            terms.Add(entry);
        }

        var count = (int)Math.Max(1, (inline + ChunkTarget - 1) / ChunkTarget);
        var chunks = new List<(byte[] Utf8, int All, int Title)>[count];
        foreach (var entry in terms)
        {
            (chunks[(int)(Fnv1a(entry.Utf8) % (uint)count)] ??= []).Add(entry);
        }

        terms = null; // the chunks hold the entries now

        // Each chunk is encoded, written and let go on its own; a large posting goes to its own file, once.
        var externals = new HashSet<string>(StringComparer.Ordinal);
        byte[] Inline(TermIndex index, int slot)
        {
            if (slot < 0)
            {
                return [Posting.List, 0];
            }

            var posting = index.Encode(slot);
            if (posting.Length <= ExternalThreshold)
            {
                return posting;
            }

            var file = IndexFile.Hashed("postings", "p", ".bin", posting);
            var path = $"postings/{IndexFile.Hex(file.Hash)}.bin";
            bool isNew;
            lock (externals)
            {
                isNew = externals.Add(path);
            }

            if (isNew)
            {
                write(file with { Path = path });
            }

            var reference = new ByteWriter();
            reference.Byte(Posting.External);
            reference.Varint(index.CountOf(slot));
            reference.Bytes(file.Hash);
            return reference.ToArray();
        }

        return IndexTable.Write("terms", ".bin", count, c =>
        {
            var chunk = chunks[c] ?? [];
            chunk.Sort((a, b) => a.Utf8.AsSpan().SequenceCompareTo(b.Utf8));
            var writer = new ByteWriter();
            writer.Varint(chunk.Count);
            foreach (var (utf8, postingAll, postingTitle) in chunk)
            {
                writer.Varint(utf8.Length);
                writer.Bytes(utf8);
                writer.Bytes(Inline(all, postingAll));
                writer.Bytes(Inline(title, postingTitle));
            }

            chunks[c] = null!;
            return writer.ToArray();
        }, write);
    }

    /// <summary>The bytes a posting takes in its term chunk: itself, or the reference to its own file when it is large.</summary>
    private static int InlineLength(TermIndex index, int slot)
    {
        if (slot < 0)
        {
            return 2;
        }

        var length = index.EncodedLength(slot);
        return length <= ExternalThreshold ? length : 1 + ByteWriter.VarintLength((ulong)index.CountOf(slot)) + IndexFile.HashBytes;
    }

    private IndexTable WriteMeta(Archive archive, Action<IndexFile> write)
    {
        var count = archive.Documents.Count;
        var shards = Math.Max(1, (count + ShardSize - 1) / ShardSize);
        return IndexTable.Write("meta", ".json", shards, s =>
        {
            var start = s * ShardSize;
            var docs = Enumerable.Range(start, Math.Max(0, Math.Min(ShardSize, count - start))).Select(id =>
            {
                var d = archive.Documents[id];
                return new
                {
                    u = d.Url,
                    t = d.Source.Title,
                    n = d.Source.DocNumber,
                    o = string.Join("、", d.Source.Issuers.Select(o => archive.Config.FindOrgan(o)?.Name ?? o)),
                    d = ViewFactory.Date(d.Source.Published),
                    v = ViewFactory.ValidityKey(d.Source.Validity.Status),
                    s = _snippets[id],
                };
            }).ToList();
            return JsonSerializer.SerializeToUtf8Bytes(docs, Json);
        }, write);
    }

    /// <summary>Everything a document is found by: title, number, summary, organs and body, one per line.</summary>
    private string SearchableText(PublishedDocument document, string body)
    {
        var source = document.Source;
        var organs = string.Join(' ', source.Issuers.Select(o => _config.FindOrgan(o)?.Name));
        return string.Join('\n', source.Title, source.DocNumber, source.Summary, organs, body);
    }

    /// <summary>The summary, or the body's opening, on one line and cut to <see cref="SnippetLength"/> characters.</summary>
    private static string Snippet(string text)
    {
        if (text.Contains('\n'))
        {
            text = string.Join(' ', text.Split('\n', SnippetLength, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(SnippetLength));
        }

        var runes = text.EnumerateRunes().Take(SnippetLength + 1).ToList();
        return runes.Count <= SnippetLength ? text : string.Concat(runes.Take(SnippetLength).Select(r => r.ToString())) + "…";
    }

    /// <summary>The first value, then the difference of each value from the one before.</summary>
    internal static List<int> Deltas(IEnumerable<int> values)
    {
        var result = new List<int>();
        var previous = 0;
        foreach (var value in values)
        {
            result.Add(result.Count == 0 ? value : value - previous);
            previous = value;
        }

        return result;
    }

    /// <summary>FNV-1a, 32 bits, over UTF-8 bytes: the chunk of a term.</summary>
    public static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
