using Gazette.Feeds;
using Gazette.Model;
using Gazette.Output;
using Gazette.Rendering;
using Gazette.Rendering.Views;
using Gazette.Theme;

namespace Gazette.Pipeline;

/// <summary>
/// Makes the Atom feeds (RFC 4287): the whole site's, one per organ and one per topic (its newest
/// <see cref="EntriesPerFeed"/> documents by publication date, an entry each), and the gazette's (its newest issues, an entry
/// each with its contents: a reader who follows a gazette waits for the next issue, and its documents are in the other
/// feeds). There is a feed exactly where there is a listing page to link it from. Documents are sorted into feeds in one pass
/// over the archive and a feed keeps only its newest entries, so the time is linear and the memory small however large the
/// archive. Entries show metadata only (title, 内容概述, organs, dates, topic and genre), never a body. Pure.
/// </summary>
public sealed class BuildFeeds
{
    /// <summary>How many entries a feed holds.</summary>
    public const int EntriesPerFeed = 50;

    public IReadOnlyList<OutputFile> Run(Archive archive, UiStrings strings) => Run(archive, strings, null, null);

    /// <summary>The feeds, each keyed by what it is made from; one <paramref name="kept"/> keeps is not made.</summary>
    /// <param name="keys">with a build cache, the keys of what pages and feeds show (<see cref="ListingKeys"/>).</param>
    /// <param name="kept">given each feed's path and key: whether the output folder holds it as made from that key (<see cref="WriteSite.Reuse"/>).</param>
    public IReadOnlyList<OutputFile> Run(Archive archive, UiStrings strings, ListingKeys? keys, Func<string, RenderKey, bool>? kept)
    {
        var config = archive.Config;
        var site = config.Site;
        var urls = archive.Urls;
        var views = new ViewFactory(archive, strings);
        string Absolute(string url) => new Uri(SiteUrls.Absolute(site.BaseUrl, site.BasePath, url)).AbsoluteUri;

        var files = new List<OutputFile>();
        void Add(LinkView? link, string page, RenderKey key, Func<IReadOnlyList<AtomEntry>> entriesOf)
        {
            if (link is null || (!key.IsNone && kept!(urls.ToOutputPath(link.Url), key)))
            {
                return;
            }

            var entries = entriesOf();
            var feed = new AtomFeed(Absolute(link.Url), link.Title, site.Description, entries.Max(e => e.Updated), Absolute(link.Url),
                Absolute(page), site.Publisher, site.Language, entries);
            files.Add(new OutputFile(urls.ToOutputPath(link.Url), AtomWriter.Write(feed)) { RenderKey = key });
        }

        // A feed of documents: none when it has none; keyed by them (with their latest changes, which the newest document decides)
        void AddDocuments(LinkView? link, string page, IReadOnlyList<PublishedDocument> documents)
        {
            if (documents.Count > 0)
            {
                var key = keys is null || link is null ? RenderKey.None
                    : keys.Feed(link.Url, documents.Select(d => (d, archive.LastChanged(d).DayNumber)));
                Add(link, page, key, () => [.. documents.Select(EntryOf)]);
            }
        }

        // One pass, newest first: each document goes into the site's feed, its organs' and its topic's (and the topic's parent's,
        // whose listing shows its children's documents too), each feed up to its limit. An entry is made once, for a document
        // that some feed takes, so the rest of a large archive costs a few lookups each.
        var entries = new Dictionary<PublishedDocument, AtomEntry>(ReferenceEqualityComparer.Instance);
        AtomEntry EntryOf(PublishedDocument document) =>
            entries.TryGetValue(document, out var entry) ? entry : entries[document] = Entry(archive, views, document, Absolute);
        void Put(Dictionary<string, List<PublishedDocument>> feeds, string key, PublishedDocument document)
        {
            if (!feeds.TryGetValue(key, out var feed))
            {
                feeds[key] = feed = [];
            }

            if (feed.Count < EntriesPerFeed)
            {
                feed.Add(document);
            }
        }

        var latest = new List<PublishedDocument>();
        var organs = new Dictionary<string, List<PublishedDocument>>(StringComparer.Ordinal);
        var topics = new Dictionary<string, List<PublishedDocument>>(StringComparer.Ordinal);
        foreach (var document in archive.Documents)
        {
            if (latest.Count < EntriesPerFeed)
            {
                latest.Add(document);
            }

            foreach (var organ in document.Source.Issuers.Distinct(StringComparer.Ordinal))
            {
                Put(organs, organ, document);
            }

            var topic = config.FindTopic(document.Source.Topic);
            Put(topics, topic?.Id ?? document.Source.Topic, document);
            if (topic?.ParentId is { } parent)
            {
                Put(topics, parent, document);
            }
        }

        AddDocuments(views.SiteFeed, urls.Home, latest);
        foreach (var organ in config.Organs)
        {
            AddDocuments(views.FacetFeed(Facets.Organs, organ.Id, organ.Name), urls.FacetValue(Facets.Organs, organ.Id), organs.GetValueOrDefault(organ.Id) ?? []);
        }

        foreach (var topic in config.Topics)
        {
            AddDocuments(views.FacetFeed(Facets.Topics, topic.Id, topic.Name), urls.FacetValue(Facets.Topics, topic.Id), topics.GetValueOrDefault(topic.Id) ?? []);
        }

        var issues = archive.Issues.OrderByDescending(i => i.Issue.Date).ThenByDescending(i => i.Issue.Key).Take(EntriesPerFeed).ToList();
        if (issues.Count > 0)
        {
            var gazette = keys is null || views.GazetteFeed is not { } feed ? RenderKey.None
                : keys.Gazette("feed", feed.Url, null, issues, archive.LastChanged); // its updated is its entries' latest, each keyed
            Add(views.GazetteFeed, urls.Gazette, gazette, () => [.. issues.Select(i => Entry(archive, views, strings, i, Absolute))]);
        }

        return files;
    }

    private static AtomEntry Entry(Archive archive, ViewFactory views, PublishedDocument document, Func<string, string> absolute)
    {
        var source = document.Source;
        var config = archive.Config;
        var urls = archive.Urls;
        var url = absolute(document.Url);
        return new AtomEntry(url, source.Title, url, source.Published, archive.LastChanged(document),
            source.Issuers.Select(id => new AtomPerson(config.FindOrgan(id)?.Name ?? id, absolute(urls.FacetValue(Facets.Organs, id)))).ToList(),
            string.IsNullOrWhiteSpace(source.Summary) ? null : source.Summary,
            [
                new AtomCategory(source.Topic, absolute(urls.Facet(Facets.Topics)), views.TopicName(source.Topic)),
                new AtomCategory(source.Genre, absolute(urls.Facet(Facets.Genres)), views.GenreName(source.Genre)),
            ]);
    }

    /// <summary>A title in quotation marks (《…》), the marks inside it made inner ones (〈…〉), as a title that names another is printed.</summary>
    private static string Quoted(UiStrings strings, string title) =>
        strings["quote_open"]
        + title.Replace(strings["quote_open"], strings["quote_inner_open"], StringComparison.Ordinal)
            .Replace(strings["quote_close"], strings["quote_inner_close"], StringComparison.Ordinal)
        + strings["quote_close"];

    /// <summary>An issue: its label (and title, e.g. 特刊), its date, and its contents section by section as plain text.</summary>
    private static AtomEntry Entry(Archive archive, ViewFactory views, UiStrings strings, IssueContents contents, Func<string, string> absolute)
    {
        var issue = contents.Issue;
        var title = strings.Format("feed_issue_title", ("issue", views.IssueLabel(issue.Key)));
        if (issue.Title is { } special)
        {
            title += " " + special;
        }

        var sections = contents.Sections.Where(s => s.Documents.Count > 0)
            .Select(s => strings.Format("feed_issue_section", ("section", s.Section),
                ("titles", string.Join(strings["list_separator"], s.Documents.Select(d => Quoted(strings, d.Source.Title))))));
        var summary = strings.Format("feed_issue_summary", ("count", contents.DocumentCount), ("contents", string.Join(strings["feed_section_separator"], sections)));
        var url = absolute(archive.Urls.Issue(issue.Key));
        return new AtomEntry(url, title, url, issue.Date, archive.LastChanged(contents), [], summary.Trim(), []);
    }
}
