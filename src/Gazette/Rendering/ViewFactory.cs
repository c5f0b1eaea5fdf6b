using System.Globalization;
using Gazette.Model;
using Gazette.Rendering.Views;
using Gazette.Theme;

namespace Gazette.Rendering;

/// <summary>Makes the records templates see from the archive, with labels in the site's language.</summary>
public sealed class ViewFactory(Archive archive, UiStrings strings)
{
    private readonly SiteConfiguration _config = archive.Config;
    private readonly SiteUrls _urls = archive.Urls;
    private MainNavigation? _nav;

    // Each document's summary by its place in the archive, made once and given again to every list that shows it; null: made
    // for each list (ForListings)
    private DocumentSummaryView?[]? _summaries;

    /// <summary>
    /// A factory for the pages that list the archive's documents: each document's summary is made once and given again to every
    /// list that shows it (a document is in five of the catalogue's listings, its gazette issue and the home page).
    /// </summary>
    public static ViewFactory ForListings(Archive archive, UiStrings strings) =>
        new(archive, strings) { _summaries = new DocumentSummaryView?[archive.Documents.Count] };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string ValidityKey(ValidityStatus status) => status switch
    {
        ValidityStatus.Valid => "valid",
        ValidityStatus.Expired => "expired",
        ValidityStatus.Repealed => "repealed",
        _ => "amended",
    };

    public string ValidityLabel(ValidityStatus status) => strings["validity_" + ValidityKey(status)];

    public ValidityView Validity(Validity validity)
    {
        var successor = validity.SuccessorId is { } id && archive.Find(id) is { } d ? new LinkView(d.Source.Title, d.Url) : null;
        return new ValidityView(ValidityKey(validity.Status), ValidityLabel(validity.Status), validity.Status == ValidityStatus.Valid,
            validity.Date is { } date ? Date(date) : null, successor, validity.Note);
    }

    public string OrganNames(Document document) =>
        string.Join("、", document.Issuers.Select(id => _config.FindOrgan(id)?.Name ?? id));

    public DocumentSummaryView Summary(PublishedDocument document)
    {
        if (_summaries is null || !archive.Holds(document, out var at))
        {
            return NewSummary(document);
        }

        return _summaries[at] ??= NewSummary(document); // two threads may make it both: the same summary
    }

    private DocumentSummaryView NewSummary(PublishedDocument document)
    {
        var source = document.Source;
        return new DocumentSummaryView(source.Title, document.Url, source.DocNumber, document.IndexNumber, OrganNames(source),
            Date(source.Written), Date(source.Published), TopicName(source.Topic), GenreName(source.Genre), Validity(source.Validity), source.Summary);
    }

    public IReadOnlyList<DocumentSummaryView> Summaries(IEnumerable<PublishedDocument> documents) => documents.Select(Summary).ToList();

    public LinkView HomeLink => new(strings["nav_home"], _urls.Home);

    public LinkView GazetteLink => new(strings["nav_gazette"], _urls.Gazette);

    public LinkView CatalogueLink => new(strings["nav_catalogue"], _urls.Catalogue);

    /// <summary>The main navigation: home, gazette, catalogue and the catalogue's five navigations, in that order.</summary>
    private MainNavigation Navigation => _nav ??= new MainNavigation( // the same lists from any thread: made again at worst, never different
        [HomeLink, GazetteLink, CatalogueLink, .. new[] { Facets.Topics, Facets.Organs, Facets.Genres, Facets.Years, Facets.Validity }
            .Select(facet => new LinkView(strings["facet_" + facet], _urls.Facet(facet)))],
        _urls.Home, _urls.Gazette);

    /// <summary>The Atom feed of the whole site, titled as the feed is; null when nothing is published (there is no feed then).</summary>
    public LinkView? SiteFeed => archive.Documents.Count > 0
        ? new LinkView(strings.Format("feed_title_site", ("site", _config.Site.Name)), _urls.Feed)
        : null;

    /// <summary>The Atom feed of the gazette; null when it has no issue (there is no feed then).</summary>
    public LinkView? GazetteFeed => archive.Issues.Count > 0
        ? new LinkView(strings.Format("feed_title_gazette", ("site", _config.Site.Name)), _urls.GazetteFeed)
        : null;

    /// <summary>
    /// The Atom feed of one organ's or one topic's documents (<paramref name="facet"/> is <see cref="Facets.Organs"/> or
    /// <see cref="Facets.Topics"/>), titled with its <paramref name="name"/>; null for the other navigations, which have none.
    /// </summary>
    public LinkView? FacetFeed(string facet, string key, string name) => facet switch
    {
        Facets.Organs => new LinkView(strings.Format("feed_title_organ", ("site", _config.Site.Name), ("organ", name)), _urls.FacetFeed(facet, key)),
        Facets.Topics => new LinkView(strings.Format("feed_title_topic", ("site", _config.Site.Name), ("topic", name)), _urls.FacetFeed(facet, key)),
        _ => null,
    };

    /// <summary>A page of <paramref name="kind"/>: its breadcrumbs (home, <paramref name="trail"/>, the page), canonical URL and variables.</summary>
    public PagePlan Page(string kind, string title, string url, IReadOnlyList<LinkView> trail, string? description, params (string Name, object? Value)[] values)
    {
        var site = _config.Site;
        var breadcrumbs = url == _urls.Home ? [] : trail.Prepend(HomeLink).Append(new LinkView(title, url)).ToList();
        var canonical = SiteUrls.Absolute(site.BaseUrl, _urls.BasePath, url);
        var (nav, navKey) = Navigation.For(kind, url, breadcrumbs);
        return new PagePlan(kind, new PageView(kind, title, url, canonical, description, breadcrumbs) { Nav = nav, NavKey = navKey },
            values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));
    }

    /// <summary>The page of a document, under its gazette issue when it has one, else under its topic.</summary>
    public PagePlan DocumentPage(PublishedDocument document, RenderedBody body)
    {
        var view = Document(document, body);
        IReadOnlyList<LinkView> trail = view.Gazette is { } placement
            ? [GazetteLink, new LinkView(strings.Format("year_label", ("year", document.Source.Gazette!.Year)), _urls.Year(document.Source.Gazette.Year)), placement.Issue]
            : [CatalogueLink, view.Topic];
        return Page("document", view.Title, view.Url, trail, document.Source.Summary, ("document", view)) with { LastModified = archive.LastChanged(document) };
    }

    public DocumentView Document(PublishedDocument document, RenderedBody body)
    {
        var source = document.Source;
        var placement = source.Gazette is { } g
            ? new PlacementView(new LinkView(IssueLabel(g.IssueKey), _urls.Issue(g.IssueKey)), g.Section, g.Order)
            : null;
        var genre = _config.FindGenre(source.Genre);
        return new DocumentView(
            source.Title,
            document.Url,
            source.DocNumber,
            document.IndexNumber,
            source.Issuers.Select(id => new LinkView(_config.FindOrgan(id)?.Name ?? id, _urls.FacetValue(Facets.Organs, id))).ToList(),
            Date(source.Written),
            Date(source.Published),
            new LinkView(TopicName(source.Topic), _urls.FacetValue(Facets.Topics, source.Topic)),
            new LinkView(GenreName(source.Genre), _urls.FacetValue(Facets.Genres, source.Genre)),
            source.Summary,
            Validity(source.Validity),
            PageText.Mark(body.Html), // the search page reads the text from between the markers
            body.TextSha256,
            body.Outline.Select(h => new OutlineItemView(h.Text, "#" + h.Id, h.Level)).ToList(),
            source.Attachments.Select(a => new AttachmentView(a.Title, _urls.Attachment(document.IndexNumber, a.FileName), a.FileName,
                FileSize(a.Size), FileType(a.FileName))).ToList(),
            source.Interprets is { } policy && archive.Find(policy) is { } p ? Summary(p) : null,
            Summaries(archive.InterpretationsOf(source.Id)),
            Summaries(archive.SupersededBy(source.Id)),
            placement,
            source.Catalogue.Select(id => _config.FindEntry(id)!).Select(e => new LinkView(e.Name, _urls.Entry(e.Id))).ToList(),
            genre?.IsInterpretation ?? false,
            JsonLd.Legislation(archive, document, body.TextSha256));
    }

    public string TopicName(string id) => _config.FindTopic(id)?.Name ?? id;

    public string GenreName(string id) => _config.FindGenre(id)?.Name ?? id;

    public string IssueLabel(IssueKey key) => strings.Format("issue_label", ("year", key.Year), ("number", key.Number));

    public IssueView Issue(IssueContents contents, bool withDocuments)
    {
        var issue = contents.Issue;
        var index = archive.Issues.ToList().FindIndex(i => i.Issue.Key == issue.Key);
        LinkView? Neighbour(int at) => at >= 0 && at < archive.Issues.Count
            ? new LinkView(IssueLabel(archive.Issues[at].Issue.Key), _urls.Issue(archive.Issues[at].Issue.Key))
            : null;
        var sections = withDocuments
            ? contents.Sections.Where(s => s.Documents.Count > 0).Select(s => new SectionView(s.Section, Summaries(s.Documents))).ToList()
            : [];
        return new IssueView(issue.Key.Year, issue.Key.Number, issue.Total, IssueLabel(issue.Key),
            issue.Total is { } total ? strings.Format("issue_total_label", ("total", total)) : null,
            issue.Title, Date(issue.Date), _urls.Issue(issue.Key), contents.DocumentCount, sections,
            Neighbour(index - 1), Neighbour(index + 1));
    }

    public YearView Year(int year, IEnumerable<IssueContents> issues, bool withDocuments)
    {
        var list = issues.ToList();
        return new YearView(year, strings.Format("year_label", ("year", year)), _urls.Year(year), list.Sum(i => i.DocumentCount),
            list.Select(i => Issue(i, withDocuments)).ToList());
    }

    public PaginationView Pagination(int page, int pageCount, Func<int, string> url)
    {
        LinkView? Link(int n) => n >= 1 && n <= pageCount ? new LinkView(strings.Format("page_label", ("page", n)), url(n)) : null;
        // The first and last page, the window around this page, and one step beyond the window on each side for the gaps.
        var pages = Enumerable.Range(page - PaginationView.Window - 1, 2 * PaginationView.Window + 3).Append(1).Append(pageCount)
            .Where(n => n >= 1 && n <= pageCount)
            .Distinct()
            .Order()
            .Select(n => (Number: n, Shown: n == 1 || n == pageCount || Math.Abs(n - page) <= PaginationView.Window))
            .Select(p => new PageLinkView(p.Number, url(p.Number), p.Number == page, Gap: !p.Shown))
            .ToList();
        return new PaginationView(page, pageCount, Link(page - 1), Link(page + 1), pages);
    }

    public string? PeriodLabel(string? period) => period is null ? null : strings["period_" + period];

    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    public static string FileType(string fileName)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.');
        return extension.Length == 0 ? "FILE" : extension.ToUpperInvariant();
    }
}
