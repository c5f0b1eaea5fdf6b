using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>Assembles the published documents and gazette issues into the <see cref="Archive"/> that pages are made from.</summary>
public sealed class BuildArchive
{
    public Archive Run(SiteConfiguration config, SiteUrls urls, IReadOnlyList<PublishedDocument> documents, IReadOnlyList<Issue> issues)
    {
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
