using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
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
    public const int Version = 5;

    /// <summary>Term chunks, metadata shards and searchable texts are named with the hash of their group of this many (docs/search-index.md).</summary>
    public const int GroupSize = 256;
    public const int ShardSize = 16;
    public const int ChunkTarget = 8 * 1024;
    public const int ExternalThreshold = 1024;
    public const int SnippetLength = 120;
    public const string DocumentNumberPrefix = "#";

    /// <summary>Up to how many changed documents the term chunks to scan are found from their old texts (<see cref="OldTermChunks"/>).</summary>
    private const int MostChangedForOldTerms = 64;

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

    // Searchable texts wait here, compressed (or, a document's the last build indexed as it is now, with the hash it had and the
    // text to compress should its file be needed), until their group is complete and can be named; then they are handed out.
    private readonly List<PendingText> _pendingTexts = [];
    private readonly List<string> _textGroups = [];

    // With a build cache: the last build's state, which the index is patched from, and each document's digest and text hash, for the next.
    private SearchState? _previous;
    private readonly List<bool> _changed = [];
    private readonly List<Digest128>? _digests;
    private readonly ArrayBufferWriter<byte>? _textHashes; // 32 bytes a document, one after the other

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
    /// each document's digest and text hash are kept, and its text file is given a render key.</param>
    internal SearchIndexWriter(SiteConfiguration config, int shards, SearchState? previous, bool keepState)
    {
        _config = config;
        _all = [.. Enumerable.Range(0, shards).Select(s => new TermIndex(s, shards))];
        _title = [.. Enumerable.Range(0, shards).Select(s => new TermIndex(s, shards))];
        _previous = previous;
        if (keepState || previous is not null)
        {
            _digests = [];
            _textHashes = new();
        }
    }

    /// <summary>Each document's <see cref="SearchState.DigestOf"/> so far, when the state is kept.</summary>
    internal IReadOnlyList<Digest128> Digests => _digests ?? throw new InvalidOperationException("the index's state is not kept");

    /// <summary>Each document's SHA-256 of its compressed searchable text so far, when the state is kept.</summary>
    internal ReadOnlyMemory<byte> TextHashes => _textHashes?.WrittenMemory ?? throw new InvalidOperationException("the index's state is not kept");

    /// <summary>How many documents were indexed anew rather than taken from the last build's state.</summary>
    public int Indexed => _changed.Count(c => c);

    /// <summary>The last build's term chunks the changed documents' old texts reach, which alone were scanned (<see cref="OldTermChunks"/>); null: every chunk was.</summary>
    internal bool[]? ReachedByOldTexts { get; private set; }

    /// <summary>Document <paramref name="id"/>'s digest (<see cref="SearchState.DigestOf"/>) and snippet, once added, when the state is kept.</summary>
    internal (Digest128 Digest, string Snippet) Facts(int id) => (Digests[id], _snippets[id]);

    /// <summary>Documents added so far: the id of the next one.</summary>
    public int Count => _snippets.Count;

    /// <summary>
    /// Indexes the next documents, in id order (the archive's order), with the text of each body. Returns the searchable text
    /// files that can be named now (those of every group of <see cref="GroupSize"/> documents completed), so the caller can
    /// write them and let the texts go: the writer keeps only postings, snippets and the texts of the group not yet complete.
    /// </summary>
    public IReadOnlyList<(string Path, byte[] Bytes)> Add(IReadOnlyList<(PublishedDocument Document, string Text)> batch) =>
        [.. Add(batch, reuse: null).Select(f => (f.Path, f.Bytes))];

    /// <inheritdoc cref="Add(IReadOnlyList{ValueTuple{PublishedDocument, string}})"/>
    /// <param name="reuse">
    /// asked to keep, as the output folder holds it, the text file of a document the last build indexed as it is now, when its
    /// group is named as it was (<see cref="Pipeline.WriteSite.Reuse"/>); a file it keeps is not given back. Null: none is kept.
    /// </param>
    public IReadOnlyList<(string Path, byte[] Bytes, RenderKey Key)> Add(IReadOnlyList<(PublishedDocument Document, string Text)> batch, Func<string, RenderKey, bool>? reuse) =>
        Add([.. batch.Select(b => (b.Document, (string?)b.Text, (KnownText?)null))], reuse);

    /// <inheritdoc cref="Add(IReadOnlyList{ValueTuple{PublishedDocument, string}}, Func{string, RenderKey, bool}?)"/>
    /// <param name="batch">each document with the text of its body, or with what the build cache knows of it instead
    /// (<see cref="KnownText"/>): a document whose digest is the one it had is then neither read nor indexed.</param>
    public IReadOnlyList<(string Path, byte[] Bytes, RenderKey Key)> Add(IReadOnlyList<(PublishedDocument Document, string? Text, KnownText? Known)> batch, Func<string, RenderKey, bool>? reuse)
    {
        var first = Count;
        var terms = new (DocumentTerms All, DocumentTerms Title)[batch.Count];
        var texts = new PendingText[batch.Count];
        var snippets = new string[batch.Count];
        var indexed = new bool[batch.Count];

        // Each document's searchable text, compressed, its terms, each once and split by shard (DocumentTerms), and its snippet,
        // several documents at a time — with a build cache, neither compressed nor collected when the document's digest is the
        // one it had; then the terms of every document (but those) added to each shard on a thread of its own
        Parallel.For(0, batch.Count, () => new DocumentTerms.Collector(), (i, _, collector) =>
        {
            var (document, body, known) = batch[i];
            if (known is not null && _previous is not null && _previous.Digest(first + i) == known.Digest)
            {
                snippets[i] = known.Snippet;
                texts[i] = new PendingText(null, _previous.TextHash(first + i), () => SearchableText(document, known.Body()), known.Digest);
                return collector;
            }

            body ??= known!.Body();
            var source = document.Source;
            var number = source.DocNumber is { } n && Tokenizer.DocumentNumberKey(n) is { Length: > 0 } key ? DocumentNumberPrefix + key : null;
            var all = SearchableText(document, body);
            var title = source.Title + "\n" + source.DocNumber;
            snippets[i] = Snippet(source.Summary ?? body);
            var digest = _digests is null ? Digest128.Zero : SearchState.DigestOf(all, title);
            if (_previous is not null && _previous.Digest(first + i) == digest)
            {
                texts[i] = new PendingText(null, _previous.TextHash(first + i), () => all, digest);
                return collector;
            }

            indexed[i] = true;
            terms[i] = (DocumentTerms.Of(all, number, _all.Length, collector), DocumentTerms.Of(title, number, _all.Length, collector));
            var compressed = Compress(all);
            texts[i] = new PendingText(compressed, SHA256.HashData(compressed), null, digest);
            return collector;
        }, _ => { });
        Parallel.For(0, _all.Length, shard =>
        {
            var (all, title) = (_all[shard], _title[shard]);
            for (var i = 0; i < batch.Count; i++)
            {
                if (!indexed[i])
                {
                    continue;
                }

                all.Add(terms[i].All, first + i);
                title.Add(terms[i].Title, first + i);
            }
        });

        _snippets.AddRange(snippets);
        _pendingTexts.AddRange(texts);
        _changed.AddRange(indexed);
        _digests?.AddRange(texts.Select(t => t.Digest));
        foreach (var text in texts)
        {
            _textHashes?.Write(text.Hash);
        }
        var named = new List<(string Path, byte[] Bytes, RenderKey Key)>();
        while (_pendingTexts.Count >= GroupSize)
        {
            named.AddRange(NameTextGroup(GroupSize, reuse));
        }

        return named;
    }

    /// <summary>
    /// Names the first <paramref name="size"/> waiting texts, a group: <c>text/{id}.{group hash}.txt</c>; a text not compressed is
    /// kept by <paramref name="reuse"/> or compressed now.
    /// </summary>
    private List<(string Path, byte[] Bytes, RenderKey Key)> NameTextGroup(int size, Func<string, RenderKey, bool>? reuse)
    {
        var first = _textGroups.Count * GroupSize;
        var files = _pendingTexts[..size];
        _pendingTexts.RemoveRange(0, size);
        var group = IndexTable.GroupHash(files.Select(f => f.Hash));
        _textGroups.Add(group);
        var named = new (string Path, byte[] Bytes, RenderKey Key)?[size];
        Parallel.For(0, size, i =>
        {
            var path = $"text/{(first + i).ToString(CultureInfo.InvariantCulture)}.{group}.txt";
            var (bytes, _, text, digest) = files[i];
            var key = new RenderKey(digest);
            if (bytes is null && reuse?.Invoke(path, key) == true)
            {
                return;
            }

            named[i] = (path, bytes ?? Compress(text!()), key);
        });
        return [.. named.OfType<(string Path, byte[] Bytes, RenderKey Key)>()];
    }

    /// <summary>
    /// Names the waiting texts, the last group's (not complete), once every document has been added, like
    /// <see cref="Add(IReadOnlyList{ValueTuple{PublishedDocument, string}}, Func{string, RenderKey, bool}?)"/> names a complete
    /// group. <see cref="Finish(Archive, UiStrings, Action{string, byte[]})"/> names those still waiting.
    /// </summary>
    public IReadOnlyList<(string Path, byte[] Bytes, RenderKey Key)> NameLastTexts(Func<string, RenderKey, bool>? reuse) =>
        _pendingTexts.Count == 0 ? [] : NameTextGroup(_pendingTexts.Count, reuse);

    /// <summary>Lets go of the last build's state, if it is still held (the index will not be finished).</summary>
    internal void Forget()
    {
        _previous?.Dispose();
        _previous = null;
    }

    /// <summary>A searchable text in UTF-16 (<see cref="IndexFile.WriteSearchableText"/>), compressed at <see cref="IndexFile.Fast"/>'s level.</summary>
    private static byte[] Compress(string text)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(2 + 2 * text.Length);
        var compressed = IndexFile.Gzip(bytes.AsSpan(0, IndexFile.WriteSearchableText(text, bytes)), IndexFile.Fast);
        ArrayPool<byte>.Shared.Return(bytes);
        return compressed;
    }

    /// <summary>
    /// A searchable text waiting for its group: compressed, or not (<see cref="Bytes"/> null) when the last build indexed it as
    /// it is now, with <see cref="Text"/> to make the text to compress should its file not be kept; <see cref="Digest"/> is its
    /// render key (0 without a cache).
    /// </summary>
    private readonly record struct PendingText(byte[]? Bytes, byte[] Hash, Func<string>? Text, Digest128 Digest);

    /// <summary>
    /// What the build cache knows of a document instead of its text: its <see cref="SearchState.DigestOf"/> and snippet as the last
    /// build made them, and how to make the text of its body should its text file be needed (its group renamed, or the file not
    /// as it was left).
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
    /// <param name="oldText">
    /// with the last build's state, the compressed searchable text file the output folder holds with a key (a document's
    /// digest, as its text file is recorded), or null: the changed documents' texts as the last build indexed them, whose
    /// terms tell which saved term chunks they can be in (<see cref="OldTermChunks"/>); null: every chunk is scanned.
    /// </param>
    internal void Finish(Archive archive, UiStrings strings, Action<IndexFile> write, SearchStateWriter? save, GzipRecall? recall,
        MetadataFiles? metadataFiles = null, Digest128? metadataContext = null, Func<RenderKey, byte[]?>? oldText = null)
    {
        var documents = archive.Documents;
        if (documents.Count != Count)
        {
            throw new InvalidOperationException($"{Count} documents were added to the search index, but the archive has {documents.Count}");
        }

        void Write(IndexFile file) => write(file);
        if (_pendingTexts.Count > 0)
        {
            foreach (var (path, bytes, _) in NameTextGroup(_pendingTexts.Count, reuse: null))
            {
                write(new IndexFile(path, bytes, []));
            }
        }

        IndexTable terms;
        if (_previous is { } previous)
        {
            _previous = null;
            var saved = previous.ReadTerms();
            var reached = OldTermChunks(previous, saved.Chunks.Length, oldText);
            ReachedByOldTexts = reached;
            terms = PatchedTermChunks.Write(saved, [.. _changed], _all, _title, Write, save, recall, reached);
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
            ["text"] = new JsonObject { ["count"] = documents.Count, ["groupSize"] = GroupSize, ["groups"] = Names(_textGroups) },
            ["facets"] = new JsonObject(facets.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))),
            ["dates"] = dates,
        };
        write(new IndexFile("manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString(Json)), []));
    }

    /// <summary>
    /// For each of the last build's <paramref name="count"/> term chunks, whether a term a changed document had then is in it:
    /// the terms of its searchable text as the last build indexed it (the output folder still holds that file; its title line,
    /// the text's first two lines, and the text are confirmed by the digest the state has for the document), of that title
    /// line (a part of the text) and of its document number. Null — every chunk is scanned — when more than
    /// <see cref="MostChangedForOldTerms"/> documents changed or a text cannot be had or confirmed.
    /// </summary>
    private bool[]? OldTermChunks(SearchState previous, int count, Func<RenderKey, byte[]?>? oldText)
    {
        if (oldText is null || _changed.Count != previous.Count)
        {
            return null;
        }

        var reached = new bool[count];
        var changed = 0;
        for (var id = 0; id < _changed.Count; id++)
        {
            if (!_changed[id])
            {
                continue;
            }

            if (++changed > MostChangedForOldTerms || oldText(new RenderKey(previous.Digest(id))) is not { } compressed)
            {
                return null;
            }

            string text;
            try
            {
                text = IndexFile.TextOf(IndexFile.Gunzip(compressed));
            }
            catch (InvalidDataException)
            {
                return null;
            }

            // The text is the title, the number, the summary, the organs and the body, a line each (SearchableText); the title
            // line indexed is the first two, unless the title or number held a line break (the digest then tells, and every chunk is scanned)
            var titleEnd = text.IndexOf('\n');
            var numberEnd = titleEnd < 0 ? -1 : text.IndexOf('\n', titleEnd + 1);
            if (numberEnd < 0 || SearchState.DigestOf(text, text[..numberEnd]) != previous.Digest(id))
            {
                return null;
            }

            foreach (var term in Tokenizer.IndexTerms(text))
            {
                reached[ChunkOf(Encoding.UTF8.GetBytes(term), count)] = true;
            }

            if (Tokenizer.DocumentNumberKey(text[(titleEnd + 1)..numberEnd]) is { Length: > 0 } key)
            {
                reached[ChunkOf(Encoding.UTF8.GetBytes(DocumentNumberPrefix + key), count)] = true;
            }
        }

        return reached;
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

        // What a document's record shows: address, title, number, organs, date, validity and snippet
        (string Url, string Title, string? Number, string Organs, string Date, string Validity, string Snippet) Fields(int id)
        {
            var d = archive.Documents[id];
            return (d.Url, d.Source.Title, d.Source.DocNumber, string.Join("、", d.Source.Issuers.Select(o => archive.Config.FindOrgan(o)?.Name ?? o)),
                ViewFactory.Date(d.Source.Published), ViewFactory.ValidityKey(d.Source.Validity.Status), _snippets[id]);
        }

        // With a build cache, a shard is known by the digest of its documents' fields (a hash of the strings, cheaper than their JSON)
        Output.RenderKey KeyOf(int s)
        {
            var key = new Output.KeyDigest().Append(IndexFile.KeyOf("meta"u8).Value);
            for (var id = s * ShardSize; id < Math.Min((s + 1) * ShardSize, count); id++)
            {
                var (url, title, number, organs, date, validity, snippet) = Fields(id);
                key.Append(url).Append(title).Append(number).Append(organs).Append(date).Append(validity).Append(snippet);
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
                    var (url, title, number, organs, date, validity, snippet) = Fields(id);
                    json.WriteStartObject();
                    json.WriteString("u", url);
                    json.WriteString("t", title);
                    json.WriteString("n", number);
                    json.WriteString("o", organs);
                    json.WriteString("d", date);
                    json.WriteString("v", validity);
                    json.WriteString("s", snippet);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            return buffer.WrittenSpan.ToArray();
        }, write, recall, known: recall is null ? null : KeyOf);
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
