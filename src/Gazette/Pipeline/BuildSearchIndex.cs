using Gazette.Model;
using Gazette.Output;
using Gazette.Search;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>
/// Builds the client-side search index (docs/search-index.md) of every published document under search/, as the documents
/// are rendered: <see cref="Add"/> takes each batch with its texts, in the archive's order; <see cref="Finish"/> writes the
/// index once every document was added (a document's text is read by the search page from the document's page).
/// <para>
/// With a build cache, the index's state (<see cref="SearchState"/>) is kept there for the next build, put in place by
/// <see cref="Commit"/> once the site is; and a build whose archive has the same documents in the same order as the last
/// successful one patches the last index: a document whose searchable text and title line are the same is not indexed again
/// (its postings come from the state), and the index written is the one a build from scratch writes.
/// </para>
/// </summary>
public sealed class BuildSearchIndex : IDisposable
{
    public const string Folder = "search/";

    private readonly string? _cache;
    private readonly string _output;

    // Let go by Finish: the postings of every term are the largest thing a build holds, and the stages after the index (the
    // integrity manifest, the audit reading the whole site back) should not have to fit beside them.
    private SearchIndexWriter? _writer;
    private SearchStateWriter? _state;

    /// <summary>Without a build cache.</summary>
    public BuildSearchIndex(SiteConfiguration config)
    {
        _output = "";
        _writer = new SearchIndexWriter(config);
    }

    /// <param name="cacheDirectory">the build cache, where the index's state is kept; null: none is read or kept.</param>
    /// <param name="outputDirectory">the output folder the index is written into.</param>
    public BuildSearchIndex(SiteConfiguration config, Archive archive, string? cacheDirectory, string outputDirectory)
    {
        _cache = cacheDirectory;
        _output = outputDirectory;
        _writer = cacheDirectory is null
            ? new SearchIndexWriter(config)
            : new SearchIndexWriter(config, Math.Clamp(Environment.ProcessorCount, 1, 16), SearchState.Load(cacheDirectory, outputDirectory, archive.Documents), keepState: true);
    }

    /// <summary>How many documents were indexed anew (all of them, unless the last build's index was patched).</summary>
    public int Indexed { get; private set; }

    /// <param name="bodies">the rendered bodies of <paramref name="batch"/>, in the same order.</param>
    public void Add(IReadOnlyList<PublishedDocument> batch, IReadOnlyList<RenderedBody> bodies) =>
        Add([.. batch.Select((document, i) => (document, (string?)bodies[i].Text, (SearchIndexWriter.KnownText?)null))]);

    /// <inheritdoc cref="Add(IReadOnlyList{PublishedDocument}, IReadOnlyList{RenderedBody})"/>
    /// <param name="batch">each document with the text of its body, or with what the build cache knows of it (<see cref="DocumentMemo"/>).</param>
    public void Add(IReadOnlyList<(PublishedDocument Document, string? Text, SearchIndexWriter.KnownText? Known)> batch) => Writer.Add(batch);

    /// <summary>Documents added so far: the id of the next one.</summary>
    public int Count => Writer.Count;

    /// <summary>Document <paramref name="id"/>'s search digest and snippet, once added (with a build cache), for <see cref="DocumentMemo"/>.</summary>
    public (Digest128 Digest, string Snippet) Facts(int id) => Writer.Facts(id);

    /// <summary>
    /// Makes the rest of the index and gives each file to <paramref name="write"/> as it is made, from several threads; then lets
    /// go of everything the index held (no document can be added after). With a build cache, the index's state is written beside
    /// it, to be put in place by <see cref="Commit"/>.
    /// </summary>
    /// <param name="site">
    /// the site being written, with a build cache: a term chunk, metadata shard or posting file whose content is that of a file the last build wrote
    /// (<see cref="WriteSite.Recall"/>) is not compressed again: it is kept, or copied from the file the output folder holds
    /// when its group's name changed. Null: every file is made.
    /// </param>
    /// <param name="kept">
    /// the files made from the documents' metadata alone that the build keeps as the output folder holds them
    /// (<see cref="ContextOutputs"/>): the index's facet and dates files among them are not made again; null: they are made.
    /// </param>
    /// <param name="noted">given the path of each file made from the documents' metadata alone (facets, dates), for <see cref="ContextOutputs"/>.</param>
    /// <param name="metadataContext">with the memo, its context (<see cref="DocumentMemo.ContextDigest"/>): the facet and dates files are
    /// known by it and by the documents' fields they show, and kept unmade while those are as they were
    /// (<see cref="SearchIndexWriter.MetadataInputs"/>; a changed title or body leaves them); null: they are made.</param>
    public void Finish(Archive archive, UiStrings strings, Action<OutputFile> write, WriteSite? site = null, IReadOnlyList<string>? kept = null, Action<string>? noted = null,
        Digest128? metadataContext = null)
    {
        var writer = Writer;
        _writer = null;
        Indexed = writer.Indexed;
        if (_cache is not null)
        {
            _state = new SearchStateWriter(_cache, _output, archive.Documents, writer.Digests);
        }

        (string, byte[])? Recall(RenderKey key)
        {
            if (site!.Recall(key) is not ({ } path, var hash) || !path.StartsWith(Folder, StringComparison.Ordinal))
            {
                return null;
            }

            return (path[Folder.Length..], ((ReadOnlySpan<byte>)hash).ToArray());
        }

        GzipRecall? recall = site is null || _cache is null ? null : Recall;
        var metadataFiles = kept is null ? null
            : SearchIndexWriter.MetadataFiles.Among(kept.Where(p => p.StartsWith(Folder, StringComparison.Ordinal)).Select(p => p[Folder.Length..]));
        writer.Finish(archive, strings, file =>
        {
            var path = Folder + file.Path;
            if (SearchIndexWriter.MetadataFiles.Holds(file.Path))
            {
                noted?.Invoke(path);
            }

            if (file.Recalled is null)
            {
                write(new OutputFile(path, file.Bytes) { RenderKey = file.Key, Text = file.Plain });
            }
            else if (!site!.Reuse(path, file.Key))
            {
                site.Rename(path, Folder + file.Recalled, file.Key);
            }
        }, _state, recall, metadataFiles, metadataContext);
        _state?.End();
    }

    /// <summary>Puts the index's state in the build cache, for the next build: the site it describes has been committed.</summary>
    public void Commit() => _state?.Keep();

    /// <summary>Deletes the index's state written but not put in place (the build failed).</summary>
    public void Dispose()
    {
        _writer?.Forget();
        _state?.Dispose();
    }

    private SearchIndexWriter Writer => _writer ?? throw new InvalidOperationException("the search index is finished");
}
