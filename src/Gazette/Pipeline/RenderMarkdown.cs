using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Rendering;

namespace Gazette.Pipeline;

/// <summary>Renders the body of every published document to HTML and gives it its permalink.</summary>
public sealed class RenderMarkdown
{
    private readonly MarkdownConverter _converter = new();

    /// <param name="published">the 主动公开 documents, with index numbers assigned.</param>
    /// <param name="all">every document read, to tell a link to an unpublished document from a link to nothing.</param>
    public IReadOnlyList<PublishedDocument> Run(IReadOnlyList<Document> published, IReadOnlyList<Document> all, SiteUrls urls, DiagnosticBag diagnostics)
    {
        var urlById = published.ToDictionary(d => d.Id, d => urls.Document(d.IndexNumber!), StringComparer.Ordinal);
        var known = all.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var results = new PublishedDocument[published.Count];
        var found = new DiagnosticBag[published.Count];
        Parallel.For(0, published.Count, i =>
        {
            var local = new DiagnosticBag();
            var document = published[i];
            var (html, outline, text) = _converter.Convert(document, (id, at) =>
            {
                if (urlById.TryGetValue(id, out var url))
                {
                    return url;
                }

                if (known.Contains(id))
                {
                    local.Error(at, Codes.NonPublicReference, $"the link names '{id}', which is not 主动公开", "remove the link");
                }
                else
                {
                    local.Error(at, Codes.UnknownDocument, $"the link names '{id}', but no document has that id",
                        DidYouMean.Hint(id, urlById.Keys) ?? "write doc:<id> where <id> is a document's id");
                }

                return null;
            }, local);
            results[i] = new PublishedDocument(document, document.IndexNumber!, urlById[document.Id], html, outline, text);
            found[i] = local;
        });
        foreach (var bag in found)
        {
            diagnostics.AddRange(bag.Items);
        }

        return results;
    }
}
