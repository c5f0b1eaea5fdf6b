using System.Buffers;
using System.IO.Hashing;
using System.Text.Json;
using Gazette.Integrity;
using Gazette.Model;
using Gazette.OpenData;
using Gazette.Output;
using Microsoft.Win32.SafeHandles;

namespace Gazette.Pipeline;

/// <summary>
/// Makes the open data under data/ (README, "Open data"): <see cref="Add"/> takes each batch of documents as it is rendered and
/// gives back one JSON file per document, keeping only each document's text hash (32 bytes); <see cref="Finish"/> then writes
/// the whole catalogue as JSON and CSV (its records made a block of documents at a time on every core, and streamed in order)
/// and the gazette's issues. Nothing of a withheld document is in the archive, so nothing of it can reach these files.
/// <para>
/// With a build cache, each document comes with a key of what its open data is made from (<see cref="DocumentMemo.KeyOf"/>):
/// its JSON file is not made again when the output folder holds it as made from the same key (<see cref="WriteSite.Reuse"/>),
/// and a block of the catalogue whose documents all have the keys they had is copied from the catalogue files the output folder
/// holds (<see cref="CatalogueBlocks"/>), so that a change to one document makes one block of each anew.
/// </para>
/// </summary>
public sealed class BuildOpenData
{
    /// <summary>How many documents' records or rows of a catalogue file are made, or copied, together.</summary>
    public const int BlockSize = 1024;

    /// <summary>How many bytes the JSON writer gathers before it hands them to the file.</summary>
    private const int FlushEvery = 64 * 1024;

    private readonly Archive _archive;
    private readonly string? _cache;
    private readonly string _output;
    private readonly OpenDataJson _json;

    // The text hash of each document, at its place in the archive's order, in which the batches come; and its key (zero: none).
    private readonly Sha256Digest[] _textHashes;
    private readonly Digest128[] _keys;
    private int _added;
    private CatalogueBlocks? _written;
    private int _copied;

    /// <param name="cacheDirectory">the build cache, where the table of the catalogue's blocks is kept; null: none is read or kept.</param>
    /// <param name="outputDirectory">the output folder the open data is written into.</param>
    public BuildOpenData(Archive archive, string? cacheDirectory, string outputDirectory)
    {
        _archive = archive;
        _cache = cacheDirectory;
        _output = outputDirectory;
        _json = new OpenDataJson(archive);
        _textHashes = new Sha256Digest[archive.Documents.Count];
        _keys = new Digest128[archive.Documents.Count];
    }

    /// <summary>The JSON file of each document of <paramref name="batch"/>.</summary>
    /// <param name="bodies">the rendered bodies of <paramref name="batch"/>, in the same order: their text hashes are kept.</param>
    public IReadOnlyList<OutputFile> Add(IReadOnlyList<PublishedDocument> batch, IReadOnlyList<RenderedBody> bodies) =>
        Add(batch, [.. bodies.Select(b => b.TextSha256)]);

    /// <summary>The JSON file of each document of <paramref name="batch"/> but those <paramref name="reuse"/> keeps.</summary>
    /// <param name="textHashes">the SHA-256 of each document's text (<see cref="RenderedBody.TextSha256"/>), in the same order.</param>
    /// <param name="keys">what each document's open data is made from (<see cref="DocumentMemo.KeyOf"/>), in the same order; none: not known.</param>
    /// <param name="reuse">keeps a document's file as the output folder holds it, when it was made from the same key (<see cref="WriteSite.Reuse"/>).</param>
    public IReadOnlyList<OutputFile> Add(IReadOnlyList<PublishedDocument> batch, IReadOnlyList<string> textHashes, IReadOnlyList<RenderKey>? keys = null,
        Func<string, RenderKey, bool>? reuse = null)
    {
        var first = _added;
        for (var i = 0; i < batch.Count; i++)
        {
            if (!ReferenceEquals(_archive.Documents[_added], batch[i]) || !Sha256Digest.TryParseHex(textHashes[i], out _textHashes[_added]))
            {
                throw new InvalidOperationException($"open data: {batch[i].Id} came out of the archive's order or without a text hash");
            }

            _keys[_added] = keys?[i].Value ?? Digest128.Zero;
            _added++;
        }

        var files = new OutputFile?[batch.Count];
        Parallel.For(0, batch.Count, i =>
        {
            var path = _archive.Urls.ToOutputPath(_archive.Urls.DocumentData(batch[i].IndexNumber));
            var key = new RenderKey(_keys[first + i]);
            if (reuse is not null && !key.IsNone && reuse(path, key))
            {
                return;
            }

            var buffer = new ArrayBufferWriter<byte>(2048);
            using (var json = new Utf8JsonWriter(buffer, OpenDataJson.WriterOptions))
            {
                _json.WriteDocumentFile(json, batch[i], textHashes[i]);
            }

            files[i] = new OutputFile(path, buffer.WrittenSpan.ToArray()) { RenderKey = key };
        });
        return [.. files.OfType<OutputFile>()];
    }

    /// <summary>
    /// Writes catalogue.json, catalogue.csv, gazette.json and one file per issue into <paramref name="site"/>. Call once every
    /// document was added.
    /// </summary>
    /// <param name="gazetteKept">whether gazette.json and the issues' files, made from metadata alone, are kept as the output folder
    /// holds them (<see cref="ContextOutputs"/>): they are then not made.</param>
    /// <param name="noted">given the path of each file made from metadata alone, for <see cref="ContextOutputs"/>.</param>
    /// <param name="context">
    /// with the build cache, the memo's context (<see cref="DocumentMemo.ContextDigest"/>): gazette.json is keyed by it with each
    /// issue and its document count, an issue's file by it with the keys of its documents (<see cref="Add"/>), and one the
    /// output folder holds as made from its key is kept (<see cref="WriteSite.Reuse"/>); null: they are made.
    /// </param>
    public void Finish(WriteSite site, bool gazetteKept = false, Action<string>? noted = null, Digest128? context = null)
    {
        if (_added != _archive.Documents.Count)
        {
            throw new InvalidOperationException($"open data: {_added} of {_archive.Documents.Count} documents were added");
        }

        var urls = _archive.Urls;
        var jsonPath = urls.ToOutputPath(urls.DataFile("catalogue.json"));
        var csvPath = urls.ToOutputPath(urls.DataFile("catalogue.csv"));
        var keys = BlockKeys();
        var blocks = new CatalogueBlocks.Block[keys.Length];
        var last = _cache is null ? null : CatalogueBlocks.Load(_cache, _output);

        var jsonHash = site.Write(jsonPath, stream =>
        {
            using var json = new Utf8JsonWriter(stream, OpenDataJson.WriterOptions);
            _json.WriteCatalogueHead(json);
            json.Flush();
            var at = json.BytesCommitted;

            // The records go straight to the stream, a block at a time, separated by commas: the writer, which knows nothing
            // of them, then closes the array it opened.
            InBlocks(last, last is null ? null : site.Holding(jsonPath, last.Json), keys, was => (was.JsonAt, was.JsonLength), MakeRecords, (b, bytes) =>
            {
                if (b > 0)
                {
                    stream.WriteByte((byte)',');
                    at++;
                }

                stream.Write(bytes);
                blocks[b] = new CatalogueBlocks.Block(keys[b], at, bytes.Length, 0, 0);
                at += bytes.Length;
            });
            OpenDataJson.WriteCatalogueTail(json);
        });

        var csv = new CatalogueCsv(_archive);
        var csvHash = site.Write(csvPath, stream =>
        {
            using var header = new MemoryStream();
            csv.Begin(header).Dispose();
            stream.Write(header.GetBuffer().AsSpan(0, (int)header.Length));
            var at = header.Length;
            InBlocks(last, last is null ? null : site.Holding(csvPath, last.Csv), keys, was => (was.CsvAt, was.CsvLength), (start, end) =>
            {
                var rows = new MemoryStream(512 * (end - start));
                using (var writer = CatalogueCsv.Rows(rows))
                {
                    for (var i = start; i < end; i++)
                    {
                        csv.Write(writer, _archive.Documents[i], _textHashes[i].ToHex(), _json);
                    }
                }

                return rows.ToArray();
            }, (b, bytes) =>
            {
                stream.Write(bytes);
                blocks[b] = blocks[b] with { CsvAt = at, CsvLength = bytes.Length };
                at += bytes.Length;
            });
        });

        _written = new CatalogueBlocks(jsonHash, csvHash, blocks);
        if (gazetteKept)
        {
            return;
        }

        void Write(string path, RenderKey key, Action<Utf8JsonWriter> write)
        {
            noted?.Invoke(path);
            site.ReuseOrWrite(path, key, stream =>
            {
                using var json = new Utf8JsonWriter(stream, OpenDataJson.WriterOptions);
                write(json);
            });
        }

        var list = context is { } listed ? new KeyDigest().Append(listed).Append("gazette.json") : null;
        foreach (var issue in _archive.Issues)
        {
            list?.Append(issue.Issue.Key.Year).Append(issue.Issue.Key.Number).Append(issue.DocumentCount);
        }

        Write(urls.ToOutputPath(urls.DataFile("gazette.json")), list?.Key ?? RenderKey.None, _json.WriteIssueList);
        foreach (var issue in _archive.Issues)
        {
            Write(urls.ToOutputPath(urls.IssueData(issue.Issue.Key)), context is { } known ? IssueKey(known, issue) : RenderKey.None,
                json => _json.WriteIssue(json, issue));
        }
    }

    /// <summary>The key of an issue's file: the context, the issue and its sections with the keys of their documents; none when one has none.</summary>
    private RenderKey IssueKey(Digest128 context, IssueContents issue)
    {
        var key = new KeyDigest().Append(context).Append("issue").Append(issue.Issue.Key.Year).Append(issue.Issue.Key.Number);
        foreach (var (section, documents) in issue.Sections)
        {
            key.Append(section).Append(documents.Count);
            foreach (var document in documents)
            {
                if (_keys[_archive.IndexOf(document)] is var documentKey && documentKey == Digest128.Zero)
                {
                    return RenderKey.None;
                }

                key.Append(documentKey);
            }
        }

        return key.Key;
    }

    /// <summary>Blocks of the catalogue files copied from those of the last build (<see cref="BuildResult.CatalogueBlocksCopied"/>).</summary>
    public int Copied => _copied;

    /// <summary>Keeps the table of the catalogue's blocks for the next build, once the site is in place.</summary>
    public void Commit()
    {
        if (_cache is not null)
        {
            _written?.Save(_cache, _output);
        }
    }

    /// <summary>The JSON records of documents <paramref name="start"/> to <paramref name="end"/>, separated by commas.</summary>
    private byte[] MakeRecords(int start, int end)
    {
        var buffer = new ArrayBufferWriter<byte>(1024 * (end - start));
        using var record = new Utf8JsonWriter(buffer, OpenDataJson.WriterOptions);
        for (var i = start; i < end; i++)
        {
            if (i > start)
            {
                buffer.Write(","u8);
            }

            _json.WriteDocument(record, _archive.Documents[i], _textHashes[i].ToHex());
            record.Flush();
            record.Reset();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The key of each block of documents: the XXH128 of its documents' keys, in order; zero when one of them has none (the
    /// block is always made).
    /// </summary>
    private Digest128[] BlockKeys()
    {
        var keys = new Digest128[(_keys.Length + BlockSize - 1) / BlockSize];
        for (var b = 0; b < keys.Length; b++)
        {
            var digest = new XxHash128();
            var documents = _keys.AsSpan(b * BlockSize, Math.Min(BlockSize, _keys.Length - (b * BlockSize)));
            foreach (var key in documents)
            {
                key.AppendTo(digest);
            }

            keys[b] = documents.Contains(Digest128.Zero) ? Digest128.Zero : Digest128.Of(digest).WithLowestBit;
        }

        return keys;
    }

    /// <summary>
    /// Gives the bytes of each block of a catalogue file to <paramref name="write"/>, in order: copied from <paramref name="old"/>
    /// (the file <paramref name="last"/> describes, when the output folder holds it as it was), at the place <paramref name="where"/>
    /// gives, when the block's key is the one it had; made by <paramref name="make"/> (documents start to end) otherwise. Several
    /// blocks at once on every core, at most a window of them held.
    /// </summary>
    private void InBlocks(CatalogueBlocks? last, string? old, Digest128[] keys, Func<CatalogueBlocks.Block, (long At, int Length)> where,
        Func<int, int, byte[]> make, BlockWrite write)
    {
        using var file = old is null ? null : File.OpenHandle(old);
        var count = _archive.Documents.Count;
        var window = new (byte[] Bytes, int Length, bool Rented)[Math.Max(1, 2 * Environment.ProcessorCount)];
        for (var first = 0; first < keys.Length; first += window.Length)
        {
            var size = Math.Min(window.Length, keys.Length - first);
            Parallel.For(0, size, w =>
            {
                var b = first + w;
                if (file is not null && last!.Find(b, keys[b]) is { } was && where(was) is var place && Copy(file, place) is { } copied)
                {
                    window[w] = (copied, place.Length, true);
                    Interlocked.Increment(ref _copied);
                    return;
                }

                var made = make(b * BlockSize, Math.Min(count, (b + 1) * BlockSize));
                window[w] = (made, made.Length, false);
            });
            for (var w = 0; w < size; w++)
            {
                var (bytes, length, rented) = window[w];
                write(first + w, bytes.AsSpan(0, length));
                if (rented)
                {
                    ArrayPool<byte>.Shared.Return(bytes);
                }

                window[w] = default;
            }
        }
    }

    /// <summary>Given each block's bytes of a catalogue file in order (<see cref="InBlocks"/>), valid during the call.</summary>
    private delegate void BlockWrite(int block, ReadOnlySpan<byte> bytes);

    /// <summary>
    /// The bytes of <paramref name="file"/> at <paramref name="place"/>, at the start of an array of the shared pool (to be given
    /// back once written: every build copies the blocks of the whole catalogue); null when the file holds fewer.
    /// </summary>
    private static byte[]? Copy(SafeFileHandle file, (long At, int Length) place)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(place.Length);
        var read = 0;
        while (read < place.Length)
        {
            var n = RandomAccess.Read(file, bytes.AsSpan(read, place.Length - read), place.At + read);
            if (n == 0)
            {
                ArrayPool<byte>.Shared.Return(bytes);
                return null;
            }

            read += n;
        }

        return bytes;
    }
}
