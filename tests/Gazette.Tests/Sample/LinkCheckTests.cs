using AngleSharp.Html.Parser;

namespace Gazette.Tests.Sample;

public sealed class LinkCheckTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Fact]
    public void Every_internal_href_and_src_of_the_sample_site_resolves()
    {
        var parser = new HtmlParser();
        var baseUrl = new Uri("https://gazette-sample.netlify.app/");
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var broken = new List<string>();
        var checkedLinks = 0;
        var pages = site.Files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)).ToList();
        foreach (var page in pages)
        {
            ids[page] = parser.ParseDocument(site.Read(page)).QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        }

        foreach (var page in pages)
        {
            var document = parser.ParseDocument(site.Read(page));
            var pageUrl = new Uri(baseUrl, page == "404.html" ? "/404.html" : "/" + page);
            foreach (var element in document.QuerySelectorAll("a[href], link[href], script[src], img[src], source[src], form[action]"))
            {
                var raw = element.GetAttribute("href") ?? element.GetAttribute("src") ?? element.GetAttribute("action")!;
                var target = new Uri(pageUrl, raw);
                if (target.Host != baseUrl.Host || target.Scheme is not ("http" or "https"))
                {
                    continue;
                }

                checkedLinks++;
                var path = Uri.UnescapeDataString(target.AbsolutePath.TrimStart('/'));
                if (path.Length == 0 || path.EndsWith('/'))
                {
                    path += "index.html";
                }

                if (!File.Exists(Path.Combine(site.Output, path)))
                {
                    broken.Add($"{page}: {raw} → {path} does not exist");
                }
                else if (target.Fragment.Length > 1 && ids.TryGetValue(path, out var targetIds)
                    && !targetIds.Contains(Uri.UnescapeDataString(target.Fragment[1..])))
                {
                    broken.Add($"{page}: {raw} → no element with id {Uri.UnescapeDataString(target.Fragment)} in {path}");
                }
            }
        }

        Assert.True(pages.Count > 50, $"only {pages.Count} pages were built");
        Assert.True(checkedLinks > 1000, $"only {checkedLinks} internal links were checked");
        Assert.Empty(broken);
    }

    [Fact]
    public void No_page_asks_a_third_party_for_anything()
    {
        var parser = new HtmlParser();
        var external = new List<string>();
        foreach (var page in site.Files.Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var document = parser.ParseDocument(site.Read(page));
            foreach (var element in document.QuerySelectorAll("link[href], script[src], img[src], iframe, source[src], video, audio, object, embed"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src") ?? "";
                if (element.LocalName is "iframe" or "object" or "embed" or "video" or "audio"
                    || (url.Contains("//", StringComparison.Ordinal) && !url.StartsWith("https://gazette-sample.netlify.app/", StringComparison.Ordinal)))
                {
                    external.Add($"{page}: <{element.LocalName}> {url}");
                }
            }
        }

        Assert.Empty(external);
        var css = site.Files.Where(f => f.EndsWith(".css", StringComparison.Ordinal)).Select(site.Read);
        Assert.DoesNotContain(css, c => c.Contains("@import", StringComparison.Ordinal) || c.Contains("url(http", StringComparison.Ordinal));
    }
}
