using System.Buffers;
using System.Text.Json;
using Gazette.Integrity;
using Gazette.Model;
using Gazette.OpenData;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// Makes the open data under data/ (README, "Open data"): <see cref="Add"/> takes each batch of documents as it is rendered and
/// gives back one JSON file per document, keeping only each document's text hash (32 bytes); <see cref="Finish"/> then writes the whole
/// catalogue as JSON and CSV, a document at a time to a stream, and the gazette's issues. Nothing of a withheld document is
/// in the archive, so nothing of it can reach these files.
/// </summary>
public sealed class BuildOpenData(Archive archive)
{
    /// <summary>How many bytes the JSON writer gathers before it hands them to the file.</summary>
    private const int FlushEvery = 64 * 1024;

    private readonly OpenDataJson _json = new(archive);
    // The text hash of each document, at its place in the archive's order, in which the batches come.
    private readonly Sha256Digest[] _textHashes = new Sha256Digest[archive.Documents.Count];
    private int _added;

    /// <summary>The JSON file of each document of <paramref name="batch"/>.</summary>
    /// <param name="bodies">the rendered bodies of <paramref name="batch"/>, in the same order: their text hashes are kept.</param>
    public IReadOnlyList<OutputFile> Add(IReadOnlyList<PublishedDocument> batch, IReadOnlyList<RenderedBody> bodies) =>
        Add(batch, [.. bodies.Select(b => b.TextSha256)]);

    /// <summary>The JSON file of each document of <paramref name="batch"/>.</summary>
    /// <param name="textHashes">the SHA-256 of each document's text (<see cref="RenderedBody.TextSha256"/>), in the same order.</param>
    public IReadOnlyList<OutputFile> Add(IReadOnlyList<PublishedDocument> batch, IReadOnlyList<string> textHashes)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (!ReferenceEquals(archive.Documents[_added], batch[i]) || !Sha256Digest.TryParseHex(textHashes[i], out _textHashes[_added]))
            {
                throw new InvalidOperationException($"open data: {batch[i].Id} came out of the archive's order or without a text hash");
            }

            _added++;
        }

        var files = new OutputFile[batch.Count];
        Parallel.For(0, batch.Count, i =>
        {
            var buffer = new ArrayBufferWriter<byte>(2048);
            using (var json = new Utf8JsonWriter(buffer, OpenDataJson.WriterOptions))
            {
                _json.WriteDocumentFile(json, batch[i], textHashes[i]);
            }

            files[i] = new OutputFile(archive.Urls.ToOutputPath(archive.Urls.DocumentData(batch[i].IndexNumber)), buffer.WrittenSpan.ToArray());
        });
        return files;
    }

    /// <summary>
    /// Writes catalogue.json, catalogue.csv, gazette.json and one file per issue, each through <paramref name="write"/>, which
    /// gives the stream of a new file at a path of the site. Call once every document was added.
    /// </summary>
    public void Finish(Action<string, Action<Stream>> write)
    {
        if (_added != archive.Documents.Count)
        {
            throw new InvalidOperationException($"open data: {_added} of {archive.Documents.Count} documents were added");
        }

        var urls = archive.Urls;
        write(urls.ToOutputPath(urls.DataFile("catalogue.json")), stream =>
        {
            using var json = new Utf8JsonWriter(stream, OpenDataJson.WriterOptions);
            _json.WriteCatalogueHead(json);
            foreach (var (i, document) in archive.Documents.Index())
            {
                _json.WriteDocument(json, document, _textHashes[i].ToHex());
                if (json.BytesPending > FlushEvery)
                {
                    json.Flush();
                }
            }

            OpenDataJson.WriteCatalogueTail(json);
        });

        write(urls.ToOutputPath(urls.DataFile("catalogue.csv")), stream =>
        {
            var csv = new CatalogueCsv(archive);
            using var writer = csv.Begin(stream);
            foreach (var (i, document) in archive.Documents.Index())
            {
                csv.Write(writer, document, _textHashes[i].ToHex(), _json);
            }
        });

        write(urls.ToOutputPath(urls.DataFile("gazette.json")), stream =>
        {
            using var json = new Utf8JsonWriter(stream, OpenDataJson.WriterOptions);
            _json.WriteIssueList(json);
        });

        foreach (var issue in archive.Issues)
        {
            write(urls.ToOutputPath(urls.IssueData(issue.Issue.Key)), stream =>
            {
                using var json = new Utf8JsonWriter(stream, OpenDataJson.WriterOptions);
                _json.WriteIssue(json, issue);
            });
        }
    }
}
