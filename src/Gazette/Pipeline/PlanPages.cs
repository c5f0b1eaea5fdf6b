using Gazette.Model;
using Gazette.OpenData;
using Gazette.Output;
using Gazette.Rendering;
using Gazette.Rendering.Views;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>
/// Decides every page of the site but the document pages (<see cref="PlanDocumentPages"/>) and what each shows: home, the
/// gazette by year and issue, the five catalogue navigations with paginated listings, the 主动公开基本目录 tree, the search
/// page and the 404 page. Pages are planned as they are enumerated, so only the pages being rendered are in memory; listings
/// show document summaries (metadata), never bodies.
/// </summary>
public sealed class PlanPages
{
    private const int LatestDocuments = 10;

    /// <param name="listingKeys">
    /// the keys of the listings' pages and of the gazette's issues and years, with a build cache: a page whose file the output folder holds as made from its key is kept
    /// (<see cref="ListingKeys.Kept"/>) and not planned; the others are planned with their key. Null: every page is planned, unkeyed.
    /// </param>
    public IEnumerable<PagePlan> Run(Archive archive, UiStrings strings, ListingKeys? listingKeys = null) => new Planner(archive, strings, listingKeys).All();

    private sealed class Planner(Archive archive, UiStrings strings, ListingKeys? listingKeys)
    {
        private readonly ViewFactory _views = ViewFactory.ForListings(archive, strings);
        private readonly SiteUrls _urls = archive.Urls;
        private readonly Site _site = archive.Config.Site;

        // The latest change of any document: what the pages that count or summarise all of them show
        private readonly DateOnly? _updated = archive.LastChanged(archive.Documents);

        public IEnumerable<PagePlan> All()
        {
            var facets = Facets();
            yield return _views.Page("home", strings["home_title"], _urls.Home, [], _site.Description, ("home", new HomeView(
                archive.Issues.Count > 0 ? _views.Issue(archive.Issues[^1], withDocuments: true) : null,
                _views.Summaries(archive.Documents.Take(LatestDocuments)),
                facets.Select(f => f.View).ToList(),
                archive.Documents.Count,
                archive.Issues.Count)), ("feed", _views.SiteFeed)) with { LastModified = Latest(_updated, LastChanged(archive.Issues)) };
            foreach (var page in PlanGazette().Concat(PlanCatalogue(facets)))
            {
                yield return page;
            }

            yield return _views.Page("search", strings["search_title"], _urls.Search, [], null);
            yield return _views.Page("data", strings["data_title"], _urls.Data, [], strings["column_data_description"], ("data", DataPage()));
            yield return _views.Page("not-found", strings["not_found_title"], _urls.NotFound, [], null);
        }

        private DataView DataPage()
        {
            var newest = archive.Documents.Count > 0 ? archive.Documents[0] : null;
            var lastIssue = archive.Issues.Count > 0 ? archive.Issues[^1].Issue.Key : (IssueKey?)null;
            return new DataView(
                _site.DataLicence is { } licence ? new LinkView(licence.Name, licence.Url) : null,
                OpenDataJson.SchemaVersion,
                newest is null ? null : ViewFactory.Date(newest.Source.Published),
                archive.Documents.Count,
                archive.Issues.Count,
                _urls.DataFile("catalogue.json"),
                _urls.DataFile("catalogue.csv"),
                _urls.DataFile("gazette.json"),
                newest is null ? null : new LinkView(newest.Source.Title, _urls.DocumentData(newest.IndexNumber)),
                lastIssue is { } key ? new LinkView(_views.IssueLabel(key), _urls.IssueData(key)) : null,
                CatalogueCsv.OrganSeparator,
                CatalogueCsv.Columns.Select(c => new DataColumnView(c.Header, c.Field, "data_field_" + c.Field.Replace('.', '_'))).ToList());
        }

        private IEnumerable<PagePlan> PlanGazette()
        {
            var years = archive.Issues.GroupBy(i => i.Issue.Key.Year).OrderByDescending(g => g.Key)
                .Select(g => (Year: g.Key, Issues: g.ToList()))
                .ToList();
            var feed = _views.GazetteFeed;
            yield return _views.Page("gazette-index", strings["gazette_title"], _urls.Gazette, [], null,
                ("years", years.Select(y => _views.Year(y.Year, y.Issues, withDocuments: false)).ToList()), ("feed", feed))
                with { LastModified = LastChanged(archive.Issues) };
            foreach (var (year, issues) in years)
            {
                var changed = LastChanged(issues);
                var key = listingKeys?.Gazette("gazette-year", _urls.Year(year), changed, issues) ?? RenderKey.None;
                if (Kept(_urls.Year(year), key, changed))
                {
                    continue;
                }

                var full = _views.Year(year, issues, withDocuments: true);
                yield return _views.Page("gazette-year", full.Label, full.Url, [_views.GazetteLink], null, ("year", full), ("feed", feed))
                    with { LastModified = changed, RenderKey = key };
            }

            foreach (var contents in archive.Issues)
            {
                var changed = archive.LastChanged(contents);
                var url = _urls.Issue(contents.Issue.Key);
                var key = listingKeys?.Gazette("gazette-issue", url, changed, [contents]) ?? RenderKey.None;
                if (Kept(url, key, changed))
                {
                    continue;
                }

                var view = _views.Issue(contents, withDocuments: true);
                var yearLink = new LinkView(strings.Format("year_label", ("year", view.Year)), _urls.Year(view.Year));
                yield return _views.Page("gazette-issue", view.Label, view.Url, [_views.GazetteLink, yearLink], null, ("issue", view), ("feed", feed))
                    with { LastModified = changed, RenderKey = key };
            }
        }

        private sealed record Facet(FacetView View, IReadOnlyList<(string Key, string Title, IReadOnlyList<PublishedDocument> Documents)> Values);

        private List<Facet> Facets()
        {
            var documents = archive.Documents;
            var config = archive.Config;

            // Every grouping in one pass over the documents (in the archive's order, which each group keeps), not one per value
            var parentOf = config.Topics.Where(t => t.ParentId is not null).ToDictionary(t => t.Id, t => t.ParentId!, StringComparer.Ordinal);
            var (byTopic, byTopTopic, byOrgan, byGenre) = (Groups<string>(), Groups<string>(), Groups<string>(), Groups<string>());
            var (byYear, byValidity) = (Groups<int>(), Groups<ValidityStatus>());
            foreach (var document in documents)
            {
                var source = document.Source;
                Add(byTopic, source.Topic, document);
                Add(byTopTopic, parentOf.GetValueOrDefault(source.Topic, source.Topic), document);
                foreach (var organ in source.Issuers)
                {
                    if (!byOrgan.TryGetValue(organ, out var listed) || !ReferenceEquals(listed[^1], document)) // each organ once
                    {
                        Add(byOrgan, organ, document);
                    }
                }

                Add(byGenre, source.Genre, document);
                Add(byYear, source.Published.Year, document);
                Add(byValidity, source.Validity.Status, document);
            }

            var topics = new List<(string Key, string Title, IReadOnlyList<PublishedDocument> Documents)>();
            var topicViews = new List<FacetValueView>();
            foreach (var topic in config.Topics.Where(t => t.ParentId is null))
            {
                var children = config.Topics.Where(t => t.ParentId == topic.Id).ToList();
                var all = Of(byTopTopic, topic.Id);
                if (all.Count == 0)
                {
                    continue;
                }

                topics.Add((topic.Id, topic.Name, all));
                var childViews = new List<FacetValueView>();
                foreach (var child in children.Where(c => Of(byTopic, c.Id).Count > 0))
                {
                    var own = Of(byTopic, child.Id);
                    topics.Add((child.Id, child.Name, own));
                    childViews.Add(new FacetValueView(child.ShortName, _urls.FacetValue(Rendering.Facets.Topics, child.Id), own.Count, []));
                }

                topicViews.Add(new FacetValueView(topic.Name, _urls.FacetValue(Rendering.Facets.Topics, topic.Id), all.Count, childViews));
            }

            var organs = config.Organs
                .Select(o => (o.Id, o.Name, Of(byOrgan, o.Id)))
                .Where(v => v.Item3.Count > 0).ToList();
            var genres = config.Genres
                .Select(g => (g.Id, g.Name, Of(byGenre, g.Id)))
                .Where(v => v.Item3.Count > 0).ToList();
            var years = byYear.OrderByDescending(y => y.Key)
                .Select(y => (y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), strings.Format("year_label", ("year", y.Key)),
                    (IReadOnlyList<PublishedDocument>)y.Value))
                .ToList();
            var validity = Enum.GetValues<ValidityStatus>()
                .Select(s => (ViewFactory.ValidityKey(s), _views.ValidityLabel(s), Of(byValidity, s)))
                .Where(v => v.Item3.Count > 0).ToList();
            return
            [
                new Facet(new FacetView(Rendering.Facets.Topics, strings["facet_topics"], _urls.Facet(Rendering.Facets.Topics), topicViews), topics),
                MakeFacet(Rendering.Facets.Organs, "facet_organs", organs),
                MakeFacet(Rendering.Facets.Genres, "facet_genres", genres),
                MakeFacet(Rendering.Facets.Years, "facet_years", years),
                MakeFacet(Rendering.Facets.Validity, "facet_validity", validity),
            ];
        }

        private static Dictionary<TKey, List<PublishedDocument>> Groups<TKey>()
            where TKey : notnull => [];

        private static void Add<TKey>(Dictionary<TKey, List<PublishedDocument>> groups, TKey key, PublishedDocument document)
            where TKey : notnull
        {
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
            }

            group.Add(document);
        }

        /// <summary>The documents of a group, in the archive's order; none when it has none.</summary>
        private static IReadOnlyList<PublishedDocument> Of<TKey>(Dictionary<TKey, List<PublishedDocument>> groups, TKey key)
            where TKey : notnull => groups.TryGetValue(key, out var group) ? group : [];

        private Facet MakeFacet(string key, string titleKey, List<(string Key, string Title, IReadOnlyList<PublishedDocument> Documents)> values) =>
            new(new FacetView(key, strings[titleKey], _urls.Facet(key),
                    values.Select(v => new FacetValueView(v.Title, _urls.FacetValue(key, v.Key), v.Documents.Count, [])).ToList()),
                values);

        private IEnumerable<PagePlan> PlanCatalogue(List<Facet> facets)
        {
            var inEntry = DocumentsByEntry();
            var tree = archive.Config.Catalogue.Select(e => EntryView(e, inEntry)).ToList();
            yield return _views.Page("catalogue-index", strings["catalogue_title"], _urls.Catalogue, [], null,
                ("facets", facets.Select(f => f.View).ToList()), ("catalogue", tree)) with { LastModified = _updated };
            foreach (var facet in facets)
            {
                var facetLink = new LinkView(facet.View.Title, facet.View.Url);
                yield return _views.Page("facet", facet.View.Title, facet.View.Url, [_views.CatalogueLink], null, ("facet", facet.View))
                    with { LastModified = _updated };
                foreach (var (key, title, documents) in facet.Values)
                {
                    var feed = _views.FacetFeed(facet.View.Key, key, title);
                    foreach (var page in PlanListing(title, documents, facetLink, null, feed, page => _urls.FacetValue(facet.View.Key, key, page)))
                    {
                        yield return page;
                    }
                }
            }

            var treeLink = new LinkView(strings["catalogue_tree"], _urls.Catalogue);
            foreach (var entry in Flatten(tree))
            {
                var documents = inEntry[entry.Id];
                foreach (var page in PlanListing(entry.Name, documents, treeLink, entry, null, page => _urls.Entry(entry.Id, page)))
                {
                    yield return page;
                }
            }
        }

        /// <summary>Whether the page at <paramref name="url"/>, keyed, was kept as the output folder holds it (it is then not planned).</summary>
        private bool Kept(string url, RenderKey key, DateOnly? changed) => !key.IsNone && listingKeys!.Kept(url, key, changed);

        private DateOnly? LastChanged(IEnumerable<IssueContents> issues) =>
            issues.Select(i => (DateOnly?)archive.LastChanged(i)).Max();

        private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null || b > a ? b : a;

        private static IEnumerable<CatalogueEntryView> Flatten(IEnumerable<CatalogueEntryView> entries) =>
            entries.SelectMany(e => Flatten(e.Children).Prepend(e));

        /// <summary>
        /// The documents in each entry of the 主动公开基本目录 tree, in the archive's order: those placed in it or in an entry
        /// below it, each once. One pass over the documents, each placement going up the tree.
        /// </summary>
        private Dictionary<string, List<PublishedDocument>> DocumentsByEntry()
        {
            var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
            void Walk(IEnumerable<CatalogueEntry> entries, string? parent)
            {
                foreach (var entry in entries)
                {
                    parents[entry.Id] = parent;
                    Walk(entry.Children, entry.Id);
                }
            }

            Walk(archive.Config.Catalogue, null);
            var inEntry = parents.Keys.ToDictionary(id => id, _ => new List<PublishedDocument>(), StringComparer.Ordinal);
            foreach (var document in archive.Documents)
            {
                foreach (var placed in document.Source.Catalogue)
                {
                    for (var id = parents.ContainsKey(placed) ? placed : null; id is not null; id = parents[id])
                    {
                        var documents = inEntry[id];
                        if (documents.Count > 0 && ReferenceEquals(documents[^1], document))
                        {
                            break; // placed in this entry already (so in those above too), by another of its placements
                        }

                        documents.Add(document);
                    }
                }
            }

            return inEntry;
        }

        private CatalogueEntryView EntryView(CatalogueEntry entry, Dictionary<string, List<PublishedDocument>> inEntry)
        {
            var children = entry.Children.Select(c => EntryView(c, inEntry)).ToList();
            return new CatalogueEntryView(entry.Id, entry.Name, _urls.Entry(entry.Id), entry.Description, entry.Subject, entry.TimeLimit,
                entry.Method, _views.PeriodLabel(entry.Period), inEntry[entry.Id].Count, children);
        }

        /// <param name="feed">the Atom feed of the same documents, for an organ or a topic.</param>
        private IEnumerable<PagePlan> PlanListing(string title, IReadOnlyList<PublishedDocument> documents, LinkView parent, CatalogueEntryView? entry,
            LinkView? feed, Func<int, string> url)
        {
            // Every page of a listing moves when a document joins it, so each has the latest change of them all
            var changed = archive.LastChanged(documents);
            var size = _site.PageSize;
            var pageCount = Math.Max(1, (documents.Count + size - 1) / size);
            var keyOfListing = listingKeys?.Listing(title, parent, entry, feed, documents.Count, pageCount, changed);
            for (var page = 1; page <= pageCount; page++)
            {
                var shown = documents.Skip((page - 1) * size).Take(size);
                var pageUrl = url(page);
                var key = keyOfListing is { } listed ? listingKeys!.Page(listed, pageUrl, page, shown) : RenderKey.None;
                if (Kept(pageUrl, key, changed))
                {
                    continue;
                }

                var listing = new ListingView(title, parent, entry, documents.Count, _views.Summaries(shown), _views.Pagination(page, pageCount, url));
                var pageTitle = page == 1 ? title : $"{title} · {strings.Format("page_label", ("page", page))}";
                var catalogueLink = _views.CatalogueLink;
                IReadOnlyList<LinkView> trail = parent.Url == catalogueLink.Url ? [catalogueLink] : [catalogueLink, parent];
                yield return _views.Page("listing", pageTitle, pageUrl, trail, entry?.Description, ("listing", listing), ("feed", feed))
                    with { LastModified = changed, RenderKey = key };
            }
        }
    }
}
