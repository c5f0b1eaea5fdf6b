using System.Text;
using System.Xml.Linq;
using Gazette.Feeds;

namespace Gazette.Tests.Feeds;

public sealed class AtomWriterTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static AtomEntry Entry(string id, string title = "关于做好政务公开工作的通知") =>
        new(id, title, id, new DateOnly(2019, 7, 19), new DateOnly(2019, 8, 1),
            [new AtomPerson("测试市人民政府办公室", "https://example.gov.cn/catalogue/organs/city-office/")], "内容概述。",
            [new AtomCategory("zonghe-zhengwu", "https://example.gov.cn/catalogue/topics/", "综合政务")]);

    private static AtomFeed Feed(params AtomEntry[] entries) =>
        new("https://example.gov.cn/feed.xml", "测试公报", null, new DateOnly(2019, 8, 1), "https://example.gov.cn/feed.xml", "https://example.gov.cn/",
            "测试市人民政府办公室", "zh-CN", entries);

    [Fact]
    public void A_feed_is_valid_Atom_with_dates_at_midnight_in_China()
    {
        var bytes = AtomWriter.Write(Feed(Entry("https://example.gov.cn/documents/1/"), Entry("https://example.gov.cn/documents/2/")));

        Assert.Empty(XmlSchemas.Problems(XmlSchemas.Atom, bytes));
        var feed = XDocument.Load(new MemoryStream(bytes));
        Assert.Empty(FeedRules.Problems(feed));
        Assert.Equal("2019-07-19T00:00:00+08:00", feed.Root!.Element(Atom + "entry")!.Element(Atom + "published")!.Value);
        Assert.Equal("2019-08-01T00:00:00+08:00", feed.Root!.Element(Atom + "updated")!.Value);
        Assert.Equal("zh-CN", feed.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
    }

    [Fact]
    public void Characters_that_XML_cannot_hold_are_left_out_instead_of_failing_the_build()
    {
        var bytes = AtomWriter.Write(Feed(Entry("https://example.gov.cn/documents/1/", "通知\u0001\u0008标题\uD800 <b>&amp;</b> 😀")));

        Assert.Empty(XmlSchemas.Problems(XmlSchemas.Atom, bytes));
        Assert.Equal("通知标题 <b>&amp;</b> 😀", XDocument.Load(new MemoryStream(bytes)).Root!.Element(Atom + "entry")!.Element(Atom + "title")!.Value);
    }

    [Fact]
    public void The_Atom_schema_refuses_a_feed_without_id_a_date_without_zone_and_HTML_text()
    {
        var good = Encoding.UTF8.GetString(AtomWriter.Write(Feed(Entry("https://example.gov.cn/documents/1/"))));
        byte[] Changed(string from, string to)
        {
            Assert.Contains(from, good, StringComparison.Ordinal);
            return Encoding.UTF8.GetBytes(good.Replace(from, to, StringComparison.Ordinal));
        }

        Assert.NotEmpty(XmlSchemas.Problems(XmlSchemas.Atom, Changed("<id>https://example.gov.cn/feed.xml</id>", "")));
        Assert.NotEmpty(XmlSchemas.Problems(XmlSchemas.Atom, Changed("<published>2019-07-19T00:00:00+08:00</published>", "<published>2019-07-19T00:00:00</published>")));
        Assert.NotEmpty(XmlSchemas.Problems(XmlSchemas.Atom, Changed("<published>2019-07-19T00:00:00+08:00</published>", "<published>2019-07-19</published>")));
        Assert.NotEmpty(XmlSchemas.Problems(XmlSchemas.Atom, Changed("<summary>", "<summary type=\"html\">")));
        Assert.NotEmpty(XmlSchemas.Problems(XmlSchemas.Atom, Changed("<id>https://example.gov.cn/documents/1/</id>", "<id>/documents/1/</id>")));
    }

    [Fact]
    public void The_RFC_rules_catch_a_repeated_entry_id_a_missing_author_and_a_date_that_is_not_RFC_3339()
    {
        var repeated = XDocument.Load(new MemoryStream(AtomWriter.Write(Feed(Entry("https://example.gov.cn/d/1/"), Entry("https://example.gov.cn/d/1/")))));
        Assert.Contains(FeedRules.Problems(repeated), p => p.Contains("repeats the id", StringComparison.Ordinal));

        var anonymous = XDocument.Load(new MemoryStream(AtomWriter.Write(Feed(Entry("https://example.gov.cn/d/1/") with { Authors = [] }))));
        anonymous.Root!.Element(Atom + "author")!.Remove();
        Assert.Contains(FeedRules.Problems(anonymous), p => p.Contains("no atom:author", StringComparison.Ordinal));

        Assert.False(FeedRules.IsRfc3339("2019-07-19T00:00:00"));
        Assert.False(FeedRules.IsRfc3339("2019-02-30T00:00:00+08:00"));
        Assert.False(FeedRules.IsRfc3339("2019-07-19t00:00:00z"));
        Assert.True(FeedRules.IsRfc3339("2019-07-19T00:00:00Z"));
    }
}
