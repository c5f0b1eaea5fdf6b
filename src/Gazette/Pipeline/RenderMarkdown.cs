using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Rendering;

namespace Gazette.Pipeline;

/// <summary>
/// Renders the bodies of a batch of published documents to HTML, outline and plain text, and turns each <c>doc:</c> link into
/// the permalink of the document it names. A link to no document or to one that is not 主动公开 is an error.
/// </summary>
/// <param name="archive">the published documents a link may name.</param>
/// <param name="all">every document read, to tell a link to an unpublished document from a link to nothing.</param>
public sealed class RenderMarkdown(Archive archive, IReadOnlyList<Document> all)
{
    private readonly MarkdownConverter _converter = new();
    private readonly Dictionary<string, Document> _known = all.DistinctBy(d => d.Id, StringComparer.Ordinal).ToDictionary(d => d.Id, StringComparer.Ordinal);

    /// <param name="batch">published documents.</param>
    /// <param name="bodies">their Markdown bodies, in the same order.</param>
    public IReadOnlyList<RenderedBody> Run(IReadOnlyList<PublishedDocument> batch, IReadOnlyList<string> bodies, DiagnosticBag diagnostics) =>
        diagnostics.MapInParallel(batch.Count,
            (i, local) => _converter.Convert(batch[i].Source, bodies[i], (id, at) => Resolve(id, at, local), local));

    private string? Resolve(string id, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (archive.Find(id) is { } target)
        {
            return target.Url;
        }

        if (_known.TryGetValue(id, out var other))
        {
            diagnostics.Error(at, Codes.NonPublicReference, $"the link names '{id}', which {other.NotPublished}", "remove the link");
        }
        else
        {
            diagnostics.Error(at, Codes.UnknownDocument, $"the link names '{id}', but no document has that id",
                DidYouMean.Hint(id, archive.Documents.Select(d => d.Id)) ?? "write doc:<id> where <id> is a document's id");
        }

        return null;
    }
}
