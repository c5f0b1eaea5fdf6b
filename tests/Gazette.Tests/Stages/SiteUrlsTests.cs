using Gazette.Model;

namespace Gazette.Tests.Stages;

public sealed class SiteUrlsTests
{
    [Fact]
    public void The_document_permalink_is_its_index_number()
    {
        Assert.Equal("/documents/000014349/2018-00222/", new SiteUrls("/").Document("000014349/2018-00222"));
    }

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/documents/000014349/2018-00222/", "documents/000014349/2018-00222/index.html")]
    [InlineData("/404.html", "404.html")]
    [InlineData("/assets/site.0123456789.css", "assets/site.0123456789.css")]
    public void A_URL_maps_to_the_file_that_serves_it(string url, string path)
    {
        Assert.Equal(path, new SiteUrls("/").ToOutputPath(url));
    }

    [Fact]
    public void Every_URL_lives_under_a_sub_folder_base_path()
    {
        var site = new Site("公报", "https://x.gov.cn/gongbao/", "zh-CN", "某市", null, 20);
        var urls = new SiteUrls(site.BasePath);

        Assert.Equal("/gongbao/", urls.Home);
        Assert.Equal("/gongbao/gazette/2019/3/", urls.Issue(new IssueKey(2019, 3)));
        Assert.Equal("/gongbao/documents/000014349/2018-00222/", urls.Document("000014349/2018-00222"));
        Assert.Equal("/gongbao/404.html", urls.NotFound);
        Assert.Equal("documents/000014349/2018-00222/index.html", urls.ToOutputPath(urls.Document("000014349/2018-00222")));
        Assert.Equal("index.html", urls.ToOutputPath(urls.Home));
        Assert.Equal("https://x.gov.cn/gongbao/documents/000014349/2018-00222/",
            SiteUrls.Absolute(site.BaseUrl, site.BasePath, urls.Document("000014349/2018-00222")));
    }

    [Fact]
    public void Attachment_names_are_escaped_in_URLs_and_unescaped_in_file_paths()
    {
        var urls = new SiteUrls("/");

        var url = urls.Attachment("000014349/2018-00222", "原文 1.pdf");

        Assert.Equal("/documents/000014349/2018-00222/%E5%8E%9F%E6%96%87%201.pdf", url);
        Assert.Equal("documents/000014349/2018-00222/原文 1.pdf", urls.ToOutputPath(url));
    }

    [Fact]
    public void Later_pages_of_a_listing_live_under_page_n()
    {
        var urls = new SiteUrls("/");

        Assert.Equal("/catalogue/topics/zonghe-zhengwu/", urls.FacetValue("topics", "zonghe-zhengwu"));
        Assert.Equal("/catalogue/topics/zonghe-zhengwu/", urls.FacetValue("topics", "zonghe-zhengwu", 1));
        Assert.Equal("/catalogue/topics/zonghe-zhengwu/page/3/", urls.FacetValue("topics", "zonghe-zhengwu", 3));
        Assert.Equal("/catalogue/entries/policy/page/2/", urls.Entry("policy", 2));
    }
}
