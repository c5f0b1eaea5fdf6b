using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

public sealed class SmokeTests
{
    [Fact]
    public void A_site_with_one_document_builds_its_permalink_page()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "doc_number: 测府办发〔2019〕1号", "index_number: 000014350/2019-00001")}
            """);
        site.BuildSuccessfully();
        var html = site.ReadOutput("documents/000014350/2019-00001/index.html");
        Assert.Contains("关于测试的通知", html);
        Assert.Contains("测府办发〔2019〕1号", html);
    }
}
