namespace Gazette.Model;

/// <summary>
/// Everything that will be published, with the relations pages show: documents newest first, gazette issues with their
/// contents, interpretations of each policy and the documents each document repealed or amended.
/// </summary>
public sealed class Archive
{
    private readonly Dictionary<string, PublishedDocument> _byId;
    private readonly ILookup<string, PublishedDocument> _interpretations;
    private readonly ILookup<string, PublishedDocument> _superseded;

    public Archive(SiteConfiguration config, SiteUrls urls, IReadOnlyList<PublishedDocument> documents, IReadOnlyList<IssueContents> issues)
    {
        Config = config;
        Urls = urls;
        Documents = documents.OrderByDescending(d => d.Source.Published).ThenBy(d => d.IndexNumber, StringComparer.Ordinal).ToList();
        Issues = issues.OrderBy(i => i.Issue.Key).ToList();
        _byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _interpretations = Documents.Where(d => d.Source.Interprets is not null).ToLookup(d => d.Source.Interprets!, StringComparer.Ordinal);
        _superseded = Documents.Where(d => d.Source.Validity.SuccessorId is not null).ToLookup(d => d.Source.Validity.SuccessorId!, StringComparer.Ordinal);
    }

    public SiteConfiguration Config { get; }

    public SiteUrls Urls { get; }

    /// <summary>Published documents, newest first.</summary>
    public IReadOnlyList<PublishedDocument> Documents { get; }

    /// <summary>Gazette issues, oldest first.</summary>
    public IReadOnlyList<IssueContents> Issues { get; }

    public PublishedDocument? Find(string id) => _byId.GetValueOrDefault(id);

    public IEnumerable<PublishedDocument> InterpretationsOf(string id) => _interpretations[id];

    public IEnumerable<PublishedDocument> SupersededBy(string id) => _superseded[id];
}
