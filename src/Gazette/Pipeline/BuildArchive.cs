using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>
/// Assembles the published documents, each with its permalink, and the gazette issues into the <see cref="Archive"/> that
/// pages are made from.
/// </summary>
public sealed class BuildArchive
{
    /// <param name="published">the 主动公开 documents, with index numbers assigned.</param>
    public Archive Run(SiteConfiguration config, SiteUrls urls, IReadOnlyList<Document> published, IReadOnlyList<Issue> issues)
    {
        var documents = published.Select(d => new PublishedDocument(d, d.IndexNumber!, urls.Document(d.IndexNumber!))).ToList();
        var placed = documents.Where(d => d.Source.Gazette is not null).ToLookup(d => d.Source.Gazette!.IssueKey);
        var contents = issues.Select(issue => new IssueContents(issue, issue.Sections
                .Select(section => (section, (IReadOnlyList<PublishedDocument>)placed[issue.Key]
                    .Where(d => d.Source.Gazette!.Section == section)
                    .OrderBy(d => d.Source.Gazette!.Order)
                    .ToList()))
                .ToList()))
            .ToList();
        return new Archive(config, urls, documents, contents);
    }
}
