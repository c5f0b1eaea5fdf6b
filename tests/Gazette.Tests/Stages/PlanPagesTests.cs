using Gazette.Model;
using Gazette.Pipeline;
using Gazette.Rendering;
using Gazette.Rendering.Views;
using Gazette.Tests.Support;
using Gazette.Theme;

namespace Gazette.Tests.Stages;

public sealed class PlanPagesTests
{
    private static readonly UiStrings Strings = new("zh-CN", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["page_label"] = "第{page}页",
        ["year_label"] = "{year}年",
        ["issue_label"] = "{year}年第{number}期",
        ["facet_topics"] = "按主题分类",
        ["home_title"] = "首页",
    });

    private const string PageSizeTwo = "name: 测试公报\nbase_url: https://example.gov.cn/\npublisher: 测试市人民政府办公室\npage_size: 2\n";

    /// <summary>Five published 综合政务 documents, published on the 1st to the 5th of March 2019.</summary>
    private static Archive FiveDocuments()
    {
        var config = Stage.Config(("content/site.yml", PageSizeTwo));
        var urls = new SiteUrls(config.Site.BasePath);
        var documents = Enumerable.Range(1, 5).Select(n =>
        {
            var document = Stage.Document($"d{n}") with
            {
                IndexNumber = $"000014350/2019-0000{n}",
                Written = new DateOnly(2019, 3, n),
                Published = new DateOnly(2019, 3, n),
            };
            return new PublishedDocument(document, document.IndexNumber!, urls.Document(document.IndexNumber!));
        });
        return new Archive(config, urls, documents.ToList(), []);
    }

    [Fact]
    public void A_topic_listing_of_five_documents_with_page_size_two_has_three_pages()
    {
        var pages = new PlanPages().Run(FiveDocuments(), Strings);

        var listing = pages.Where(p => p.Kind == "listing" && p.Page.Url.StartsWith("/catalogue/topics/zonghe-zhengwu/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["/catalogue/topics/zonghe-zhengwu/", "/catalogue/topics/zonghe-zhengwu/page/2/", "/catalogue/topics/zonghe-zhengwu/page/3/"],
            listing.Select(p => p.Page.Url));
        Assert.Equal(["综合政务", "综合政务 · 第2页", "综合政务 · 第3页"], listing.Select(p => p.Page.Title));
        var views = listing.Select(p => Assert.IsType<ListingView>(p.Values["listing"])).ToList();
        Assert.Equal(
            [["关于d5的通知", "关于d4的通知"], ["关于d3的通知", "关于d2的通知"], ["关于d1的通知"]],
            views.Select(v => v.Documents.Select(d => d.Title).ToList()));
        Assert.All(views, v => Assert.Equal(5, v.Total));
        Assert.Equal([(1, 3), (2, 3), (3, 3)], views.Select(v => (v.Pagination.Page, v.Pagination.PageCount)));
        Assert.Null(views[0].Pagination.Previous);
        Assert.Equal("/catalogue/topics/zonghe-zhengwu/page/3/", views[1].Pagination.Next!.Url);
        Assert.Equal("/catalogue/topics/zonghe-zhengwu/", views[1].Pagination.Previous!.Url);
    }

    [Fact]
    public void Every_page_has_its_own_URL_and_every_document_its_permalink()
    {
        var archive = FiveDocuments();
        var bodies = archive.Documents.Select(_ => new RenderedBody("<p>正文。</p>", [], "正文。", MarkdownConverter.TextHash("正文。\n"))).ToList();
        var pages = new PlanPages().Run(archive, Strings).Concat(new PlanDocumentPages().Run(archive, Strings, archive.Documents, bodies)).ToList();

        Assert.Equal(pages.Count, pages.Select(p => p.Page.Url).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(1, 5).Select(n => $"/documents/000014350/2019-0000{n}/"),
            pages.Where(p => p.Kind == "document").Select(p => p.Page.Url).Order(StringComparer.Ordinal));
        Assert.Single(pages, p => p.Kind == "home" && p.Page.Url == "/");
        Assert.Single(pages, p => p.Kind == "not-found" && p.Page.Url == "/404.html");
    }

    [Fact]
    public void A_built_site_with_page_size_two_writes_three_pages_of_a_five_document_topic()
    {
        var documents = string.Join("\n", Enumerable.Range(1, 5).Select(n => $"""
            -- content/documents/d{n}.md --
            {TestSite.Document($"第{n}号通知", $"published: 2019-03-0{n}", $"written: 2019-03-0{n}", $"index_number: 000014350/2019-0000{n}")}
            """));
        using var site = new TestSite($"""
            -- content/site.yml --
            {PageSizeTwo}
            {documents}
            """);

        site.BuildSuccessfully();

        Assert.True(site.OutputExists("catalogue/topics/zonghe-zhengwu/index.html"));
        Assert.True(site.OutputExists("catalogue/topics/zonghe-zhengwu/page/2/index.html"));
        Assert.True(site.OutputExists("catalogue/topics/zonghe-zhengwu/page/3/index.html"));
        Assert.False(site.OutputExists("catalogue/topics/zonghe-zhengwu/page/4/index.html"));
        Assert.False(site.OutputExists("catalogue/topics/zonghe-zhengwu/page/1/index.html"));
    }
}
