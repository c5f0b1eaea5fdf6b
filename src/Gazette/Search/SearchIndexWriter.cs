using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Gazette.Model;
using Gazette.Output;
using Gazette.Rendering;
using Gazette.Theme;

namespace Gazette.Search;

/// <summary>
/// Builds the search index of docs/search-index.md from the archive. Pure: documents in, files out (paths relative to
/// search/). Document ids are the archive's order, newest first.
/// </summary>
public sealed class SearchIndexWriter
{
    public const int Version = 6;

    /// <summary>
    /// Term chunks and metadata shards are named with the hash of their group of this many (docs/search-index.md). A change renames
    /// every file of each group it reaches: one sentence added to a body reaches some thirty chunks, so in groups of 256 every one
    /// of the 3,233 chunks of 50,000 documents was renamed (a second name made for each), in groups of 32 about 900 are; the
    /// manifest names one group more per 32 files (2 KB at 50,000 documents).
    /// </summary>
    public const int GroupSize = 32;
    public const int ShardSize = 16;
    public const int ChunkTarget = 8 * 1024;
    public const int ExternalThreshold = 1024;
    public const int SnippetLength = 120;
    public const string DocumentNumberPrefix = "#";

    private static readonly DateOnly UnixEpoch = new(1970, 1, 1);

    /// <summary>How the index writes JSON: every character as itself, not escaped.</summary>
    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The same for a file written field by field (<see cref="Utf8JsonWriter"/>).</summary>
    internal static readonly JsonWriterOptions JsonWriter = new() { Encoder = Json.Encoder };

    private readonly SiteConfiguration _config;

    // The terms of the searchable texts and of the titles and numbers, each split into shards built on threads of their own (TermIndex).
    private readonly TermIndex[] _all;
    private readonly TermIndex[] _title;
    private readonly List<string> _snippets = [];

    // Room for the Han keys of the texts of a batch (DocumentTerms.Of), two for each document, kept from batch to batch
    private long[]?[] _hanScratch = [];

    // With a build cache: the last build's state, which the index is patched from, and each document's digest, for the next.
    private SearchState? _previous;
    private readonly List<bool> _changed = [];
    private readonly List<Digest128>? _digests;

    public SearchIndexWriter(SiteConfiguration config)
        : this(config, Math.Clamp(Environment.ProcessorCount, 1, 16))
    {
    }

    /// <param name="shards">how many shards the terms are split into, each indexed on a thread of its own; the index written is
    /// the same for any number.</param>
    internal SearchIndexWriter(SiteConfiguration config, int shards)
        : this(config, shards, null, keepState: false)
    {
    }

    /// <param name="previous">the state of the last build's index, of the same documents in the same order: a document whose
    /// digest is the one it had is not indexed again, its postings come from the state.</param>
    /// <param name="keepState">whether the index's state is kept for the next build (<see cref="Finish(Archive, UiStrings, Action{string, byte[]}, SearchStateWriter?)"/>):
    /// each document's digest is kept.</param>
    internal SearchIndexWriter(SiteConfiguration config, int shards, SearchState? previous, bool keepState)
    {
        _config = config;
        _all = [.. Enumerable.Range(0, shards).Select(s => new TermIndex(s, shards))];
        _title = [.. Enumerable.Range(0, shards).Select(s => new TermIndex(s, shards))];
        _previous = previous;
        if (keepState || previous is not null)
        {
            _digests = [];
        }
    }

    /// <summary>Each document's <see cref="SearchState.DigestOf"/> so far, when the state is kept.</summary>
    internal IReadOnlyList<Digest128> Digests => _digests ?? throw new InvalidOperationException("the index's state is not kept");

    /// <summary>How many documents were indexed anew rather than taken from the last build's state.</summary>
    public int Indexed => _changed.Count(c => c);

    /// <summary>Document <paramref name="id"/>'s digest (<see cref="SearchState.DigestOf"/>) and snippet, once added, when the state is kept.</summary>
    internal (Digest128 Digest, string Snippet) Facts(int id) => (Digests[id], _snippets[id]);

    /// <summary>Documents added so far: the id of the next one.</summary>
    public int Count => _snippets.Count;

    /// <summary>
    /// Indexes the next documents, in id order (the archive's order), with the text of each body. The writer keeps only their
    /// postings and snippets (a document's text is read from its page: docs/search-index.md).
    /// </summary>
    public void Add(IReadOnlyList<(PublishedDocument Document, string Text)> batch) =>
        Add([.. batch.Select(b => (b.Document, (string?)b.Text, (KnownText?)null))]);

    /// <inheritdoc cref="Add(IReadOnlyList{ValueTuple{PublishedDocument, string}})"/>
    /// <param name="batch">each document with the text of its body, or with what the build cache knows of it instead
    /// (<see cref="KnownText"/>): a document whose digest is the one it had is then neither read nor indexed.</param>
    public void Add(IReadOnlyList<(PublishedDocument Document, string? Text, KnownText? Known)> batch)
    {
        var first = Count;
        var allTerms = new DocumentTerms?[batch.Count];
        var titleTerms = new DocumentTerms?[batch.Count];
        var digests = new Digest128[batch.Count];
        var snippets = new string[batch.Count];
        var indexed = new bool[batch.Count];
        if (_hanScratch.Length < 2 * batch.Count)
        {
            Array.Resize(ref _hanScratch, 2 * batch.Count);
        }

        var scratch = _hanScratch; // each text's Han keys, put where the text of the same place in the last batch had them

        // Each document's terms, each once and split by shard (DocumentTerms), and its snippet, several documents at a time —
        // with a build cache, not collected when the document's digest is the one it had; then the terms of every document (but
        // those) added to each shard on a thread of its own
        Parallel.For(0, batch.Count, () => new DocumentTerms.Collector(), (i, _, collector) =>
        {
            var (document, body, known) = batch[i];
            if (known is not null && _previous is not null && _previous.Digest(first + i) == known.Digest)
            {
                snippets[i] = known.Snippet;
                digests[i] = known.Digest;
                return collector;
            }

            body ??= known!.Body();
            var source = document.Source;
            var number = source.DocNumber is { } n && Tokenizer.DocumentNumberKey(n) is { Length: > 0 } key ? DocumentNumberPrefix + key : null;
            var all = SearchableText(document, body);
            var title = source.Title + "\n" + source.DocNumber;
            snippets[i] = Snippet(source.Summary ?? body);
            digests[i] = _digests is null ? Digest128.Zero : SearchState.DigestOf(all, title);
            if (_previous is not null && _previous.Digest(first + i) == digests[i])
            {
                return collector;
            }

            indexed[i] = true;
            allTerms[i] = DocumentTerms.Of(all, number, _all.Length, collector, ref scratch[2 * i]);
            titleTerms[i] = DocumentTerms.Of(title, number, _all.Length, collector, ref scratch[(2 * i) + 1]);
            return collector;
        }, _ => { });
        Parallel.For(0, _all.Length, shard =>
        {
            _all[shard].Add(allTerms, first);
            _title[shard].Add(titleTerms, first);
        });

        _snippets.AddRange(snippets);
        _changed.AddRange(indexed);
        _digests?.AddRange(digests);
    }

    /// <summary>Lets go of the last build's state, if it is still held (the index will not be finished).</summary>
    internal void Forget()
    {
        _previous?.Dispose();
        _previous = null;
    }

    /// <summary>
    /// What the build cache knows of a document instead of its text: its <see cref="SearchState.DigestOf"/> and snippet as the last
    /// build made them, and how to make the text of its body should it be indexed after all (the last build's state does not
    /// have it as it is).
    /// </summary>
    public sealed record KnownText(Digest128 Digest, string Snippet, Func<string> Body);

    /// <summary>
    /// Writes the rest of the index — term chunks, postings, metadata shards, facets, dates and the manifest — once every
    /// document of <paramref name="archive"/> has been added. Each file goes to <paramref name="write"/> as soon as it is made,
    /// from several threads at once, so the index is never held whole in memory.
    /// </summary>
    public void Finish(Archive archive, UiStrings strings, Action<string, byte[]> write) => Finish(archive, strings, write, save: null);

    /// <inheritdoc cref="Finish(Archive, UiStrings, Action{string, byte[]})"/>
    /// <param name="save">given every term with its postings, when the index's state is kept for the next build.</param>
    internal void Finish(Archive archive, UiStrings strings, Action<string, byte[]> write, SearchStateWriter? save) =>
        Finish(archive, strings, file => write(file.Path, file.Bytes), save, recall: null);

    /// <inheritdoc cref="Finish(Archive, UiStrings, Action{string, byte[]}, SearchStateWriter?)"/>
    /// <param name="write">given each file; one <see cref="IndexFile.Recalled"/> has no bytes: the output folder holds them.</param>
    /// <param name="recall">
    /// the last build's file of the same content, for a term chunk, metadata shard or posting file, whose bytes are then not
    /// compressed again (the table's name needs only its hash); null: every file is made.
    /// </param>
    /// <param name="metadataFiles">
    /// the facet files by name and the dates file (paths relative to search/) when the output folder holds them as this build
    /// would make them (they follow from the documents' metadata alone): they are then neither made nor given to
    /// <paramref name="write"/>; null: they are made.
    /// </param>
    /// <param name="metadataContext">
    /// with a build cache, the digest of everything but the documents the facet and dates files are made from (the memo's
    /// context: Gazette, the theme and its strings, the other files of content/): each of them is then known by it and by the
    /// documents' facet fields and dates, and one the output folder holds as made from them is neither made nor compressed
    /// (<see cref="MetadataInputs"/>); null: they are made.
    /// </param>
    internal void Finish(Archive archive, UiStrings strings, Action<IndexFile> write, SearchStateWriter? save, GzipRecall? recall,
        MetadataFiles? metadataFiles = null, Digest128? metadataContext = null)
    {
        var documents = archive.Documents;
        if (documents.Count != Count)
        {
            throw new InvalidOperationException($"{Count} documents were added to the search index, but the archive has {documents.Count}");
        }

        void Write(IndexFile file) => write(file);
        IndexTable terms;
        if (_previous is { } previous)
        {
            _previous = null;
            using var saved = previous.ReadTerms();
            terms = PatchedTermChunks.Write(saved, [.. _changed], _all, _title, Write, save, recall);
        }
        else
        {
            terms = TermChunks.Write(_all, _title, Write, save, recall);
        }

        var meta = WriteMeta(archive, Write, recall);
        var known = metadataContext is { } context && recall is not null ? MetadataInputs(archive, context) : (Digest128?)null;
        var (facets, dates) = metadataFiles ?? WriteMetadataFiles(archive, strings, Write, recall, known);

        var manifest = new JsonObject
        {
            ["version"] = Version,
            ["documents"] = documents.Count,
            ["terms"] = new JsonObject { ["count"] = terms.Count, ["groupSize"] = GroupSize, ["groups"] = Names(terms.Groups) },
            ["meta"] = new JsonObject { ["count"] = meta.Count, ["shardSize"] = ShardSize, ["groupSize"] = GroupSize, ["groups"] = Names(meta.Groups) },
            ["facets"] = new JsonObject(facets.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))),
            ["dates"] = dates,
        };
        write(new IndexFile("manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString(Json)), []));
    }

    /// <summary>The facet files and the dates file: made from the documents' metadata alone.</summary>
    private static MetadataFiles WriteMetadataFiles(Archive archive, UiStrings strings, Action<IndexFile> write, GzipRecall? recall, Digest128? known)
    {
        var facets = SearchFacets.Write(archive, strings, write, recall, known);
        var dates = Known(known, "dates", recall) ?? Made(known, "dates", () =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                WriteDeltas(json, "days", archive.Documents.Select(d => d.Source.Published.DayNumber - UnixEpoch.DayNumber));
                json.WriteEndObject();
            }

            return IndexFile.Hashed("", "dates", ".json", buffer.WrittenSpan, recall);
        });
        write(dates);
        return new MetadataFiles(facets, dates.Path);
    }

    /// <summary>
    /// What the facet and dates files are made from, as a digest: <paramref name="context"/> (everything but the documents) and,
    /// in the archive's order, each document's organs, topic, genre, publication date, validity and gazette issue.
    /// </summary>
    internal static Digest128 MetadataInputs(Archive archive, Digest128 context)
    {
        var digest = new KeyDigest().Append(context).Append("search metadata");
        foreach (var document in archive.Documents)
        {
            var source = document.Source;
            digest.Append(source.Issuers.Count);
            foreach (var organ in source.Issuers)
            {
                digest.Append(organ);
            }

            digest.Append(source.Topic).Append(source.Genre).Append(source.Published.DayNumber).Append((int)source.Validity.Status)
                .Append(source.Gazette?.IssueKey.Year ?? -1).Append(source.Gazette?.IssueKey.Number ?? -1);
        }

        return digest.Value;
    }

    /// <summary>
    /// The metadata file <paramref name="name"/> (a facet, or the dates) the output folder holds as made from <paramref name="known"/>
    /// (<see cref="MetadataInputs"/>): not made, its bytes left where they are; null when there is none, or no key.
    /// </summary>
    internal static IndexFile? Known(Digest128? known, string name, GzipRecall? recall)
    {
        if (known is not { } inputs || recall is null)
        {
            return null;
        }

        var key = KeyOf(inputs, name);
        return recall(key) is { } found ? new IndexFile(found.Path, [], found.Sha256) { Key = key, Recalled = found.Path } : null;
    }

    /// <summary>A metadata file <paramref name="make"/> makes, recorded with the key it is known by when it has one.</summary>
    internal static IndexFile Made(Digest128? known, string name, Func<IndexFile> make) =>
        known is { } inputs ? make() with { Key = KeyOf(inputs, name) } : make();

    private static RenderKey KeyOf(Digest128 inputs, string name) => new KeyDigest().Append(inputs).Append(name).Key;

    /// <summary>
    /// The files of the index made from the documents' metadata alone: the path of each facet's file by facet name, in the
    /// facets' order (<see cref="SearchFacets.Names"/>), and the dates file's; relative to search/.
    /// </summary>
    internal sealed record MetadataFiles(IReadOnlyList<KeyValuePair<string, string>> Facets, string Dates)
    {
        /// <summary>
        /// The files among <paramref name="paths"/> (relative to search/) that a <see cref="MetadataFiles"/> names, by their
        /// names' shape: <c>facets/{name}.{hash}.json</c> and <c>dates.{hash}.json</c>; null when any is missing.
        /// </summary>
        public static MetadataFiles? Among(IEnumerable<string> paths)
        {
            var facets = new Dictionary<string, string>(StringComparer.Ordinal);
            string? dates = null;
            foreach (var path in paths.Where(Holds))
            {
                if (path.StartsWith("dates.", StringComparison.Ordinal))
                {
                    dates = path;
                }
                else if (path.IndexOf('.') is var dot and > 7)
                {
                    facets[path[7..dot]] = path;
                }
            }

            return dates is not null && SearchFacets.Names.All(facets.ContainsKey) && facets.Count == SearchFacets.Names.Count
                ? new MetadataFiles([.. SearchFacets.Names.Select(n => KeyValuePair.Create(n, facets[n]))], dates)
                : null;
        }

        /// <summary>Whether <paramref name="path"/> (relative to search/) has the shape of a file a <see cref="MetadataFiles"/> names.</summary>
        public static bool Holds(string path) =>
            (path.StartsWith("facets/", StringComparison.Ordinal) || path.StartsWith("dates.", StringComparison.Ordinal)) && path.EndsWith(".json", StringComparison.Ordinal);
    }

    private static JsonArray Names(IEnumerable<string> groups) => new(groups.Select(g => (JsonNode)g).ToArray());

    private IndexTable WriteMeta(Archive archive, Action<IndexFile> write, GzipRecall? recall)
    {
        var count = archive.Documents.Count;
        var shards = Math.Max(1, (count + ShardSize - 1) / ShardSize);

        // What a document's record shows: address, title, number, organs, date, validity and snippet; and the summary, when the
        // snippet is not all of it (the search page checks a phrase in it)
        (string Url, string Title, string? Number, string Organs, string Date, string Validity, string Snippet, string? Summary) Fields(int id)
        {
            var d = archive.Documents[id];
            var snippet = _snippets[id];
            return (d.Url, d.Source.Title, d.Source.DocNumber, Organs(d.Source),
                ViewFactory.Date(d.Source.Published), ViewFactory.ValidityKey(d.Source.Validity.Status), snippet, d.Source.Summary == snippet ? null : d.Source.Summary);
        }

        // With a build cache, a shard is known by the digest of its documents' fields (a hash of the strings, cheaper than their JSON)
        Output.RenderKey KeyOf(int s)
        {
            var key = new Output.KeyDigest().Append(IndexFile.KeyOf("meta"u8).Value);
            for (var id = s * ShardSize; id < Math.Min((s + 1) * ShardSize, count); id++)
            {
                var (url, title, number, organs, date, validity, snippet, summary) = Fields(id);
                key.Append(url).Append(title).Append(number).Append(organs).Append(date).Append(validity).Append(snippet).Append(summary);
            }

            return key.Key;
        }

        return IndexTable.Write("meta", ".json", shards, s =>
        {
            // Written field by field (as the serializer writes an object of these properties, without its reflection)
            var start = s * ShardSize;
            var buffer = new ArrayBufferWriter<byte>(256 * ShardSize);
            using (var json = new Utf8JsonWriter(buffer, JsonWriter))
            {
                json.WriteStartArray();
                for (var id = start; id < Math.Min(start + ShardSize, count); id++)
                {
                    var (url, title, number, organs, date, validity, snippet, summary) = Fields(id);
                    json.WriteStartObject();
                    json.WriteString("u", url);
                    json.WriteString("t", title);
                    json.WriteString("n", number);
                    json.WriteString("o", organs);
                    json.WriteString("d", date);
                    json.WriteString("v", validity);
                    json.WriteString("s", snippet);
                    if (summary is not null)
                    {
                        json.WriteString("m", summary);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            return buffer.WrittenSpan.ToArray();
        }, write, recall, known: recall is null ? null : KeyOf);
    }

    /// <summary>
    /// Everything a document is found by: title, number, summary, organs and body, one per line — as the search page makes it
    /// again from the document's record and page (docs/search-index.md). Given as those parts (a null part is empty), not
    /// joined, to save a copy of every body.
    /// </summary>
    private string?[] SearchableText(PublishedDocument document, string body)
    {
        var source = document.Source;
        return [source.Title, source.DocNumber, source.Summary, Organs(source), body];
    }

    /// <summary>The names of a document's organs, as its record and searchable text show them.</summary>
    private string Organs(Document source) => string.Join("、", source.Issuers.Select(o => _config.FindOrgan(o)?.Name ?? o));

    /// <summary>The summary, or the body's opening, on one line and cut to <see cref="SnippetLength"/> characters.</summary>
    private static string Snippet(string text)
    {
        if (text.Contains('\n'))
        {
            // Its lines trimmed, without the empty ones, joined by spaces: only as many as make more characters than the snippet
            // takes (twice as many UTF-16 units: a body can be megabytes long)
            var joined = new StringBuilder();
            foreach (var range in text.AsSpan().Split('\n'))
            {
                var line = text.AsSpan(range).Trim();
                if (!line.IsEmpty)
                {
                    (joined.Length > 0 ? joined.Append(' ') : joined).Append(line);
                    if (joined.Length > 2 * (SnippetLength + 1))
                    {
                        break;
                    }
                }
            }

            text = joined.ToString();
        }

        var runes = text.EnumerateRunes().Take(SnippetLength + 1).ToList();
        return runes.Count <= SnippetLength ? text : string.Concat(runes.Take(SnippetLength).Select(r => r.ToString())) + "…";
    }

    /// <summary>Writes <paramref name="values"/> as the array <paramref name="name"/> of their deltas: the first value, then each less the one before.</summary>
    internal static void WriteDeltas(Utf8JsonWriter json, string name, IEnumerable<int> values)
    {
        json.WriteStartArray(name);
        var previous = 0;
        foreach (var value in values)
        {
            json.WriteNumberValue(value - previous);
            previous = value;
        }

        json.WriteEndArray();
    }

    /// <summary>The term chunk, of <paramref name="count"/>, a term is in: FNV-1a of its UTF-8, modulo the count (docs/search-index.md).</summary>
    public static int ChunkOf(ReadOnlySpan<byte> utf8, int count) => (int)(Fnv1a(utf8) % (uint)count);

    /// <summary>FNV-1a, 32 bits, over UTF-8 bytes: the chunk of a term (<see cref="ChunkOf"/>).</summary>
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
