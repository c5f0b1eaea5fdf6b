using Gazette.Model;
using Gazette.Output;
using Gazette.Search;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>
/// Builds the client-side search index (docs/search-index.md) of every published document under search/, as the documents
/// are rendered: <see cref="Add"/> takes each batch with its texts, in the archive's order, and gives back the batch's
/// searchable text files at once; <see cref="Finish"/> writes the rest of the index once every document was added.
/// </summary>
public sealed class BuildSearchIndex(SiteConfiguration config)
{
    public const string Folder = "search/";

    // Let go by Finish: the postings of every term are the largest thing a build holds, and the stages after the index (the
    // integrity manifest, the audit reading the whole site back) should not have to fit beside them.
    private SearchIndexWriter? _writer = new(config);

    /// <param name="bodies">the rendered bodies of <paramref name="batch"/>, in the same order.</param>
    public IReadOnlyList<OutputFile> Add(IReadOnlyList<PublishedDocument> batch, IReadOnlyList<RenderedBody> bodies) =>
        InFolder(Writer.Add(batch.Select((document, i) => (document, bodies[i].Text)).ToList()));

    /// <summary>
    /// Makes the rest of the index and gives each file to <paramref name="write"/> as it is made, from several threads; then lets
    /// go of everything the index held (no document can be added after).
    /// </summary>
    public void Finish(Archive archive, UiStrings strings, Action<OutputFile> write)
    {
        var writer = Writer;
        _writer = null;
        writer.Finish(archive, strings, (path, bytes) => write(new OutputFile(Folder + path, bytes)));
    }

    private SearchIndexWriter Writer => _writer ?? throw new InvalidOperationException("the search index is finished");

    private static List<OutputFile> InFolder(IEnumerable<(string Path, byte[] Bytes)> files) =>
        files.Select(f => new OutputFile(Folder + f.Path, f.Bytes)).ToList();
}
