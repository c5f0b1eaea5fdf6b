using System.Xml.Linq;
using Gazette.Feeds;
using Gazette.Model;

namespace Gazette.Tests.Feeds;

public sealed class SitemapWriterTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly SiteUrls Urls = new("/");

    private static List<SitemapUrl> Pages(int count) =>
        Enumerable.Range(0, count).Select(i => new SitemapUrl($"/documents/000014349/{2000 + i % 20}-{i:D6}/", new DateOnly(2000 + i % 20, 1 + i % 12, 1 + i % 28))).ToList();

    [Fact]
    public void A_site_of_more_than_50000_pages_gets_a_sitemap_index_of_sitemaps_of_at_most_50000_pages_each()
    {
        var pages = Pages(120_001);

        var files = SitemapWriter.Write(pages, "https://example.gov.cn/", Urls).ToDictionary(f => f.Path, f => f.Bytes!);

        Assert.Equal(["robots.txt", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(XmlSchemas.Problems(XmlSchemas.SiteIndex, files["sitemap.xml"]));
        var index = XDocument.Load(new MemoryStream(files["sitemap.xml"])).Root!.Elements(Sitemap + "sitemap").ToList();
        Assert.Equal(["https://example.gov.cn/sitemap-1.xml", "https://example.gov.cn/sitemap-2.xml", "https://example.gov.cn/sitemap-3.xml"],
            index.Select(s => s.Element(Sitemap + "loc")!.Value));
        var listed = new List<string>();
        foreach (var part in new[] { "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml" })
        {
            Assert.Empty(XmlSchemas.Problems(XmlSchemas.Sitemap, files[part]));
            Assert.True(files[part].Length < 50 * 1024 * 1024, $"{part} is {files[part].Length} bytes");
            listed.AddRange(XDocument.Load(new MemoryStream(files[part])).Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value));
        }

        Assert.Equal(pages.Select(p => "https://example.gov.cn" + p.Url), listed);
        Assert.Equal("2019-12-28", index[0].Element(Sitemap + "lastmod")!.Value);
        Assert.Equal("Sitemap: https://example.gov.cn/sitemap.xml", System.Text.Encoding.UTF8.GetString(files["robots.txt"]).Split('\n')[3]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(50_000)]
    [InlineData(100_001)]
    public void The_paths_it_names_are_those_it_writes_and_a_file_skipped_is_not_made(int pageCount)
    {
        var pages = Pages(pageCount);
        var paths = SitemapWriter.Paths(pageCount, Urls);

        Assert.Equal(paths, SitemapWriter.Write(pages, "https://example.gov.cn/", Urls).Select(f => f.Path));
        var written = SitemapWriter.Write(pages, "https://example.gov.cn/", Urls, new HashSet<string>(paths.Skip(1))).Select(f => f.Path);
        Assert.Equal([paths[0]], written);
    }

    [Fact]
    public void A_site_of_50000_pages_gets_one_sitemap()
    {
        var files = SitemapWriter.Write(Pages(50_000), "https://example.gov.cn/", Urls).ToDictionary(f => f.Path, f => f.Bytes!);

        Assert.Equal(["robots.txt", "sitemap.xml"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(XmlSchemas.Problems(XmlSchemas.Sitemap, files["sitemap.xml"]));
        Assert.Equal(50_000, XDocument.Load(new MemoryStream(files["sitemap.xml"])).Root!.Elements(Sitemap + "url").Count());
    }

    [Fact]
    public void A_site_under_a_path_lists_its_pages_and_sitemap_under_that_path_and_escapes_what_is_not_ASCII()
    {
        var urls = new SiteUrls("/gongbao/");

        var files = SitemapWriter.Write([new SitemapUrl("/gongbao/", null), new SitemapUrl("/gongbao/documents/测试/2019-1/", new DateOnly(2019, 7, 19))],
            "https://example.gov.cn/gongbao/", urls).ToDictionary(f => f.Path, f => f.Bytes!);

        Assert.Empty(XmlSchemas.Problems(XmlSchemas.Sitemap, files["sitemap.xml"]));
        var locations = XDocument.Load(new MemoryStream(files["sitemap.xml"])).Root!.Descendants(Sitemap + "loc").Select(l => l.Value);
        Assert.Equal(["https://example.gov.cn/gongbao/", "https://example.gov.cn/gongbao/documents/%E6%B5%8B%E8%AF%95/2019-1/"], locations);
        Assert.Contains("Sitemap: https://example.gov.cn/gongbao/sitemap.xml\n", System.Text.Encoding.UTF8.GetString(files["robots.txt"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sitemap_schemas_refuse_a_relative_address_a_bad_date_and_more_than_50000_pages()
    {
        static byte[] UrlSet(string urls) => System.Text.Encoding.UTF8.GetBytes(
            $"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">{urls}</urlset>");

        Assert.Empty(XmlSchemas.Problems(XmlSchemas.Sitemap, UrlSet("<url><loc>https://example.gov.cn/a/</loc><lastmod>2019-07-19</lastmod></url>")));
        Assert.NotEmpty(XmlSchemas.Problems(XmlSchemas.Sitemap, UrlSet("<url><loc>/a/</loc></url>")));
        Assert.NotEmpty(XmlSchemas.Problems(XmlSchemas.Sitemap, UrlSet("<url><loc>https://example.gov.cn/a/</loc><lastmod>2019/07/19</lastmod></url>")));
        Assert.NotEmpty(XmlSchemas.Problems(XmlSchemas.Sitemap, UrlSet("<url><loc>https://example.gov.cn/a/</loc><lastmod>2019-07-19T10:00:00</lastmod></url>")));
        Assert.NotEmpty(XmlSchemas.Problems(XmlSchemas.Sitemap, UrlSet(string.Concat(Enumerable.Repeat("<url><loc>https://example.gov.cn/a/</loc></url>", 50_001)))));
        Assert.NotEmpty(XmlSchemas.Problems(XmlSchemas.SiteIndex, UrlSet("<url><loc>https://example.gov.cn/a/</loc></url>")));
    }
}
