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
    private readonly Lazy<Dictionary<PublishedDocument, int>> _positions;
    private readonly Dictionary<IssueKey, IssueContents> _issues;

    // LastChanged of each document, as a day number, in the archive's order: listings ask for each of their documents'
    private readonly Lazy<int[]> _changedDays;

    public Archive(SiteConfiguration config, SiteUrls urls, IReadOnlyList<PublishedDocument> documents, IReadOnlyList<IssueContents> issues)
    {
        Config = config;
        Urls = urls;
        Documents = documents.OrderByDescending(d => d.Source.Published).ThenBy(d => d.IndexNumber, StringComparer.Ordinal).ToList();
        Issues = issues.OrderBy(i => i.Issue.Key).ToList();
        _issues = Issues.DistinctBy(i => i.Issue.Key).ToDictionary(i => i.Issue.Key);
        _byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _interpretations = Documents.Where(d => d.Source.Interprets is not null).ToLookup(d => d.Source.Interprets!, StringComparer.Ordinal);
        _superseded = Documents.Where(d => d.Source.Validity.SuccessorId is not null).ToLookup(d => d.Source.Validity.SuccessorId!, StringComparer.Ordinal);
        _positions = new(() => Documents.Index().ToDictionary(d => d.Item, d => d.Index, (IEqualityComparer<PublishedDocument>)ReferenceEqualityComparer.Instance));
        for (var i = 0; i < Documents.Count; i++)
        {
            Documents[i].Position = i;
        }

        _changedDays = new(() => [.. Documents.Select(d => LastChanged(d).DayNumber)]);
    }

    public SiteConfiguration Config { get; }

    /// <summary>
    /// The latest publication date in the archive (null when nothing is published): the build's "today", never the clock, so
    /// the same content always gives the same bytes.
    /// </summary>
    public DateOnly? Newest => Documents.Count > 0 ? Documents[0].Source.Published : null;

    /// <summary>
    /// The latest date on which <paramref name="document"/> changed as its page shows it: its publication date, or the date its
    /// validity changed (repealed, expired, amended) when that is later but not after <see cref="Newest"/> (a validity date
    /// still to come is not yet a change). Feeds' <c>updated</c> and the sitemap's <c>lastmod</c>.
    /// </summary>
    public DateOnly LastChanged(PublishedDocument document)
    {
        var published = document.Source.Published;
        return document.Source.Validity.Date is { } date && date > published && date <= Newest ? date : published;
    }

    /// <summary>The latest <see cref="LastChanged"/> of <paramref name="documents"/>, or null when there are none.</summary>
    public DateOnly? LastChanged(IEnumerable<PublishedDocument> documents)
    {
        var days = _changedDays.Value;
        var latest = -1;
        foreach (var document in documents)
        {
            latest = Math.Max(latest, Holds(document, out var at) ? days[at] : LastChanged(document).DayNumber);
        }

        return latest < 0 ? null : DateOnly.FromDayNumber(latest);
    }

    /// <summary>The latest date an issue's page changed: its own date or a later change of a document it prints.</summary>
    public DateOnly LastChanged(IssueContents issue) =>
        LastChanged(issue.Sections.SelectMany(s => s.Documents)) is { } changed && changed > issue.Issue.Date ? changed : issue.Issue.Date;

    public SiteUrls Urls { get; }

    /// <summary>Published documents, newest first.</summary>
    public IReadOnlyList<PublishedDocument> Documents { get; }

    /// <summary>Gazette issues, oldest first.</summary>
    public IReadOnlyList<IssueContents> Issues { get; }

    public PublishedDocument? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The issue of <paramref name="key"/> with its contents; null when the gazette has none.</summary>
    public IssueContents? FindIssue(IssueKey key) => _issues.GetValueOrDefault(key);

    /// <summary>Where <paramref name="document"/>, one of <see cref="Documents"/>, is among them (its search index id).</summary>
    public int IndexOf(PublishedDocument document) => Holds(document, out var at) ? at : _positions.Value[document];

    /// <summary>Whether <paramref name="document"/> is where its <see cref="PublishedDocument.Position"/> says among <see cref="Documents"/>.</summary>
    internal bool Holds(PublishedDocument document, out int at)
    {
        at = document.Position;
        return (uint)at < (uint)Documents.Count && ReferenceEquals(Documents[at], document);
    }

    public IEnumerable<PublishedDocument> InterpretationsOf(string id) => _interpretations[id];

    public IEnumerable<PublishedDocument> SupersededBy(string id) => _superseded[id];
}
