using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>Keeps only the published documents (主动公开, not drafts); 依申请公开 and 不予公开 documents and drafts stop here and reach no later stage.</summary>
public sealed class SelectPublicDocuments
{
    public IReadOnlyList<Document> Run(IReadOnlyList<Document> documents) =>
        documents.Where(d => d.IsPublic).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
}
