using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>The page tags of the national design rules for government web pages (政府网站网页设计规范) in each page's head.</summary>
public sealed class PageTagTests
{
    private const string Site = """
        -- content/site.yml --
        name: 测试公报
        base_url: https://www.example.gov.cn/
        publisher: 测试市人民政府办公室
        site_id_code: "1234000001"
        """;

    [Fact]
    public void A_document_page_carries_the_site_column_and_article_tags()
    {
        using var site = new TestSite($"""
            {Site}
            -- content/documents/joint.md --
            {TestSite.Document("关于联合开展检查的通知", "index_number: 000014349/2019-00222", "doc_number: 测府发〔2019〕7号",
                "issuers: [city-gov, city-office]", "published: 2019-03-04", "topic: 财政、金融、审计", "summary: 部署联合检查。")}
            """);
        site.BuildSuccessfully();

        var html = site.ReadOutput("documents/000014349/2019-00222/index.html");
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.Contains("<meta name=\"SiteName\" content=\"测试公报\">", head);
        Assert.Contains("<meta name=\"SiteDomain\" content=\"www.example.gov.cn\">", head);
        Assert.Contains("<meta name=\"SiteIDCode\" content=\"1234000001\">", head);
        Assert.Contains("<meta name=\"ColumnName\" content=\"政府信息公开目录\">", head);
        Assert.Contains("<meta name=\"ColumnType\" content=\"政府信息公开\">", head);
        Assert.Contains("<meta name=\"ArticleTitle\" content=\"关于联合开展检查的通知\">", head);
        Assert.Contains("<meta name=\"PubDate\" content=\"2019-03-04 00:00\">", head);
        Assert.Contains("<meta name=\"ContentSource\" content=\"测试市人民政府、测试市人民政府办公室\">", head);
        Assert.Contains("<meta name=\"Keywords\" content=\"财政、金融、审计,通知,测府发〔2019〕7号\">", head);
        Assert.Contains("<meta name=\"Description\" content=\"部署联合检查。\">", head);
        Assert.Contains("<meta name=\"Url\" content=\"https://www.example.gov.cn/documents/000014349/2019-00222/\">", head);
        Assert.Single(head.Split("name=\"Description\"").Skip(1)); // not also as name="description"
        Assert.DoesNotContain("name=\"description\"", head);
    }

    [Fact]
    public void A_document_printed_in_the_gazette_belongs_to_the_gazette_column()
    {
        using var site = new TestSite($"""
            -- content/gazettes/2019/1.yml --
            issue: 1
            date: 2019-03-31
            sections: [市政府文件]
            -- content/documents/a.md --
            {TestSite.Document("通知", "index_number: 000014350/2019-00001", "gazette: {year: 2019, issue: 1, section: 市政府文件, order: 1}")}
            """);
        site.BuildSuccessfully();

        Assert.Contains("<meta name=\"ColumnName\" content=\"政府公报\">", site.ReadOutput("documents/000014350/2019-00001/index.html"));
        Assert.Contains("<meta name=\"ColumnName\" content=\"政府公报\">", site.ReadOutput("gazette/2019/1/index.html"));
    }

    [Fact]
    public void A_listing_page_carries_the_site_and_column_tags_but_no_article_tags()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("通知")}
            """);
        site.BuildSuccessfully();

        var html = site.ReadOutput("catalogue/topics/zonghe-zhengwu/index.html");
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.Contains("<meta name=\"SiteName\" content=\"测试公报\">", head);
        Assert.Contains("<meta name=\"SiteDomain\" content=\"example.gov.cn\">", head);
        Assert.DoesNotContain("SiteIDCode", head); // site.yml gives none
        Assert.Contains("<meta name=\"ColumnName\" content=\"政府信息公开目录\">", head);
        Assert.Contains("<meta name=\"ColumnDescription\" content=\"", head);
        Assert.Contains("<meta name=\"ColumnKeywords\" content=\"", head);
        Assert.DoesNotContain("ArticleTitle", head);
        Assert.DoesNotContain("PubDate", head);
        Assert.Contains("<meta name=\"ColumnName\" content=\"开放数据\">", site.ReadOutput("data/index.html"));
    }
}
