using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Gazette.Tests.Sample;

namespace Gazette.Tests.Feeds;

/// <summary>The feeds, sitemap and robots.txt of the sample site, against their schemas and the rules a schema cannot state.</summary>
public sealed class SampleFeedTests(SampleSite site) : IClassFixture<SampleSite>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string BaseUrl = "https://gazette-sample.netlify.app/";

    private List<string> Feeds => site.Files.Where(f => f.EndsWith("feed.xml", StringComparison.Ordinal)).ToList();

    private byte[] Bytes(string path) => File.ReadAllBytes(Path.Combine(site.Output, path));

    [Fact]
    public void The_site_the_gazette_and_every_organ_and_topic_with_documents_have_a_feed()
    {
        var feeds = Feeds;
        Assert.Contains("feed.xml", feeds);
        Assert.Contains("gazette/feed.xml", feeds);
        var organListings = site.Files.Where(f => f.StartsWith("catalogue/organs/", StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal)
            && f.Count(c => c == '/') == 3).Select(f => f[..^"index.html".Length] + "feed.xml").ToList();
        var topicListings = site.Files.Where(f => f.StartsWith("catalogue/topics/", StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal)
            && f.Count(c => c == '/') == 3).Select(f => f[..^"index.html".Length] + "feed.xml").ToList();
        Assert.True(organListings.Count >= 5 && topicListings.Count >= 3, $"{organListings.Count} organ and {topicListings.Count} topic listings");
        Assert.Equal(organListings.Concat(topicListings).Append("feed.xml").Append("gazette/feed.xml").Order(StringComparer.Ordinal), feeds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_feed_of_the_sample_is_valid_against_the_Atom_schema()
    {
        Assert.NotEmpty(Feeds);
        Assert.All(Feeds, feed => Assert.True(XmlSchemas.Problems(XmlSchemas.Atom, Bytes(feed)) is [] , feed + ":\n" + string.Join("\n", XmlSchemas.Problems(XmlSchemas.Atom, Bytes(feed)))));
    }

    [Fact]
    public void Every_feed_of_the_sample_keeps_the_rules_of_RFC_4287_that_a_schema_cannot_state()
    {
        Assert.All(Feeds, feed => Assert.True(FeedRules.Problems(XDocument.Load(Path.Combine(site.Output, feed))) is [],
            feed + ":\n" + string.Join("\n", FeedRules.Problems(XDocument.Load(Path.Combine(site.Output, feed))))));
    }

    [Fact]
    public void The_site_feed_holds_the_published_documents_newest_first_with_their_organ_summary_and_topic()
    {
        var feed = XDocument.Load(Path.Combine(site.Output, "feed.xml")).Root!;
        var entries = feed.Elements(Atom + "entry").ToList();
        var published = site.Documents.Where(d => d.IsPublic).OrderByDescending(d => d.Published).ToList();
        Assert.Equal(published.Count, entries.Count);
        Assert.Equal(published.Select(d => d.Published.ToString("yyyy-MM-dd") + "T00:00:00+08:00"),
            entries.Select(e => e.Element(Atom + "published")!.Value));

        var document = site.Find("tongliang-2019-16");
        var entry = entries.Single(e => e.Element(Atom + "title")!.Value == document.Title);
        var url = BaseUrl + "documents/" + document.IndexNumber + "/";
        Assert.Equal(url, entry.Element(Atom + "id")!.Value);
        Assert.Equal(url, entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal(document.Summary, entry.Element(Atom + "summary")!.Value);
        Assert.Equal("重庆市铜梁区人民政府办公室", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Contains(entry.Elements(Atom + "category"), c => c.Attribute("term")!.Value == document.Topic);
        Assert.Equal(BaseUrl + "feed.xml", feed.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "self").Attribute("href")!.Value);
    }

    [Fact]
    public void The_gazette_feed_has_an_entry_per_issue_newest_first_with_its_contents()
    {
        var feed = XDocument.Load(Path.Combine(site.Output, "gazette/feed.xml")).Root!;
        var entries = feed.Elements(Atom + "entry").ToList();
        var issues = site.Files.Count(f => System.Text.RegularExpressions.Regex.IsMatch(f, @"^gazette/\d{4}/\d+/index\.html$"));
        Assert.Equal(issues, entries.Count);
        Assert.Equal(BaseUrl + "gazette/2019/2/", entries[0].Element(Atom + "id")!.Value);
        Assert.Equal("政府公报2019年第2期", entries[0].Element(Atom + "title")!.Value);
        var summary = entries[0].Element(Atom + "summary")!.Value;
        Assert.Contains("《重庆市铜梁区人民政府办公室关于进一步做好政务公开和政府网站及政务新媒体有关工作的通知》", summary, StringComparison.Ordinal);
        Assert.Contains("《〈重庆市铜梁区人民政府办公室关于进一步做好政务公开和政府网站及政务新媒体有关工作的通知〉解读》", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sitemap_is_valid_and_lists_every_page_but_search_and_404_once_with_a_date()
    {
        Assert.Empty(XmlSchemas.Problems(XmlSchemas.Sitemap, Bytes("sitemap.xml")));
        var urls = XDocument.Load(Path.Combine(site.Output, "sitemap.xml")).Root!.Elements(Sitemap + "url").ToList();
        var locations = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        // The administration page (admin/index.html) is for editors, not readers: noindex, and not in the sitemap.
        var pages = site.Files.Where(f => f.EndsWith("index.html", StringComparison.Ordinal) && f is not ("search/index.html" or "admin/index.html"))
            .Select(f => BaseUrl + f[..^"index.html".Length]);
        Assert.Equal(pages.Order(StringComparer.Ordinal), locations.Order(StringComparer.Ordinal));
        Assert.Equal(locations.Count, locations.Distinct().Count());

        var document = site.Find("tongliang-2019-16");
        var entry = urls.Single(u => u.Element(Sitemap + "loc")!.Value == BaseUrl + "documents/" + document.IndexNumber + "/");
        Assert.Equal(document.Published.ToString("yyyy-MM-dd"), entry.Element(Sitemap + "lastmod")!.Value);
    }

    [Fact]
    public void Robots_txt_allows_everything_and_names_the_sitemap_by_its_absolute_URL()
    {
        Assert.Equal($"User-agent: *\nAllow: /\n\nSitemap: {BaseUrl}sitemap.xml\n", site.Read("robots.txt"));
    }

    [Fact]
    public void The_home_the_gazette_and_every_organ_and_topic_listing_name_their_feed_in_the_head_and_show_a_link_to_it()
    {
        var parser = new HtmlParser();
        var pages = site.Files.Where(f => f == "index.html" || f == "gazette/index.html"
            || ((f.StartsWith("catalogue/organs/", StringComparison.Ordinal) || f.StartsWith("catalogue/topics/", StringComparison.Ordinal)) && f.Count(c => c == '/') == 3 && f.EndsWith("/index.html", StringComparison.Ordinal)))
            .ToList();
        Assert.True(pages.Count > 8);
        foreach (var page in pages)
        {
            var html = parser.ParseDocument(site.Read(page));
            var feed = "/" + page[..^"index.html".Length] + "feed.xml";
            var head = html.Head!.QuerySelector("link[rel=alternate][type='application/atom+xml']");
            Assert.True(head is not null, page + " names no feed in its head");
            Assert.Equal(feed, head.GetAttribute("href"));
            Assert.False(string.IsNullOrEmpty(head.GetAttribute("title")));
            Assert.Contains(html.QuerySelectorAll("main a[href]"), a => a.GetAttribute("href") == feed);
        }

        var document = parser.ParseDocument(site.PageOf(site.Find("tongliang-2019-16")));
        Assert.Null(document.Head!.QuerySelector("link[type='application/atom+xml']"));
        Assert.Contains(document.QuerySelectorAll("footer a[href]"), a => a.GetAttribute("href") == "/feed.xml");
    }

    [Fact]
    public void No_feed_sitemap_or_robots_txt_names_the_withheld_document_of_the_sample()
    {
        var withheld = site.Documents.Single(d => !d.IsPublic);
        var published = site.Find("tongliang-2019-16");
        var files = Feeds.Append("sitemap.xml").Append("robots.txt").Select(f => (f, site.Read(f))).ToList();
        IEnumerable<string> Marks(Gazette.Model.Document d) => new[] { d.Title, d.IndexNumber!, site.Urls.Document(d.IndexNumber!), d.Summary }.OfType<string>();

        // The same search finds a published document, so this test can fail
        Assert.All(Marks(published), mark => Assert.Contains(files, f => f.Item2.Contains(mark, StringComparison.Ordinal)));
        Assert.All(Marks(withheld).Append(withheld.DocNumber!), mark => Assert.DoesNotContain(files, f => f.Item2.Contains(mark, StringComparison.Ordinal)));
    }
}
