using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>The text hash (文本校验码) on each document page: SHA-256 of the body's Markdown as published.</summary>
public sealed class TextHashTests
{
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string DocumentPage(TestSite site) =>
        site.ReadOutput(site.OutputFiles().Single(f => f.StartsWith("documents/", StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal)));

    [Fact]
    public void The_document_page_shows_the_sha256_of_its_body_in_its_metadata_and_JSON_LD()
    {
        const string body = "一、总则\r\n\r\n第一条　为了规范管理，制定本办法。\r\n";
        using var site = new TestSite("");
        // Written with CRLF line ends: the hash is of the text as read, LF only.
        site.Write("content/documents/a.md", TestSite.Document("管理办法").Replace("\n\n正文第一段。\n", "\n" + body, StringComparison.Ordinal));
        site.BuildSuccessfully();

        var page = new HtmlParser().ParseDocument(DocumentPage(site));

        var expected = Sha256(body.ReplaceLineEndings("\n"));
        var row = page.QuerySelector("#meta-text-hash")!;
        Assert.Equal("文本校验码（SHA-256）", row.TextContent);
        Assert.Equal(expected, page.QuerySelector("td[headers=meta-text-hash] code.text-hash")!.TextContent);
        using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var encoding = jsonLd.RootElement.GetProperty("encoding");
        Assert.Equal("MediaObject", encoding.GetProperty("@type").GetString());
        Assert.Equal("text/markdown", encoding.GetProperty("encodingFormat").GetString());
        Assert.Equal(expected, encoding.GetProperty("sha256").GetString());
    }

    [Fact]
    public void The_text_hash_of_a_masked_document_is_of_its_masked_text()
    {
        using var site = new TestSite("");
        site.Write("content/documents/a.md", BadSiteBody("联系电话13812345678。\n", "privacy: mask"));
        site.BuildSuccessfully();

        var shown = new HtmlParser().ParseDocument(DocumentPage(site)).QuerySelector("code.text-hash")!.TextContent;

        Assert.Equal(Sha256("\n联系电话138&#42;&#42;&#42;&#42;5678。\n"), shown);
        Assert.NotEqual(Sha256("\n联系电话13812345678。\n"), shown);
    }

    [Fact]
    public void Two_documents_with_different_texts_show_different_hashes_and_an_English_site_labels_the_row_in_English()
    {
        using var site = new TestSite($"""
            -- content/site.yml --
            name: Test Gazette
            base_url: https://example.gov.cn/
            publisher: Test Office
            language: en
            -- content/documents/a.md --
            {TestSite.Document("甲")}
            -- content/documents/b.md --
            {BadSiteBody("不同的正文。\n")}
            """);
        site.BuildSuccessfully();

        var pages = site.OutputFiles().Where(f => f.StartsWith("documents/", StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal))
            .Select(f => new HtmlParser().ParseDocument(site.ReadOutput(f))).ToList();

        Assert.Equal(2, pages.Select(p => p.QuerySelector("code.text-hash")!.TextContent).Distinct().Count());
        Assert.All(pages, p => Assert.Equal("Text checksum (SHA-256)", p.QuerySelector("#meta-text-hash")!.TextContent));
    }

    private static string BadSiteBody(string body, params string[] fields) =>
        Diagnostics.BadSite.DocumentWithBody("通知", body, fields);
}
