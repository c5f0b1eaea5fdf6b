using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>Keeps only 主动公开 documents; 依申请公开 and 不予公开 documents stop here and reach no later stage.</summary>
public sealed class SelectPublicDocuments
{
    public IReadOnlyList<Document> Run(IReadOnlyList<Document> documents) =>
        documents.Where(d => d.IsPublic).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
}
