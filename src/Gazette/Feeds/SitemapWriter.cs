using System.Text;
using System.Xml;
using Gazette.Model;
using Gazette.Output;

namespace Gazette.Feeds;

/// <summary>
/// Writes the sitemap (sitemaps.org protocol 0.9) of a site's pages: one <c>sitemap.xml</c> while they fit in one sitemap,
/// else a sitemap index in <c>sitemap.xml</c> naming <c>sitemap-1.xml</c>, <c>sitemap-2.xml</c>, … of at most
/// <see cref="MaxUrls"/> pages each; and robots.txt, which names it. Pure: pages in, files out, made one at a time as they are
/// enumerated, so only one sitemap's bytes are in memory at once.
/// </summary>
public static class SitemapWriter
{
    /// <summary>The sitemap namespace.</summary>
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The most URLs one sitemap may list (and the most sitemaps an index may list).</summary>
    public const int MaxUrls = 50_000;

    /// <param name="pages">root-relative URLs, in the order they are to be listed.</param>
    /// <param name="baseUrl">the site's absolute base URL, ending in '/'.</param>
    /// <param name="skipped">paths (as <see cref="Paths"/> gives them) of files not to make; null: none.</param>
    public static IEnumerable<OutputFile> Write(IReadOnlyList<SitemapUrl> pages, string baseUrl, SiteUrls urls, IReadOnlySet<string>? skipped = null)
    {
        bool Made(string path) => skipped?.Contains(path) != true;
        if (Made(urls.ToOutputPath(urls.Robots)))
        {
            yield return new OutputFile(urls.ToOutputPath(urls.Robots), Robots(Absolute(baseUrl, urls, urls.Sitemap)));
        }

        if (pages.Count <= MaxUrls)
        {
            if (Made(urls.ToOutputPath(urls.Sitemap)))
            {
                yield return new OutputFile(urls.ToOutputPath(urls.Sitemap), UrlSet(pages, 0, pages.Count, baseUrl, urls));
            }

            yield break;
        }

        var parts = (pages.Count + MaxUrls - 1) / MaxUrls;
        var index = new List<(string Location, DateOnly? LastModified)>(parts);
        for (var part = 0; part < parts; part++)
        {
            var start = part * MaxUrls;
            var count = Math.Min(MaxUrls, pages.Count - start);
            var url = urls.SitemapPart(part + 1);
            index.Add((Absolute(baseUrl, urls, url), Latest(pages, start, count)));
            if (Made(urls.ToOutputPath(url)))
            {
                yield return new OutputFile(urls.ToOutputPath(url), UrlSet(pages, start, count, baseUrl, urls));
            }
        }

        if (Made(urls.ToOutputPath(urls.Sitemap)))
        {
            yield return new OutputFile(urls.ToOutputPath(urls.Sitemap), Index(index));
        }
    }

    /// <summary>The paths (relative to the output folder) of the files <see cref="Write"/> makes for <paramref name="pageCount"/> pages, in its order.</summary>
    public static IReadOnlyList<string> Paths(int pageCount, SiteUrls urls)
    {
        List<string> paths = [urls.ToOutputPath(urls.Robots)];
        if (pageCount > MaxUrls)
        {
            paths.AddRange(Enumerable.Range(1, (pageCount + MaxUrls - 1) / MaxUrls).Select(part => urls.ToOutputPath(urls.SitemapPart(part))));
        }

        paths.Add(urls.ToOutputPath(urls.Sitemap));
        return paths;
    }

    private static byte[] UrlSet(IReadOnlyList<SitemapUrl> pages, int start, int count, string baseUrl, SiteUrls urls) => Xml("urlset", xml =>
    {
        for (var i = start; i < start + count; i++)
        {
            xml.WriteStartElement("url", Namespace);
            xml.WriteElementString("loc", Namespace, Absolute(baseUrl, urls, pages[i].Url));
            if (pages[i].LastModified is { } date)
            {
                xml.WriteElementString("lastmod", Namespace, XmlText.Date(date));
            }

            xml.WriteEndElement();
        }
    });

    private static byte[] Index(List<(string Location, DateOnly? LastModified)> sitemaps) => Xml("sitemapindex", xml =>
    {
        foreach (var (location, lastModified) in sitemaps)
        {
            xml.WriteStartElement("sitemap", Namespace);
            xml.WriteElementString("loc", Namespace, location);
            if (lastModified is { } date)
            {
                xml.WriteElementString("lastmod", Namespace, XmlText.Date(date));
            }

            xml.WriteEndElement();
        }
    });

    private static byte[] Xml(string root, Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, XmlText.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root, Namespace);
            write(xml);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Allows every crawler everything and names the sitemap.</summary>
    private static byte[] Robots(string sitemap) => System.Text.Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n");

    private static DateOnly? Latest(IReadOnlyList<SitemapUrl> pages, int start, int count)
    {
        DateOnly? latest = null;
        for (var i = start; i < start + count; i++)
        {
            if (pages[i].LastModified is { } date && (latest is null || date > latest))
            {
                latest = date;
            }
        }

        return latest;
    }

    /// <summary>The absolute URL, with every character outside ASCII percent-encoded as the protocol requires.</summary>
    private static string Absolute(string baseUrl, SiteUrls urls, string url)
    {
        var absolute = SiteUrls.Absolute(baseUrl, urls.BasePath, url);
        return Ascii.IsValid(absolute) && !absolute.Contains(' ', StringComparison.Ordinal) ? absolute : new Uri(absolute).AbsoluteUri;
    }
}
