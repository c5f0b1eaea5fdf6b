using System.Globalization;
using System.Xml.Linq;
using Gazette.Tests.Feeds;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>Whole builds of small inline sites, asserting on their feeds, sitemap and the links to them.</summary>
public sealed class FeedBuildTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static XElement Feed(TestSite site, string path)
    {
        var bytes = File.ReadAllBytes(Path.Combine(site.Output, path));
        Assert.Empty(XmlSchemas.Problems(XmlSchemas.Atom, bytes));
        var feed = XDocument.Load(new MemoryStream(bytes));
        Assert.Empty(FeedRules.Problems(feed));
        return feed.Root!;
    }

    private static List<string> Titles(XElement feed) => feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();

    private static XElement EntryTitled(XElement feed, string title) => feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value == title);

    [Fact]
    public void A_feed_holds_the_newest_fifty_documents_by_publication_date()
    {
        var day = new DateOnly(2019, 1, 1);
        using var site = new TestSite(string.Concat(Enumerable.Range(0, 53).Select(i =>
        {
            var date = day.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return $"-- content/documents/n{i}.md --\n{TestSite.Document($"第{i}号通知", $"written: {date}", $"published: {date}")}";
        })));

        site.BuildSuccessfully();

        var expected = Enumerable.Range(3, 50).Reverse().Select(i => $"第{i}号通知").ToList();
        var feed = Feed(site, "feed.xml");
        Assert.Equal(expected, Titles(feed));
        Assert.Equal("2019-02-22T00:00:00+08:00", feed.Element(Atom + "updated")!.Value);
        Assert.Equal(expected, Titles(Feed(site, "catalogue/organs/city-office/feed.xml")));
        Assert.Equal(expected, Titles(Feed(site, "catalogue/topics/zonghe-zhengwu/feed.xml")));
        Assert.Equal(53, XDocument.Load(Path.Combine(site.Output, "sitemap.xml")).Root!.Elements(Sitemap + "url")
            .Count(u => u.Element(Sitemap + "loc")!.Value.StartsWith("https://example.gov.cn/documents/", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_repealed_document_is_updated_on_the_day_it_was_repealed_and_not_on_a_day_still_to_come()
    {
        using var site = new TestSite($"""
            -- content/documents/old.md --
            {TestSite.Document("旧办法", "validity: {status: 废止, date: 2019-06-01, repealed_by: new}")}
            -- content/documents/new.md --
            {TestSite.Document("新办法", "written: 2019-06-01", "published: 2019-06-01")}
            -- content/documents/term.md --
            {TestSite.Document("有期限的办法", "validity: {status: 失效, date: 2030-12-31}")}
            """);

        site.BuildSuccessfully();

        var feed = Feed(site, "feed.xml");
        var repealed = EntryTitled(feed, "旧办法");
        Assert.Equal("2019-03-05T00:00:00+08:00", repealed.Element(Atom + "published")!.Value);
        Assert.Equal("2019-06-01T00:00:00+08:00", repealed.Element(Atom + "updated")!.Value);
        Assert.Equal("2019-03-05T00:00:00+08:00", EntryTitled(feed, "有期限的办法").Element(Atom + "updated")!.Value);
        Assert.Equal("新办法", Titles(feed)[0]);

        var lastmods = XDocument.Load(Path.Combine(site.Output, "sitemap.xml")).Root!.Elements(Sitemap + "url")
            .ToDictionary(u => u.Element(Sitemap + "loc")!.Value, u => u.Element(Sitemap + "lastmod")?.Value);
        Assert.Equal("2019-06-01", lastmods[repealed.Element(Atom + "link")!.Attribute("href")!.Value]);
        Assert.Equal("2019-06-01", lastmods["https://example.gov.cn/"]);
        Assert.Equal("2019-06-01", lastmods["https://example.gov.cn/catalogue/validity/repealed/"]);
    }

    [Fact]
    public void A_joint_document_is_in_the_feed_of_each_of_its_organs_and_a_withheld_one_in_no_feed_and_not_in_the_sitemap()
    {
        using var site = new TestSite($"""
            -- content/documents/joint.md --
            {TestSite.Document("联合印发的通知", "issuers: [city-gov, city-office]")}
            -- content/documents/secret.md --
            {TestSite.Document("不公开的内部函件", "issuers: no-code", "index_number: 000000001/2019-00001", "disclosure: 依申请公开", "disclosure_reason: 内部事务信息", "published: 2019-03-09")}
            """);

        site.BuildSuccessfully();

        var entry = EntryTitled(Feed(site, "catalogue/organs/city-gov/feed.xml"), "联合印发的通知");
        Assert.Equal(["测试市人民政府", "测试市人民政府办公室"], entry.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
        Assert.Equal(["联合印发的通知"], Titles(Feed(site, "catalogue/organs/city-office/feed.xml")));
        Assert.False(site.OutputExists("catalogue/organs/no-code/feed.xml"));
        foreach (var file in site.OutputFiles().Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f == "robots.txt"))
        {
            var text = site.ReadOutput(file);
            Assert.DoesNotContain("不公开的内部函件", text, StringComparison.Ordinal);
            Assert.DoesNotContain("000000001/2019-00001", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_site_under_a_path_gives_its_feeds_and_sitemap_absolute_addresses_under_that_path()
    {
        using var site = TestSite.UnderFolder("某通知");

        site.BuildSuccessfully();

        var feed = Feed(site, "feed.xml");
        Assert.Equal("https://example.gov.cn/gongbao/feed.xml", feed.Element(Atom + "id")!.Value);
        Assert.Equal("https://example.gov.cn/gongbao/", feed.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value);
        Assert.Equal("https://example.gov.cn/gongbao/documents/000014350/2019-00001/", EntryTitled(feed, "某通知").Element(Atom + "id")!.Value);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"测试公报：最新公开文件\" href=\"/gongbao/feed.xml\">",
            site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.Contains("<loc>https://example.gov.cn/gongbao/documents/000014350/2019-00001/</loc>", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://example.gov.cn/gongbao/sitemap.xml", site.ReadOutput("robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_with_nothing_published_has_no_feed_and_links_none_but_still_has_a_sitemap()
    {
        using var site = new TestSite($"""
            -- content/documents/secret.md --
            {TestSite.Document("不公开的内部函件", "disclosure: 依申请公开", "disclosure_reason: 内部事务信息")}
            """);

        site.BuildSuccessfully();

        Assert.DoesNotContain(site.OutputFiles(), f => f.EndsWith("feed.xml", StringComparison.Ordinal));
        Assert.DoesNotContain("application/atom+xml", site.ReadOutput("index.html"), StringComparison.Ordinal);
        Assert.Empty(XmlSchemas.Problems(XmlSchemas.Sitemap, File.ReadAllBytes(Path.Combine(site.Output, "sitemap.xml"))));
    }

    [Fact]
    public void An_English_site_titles_its_feeds_and_issue_entries_in_English()
    {
        using var site = new TestSite($"""
            -- content/site.yml --
            name: Test Gazette
            base_url: https://example.gov.cn/
            publisher: Test City
            language: en
            -- content/gazettes/2019/1.yml --
            issue: 1
            date: 2019-03-31
            sections: [市政府办公室文件]
            -- content/documents/a.md --
            {TestSite.Document("某通知", "gazette: {year: 2019, issue: 1, section: 市政府办公室文件, order: 1}")}
            """);

        site.BuildSuccessfully();

        Assert.Equal("Test Gazette: documents issued by 测试市人民政府办公室", Feed(site, "catalogue/organs/city-office/feed.xml").Element(Atom + "title")!.Value);
        var gazette = Feed(site, "gazette/feed.xml");
        Assert.Equal("en", gazette.Attribute(XNamespace.Xml + "lang")!.Value);
        var issue = gazette.Element(Atom + "entry")!;
        Assert.Equal("Government gazette, Issue 1, 2019", issue.Element(Atom + "title")!.Value);
        Assert.Equal("Documents in this issue: 1. 市政府办公室文件: “某通知”", issue.Element(Atom + "summary")!.Value);
        Assert.Equal("2019-03-31T00:00:00+08:00", issue.Element(Atom + "published")!.Value);
    }
}
