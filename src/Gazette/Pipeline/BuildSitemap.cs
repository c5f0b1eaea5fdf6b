using Gazette.Feeds;
using Gazette.Model;
using Gazette.Output;
using Gazette.Rendering;

namespace Gazette.Pipeline;

/// <summary>
/// Collects every page as it is planned — a URL and a date each, nothing of what the page shows — and at the end makes the
/// sitemap (split into an index and sitemaps of 50,000 pages when the site is larger) and robots.txt, which names it. The
/// search page (empty until a reader searches) and the 404 page are left out. Pure but for the URLs it keeps.
/// </summary>
public sealed class BuildSitemap
{
    private static readonly HashSet<string> Unlisted = new(StringComparer.Ordinal) { "search", "not-found" };
    private readonly List<SitemapUrl> _pages = [];

    /// <summary>Adds the pages of a batch; call it from one thread, in the order the pages are to be listed.</summary>
    public void Add(IEnumerable<PagePlan> pages)
    {
        foreach (var page in pages)
        {
            if (!Unlisted.Contains(page.Kind))
            {
                Add(page.Page.Url, page.LastModified);
            }
        }
    }

    /// <summary>Adds a page that was not planned (a document page kept as the last build made it), as <see cref="Add(IEnumerable{PagePlan})"/>.</summary>
    public void Add(string url, DateOnly? lastModified) => _pages.Add(new SitemapUrl(url, lastModified));

    /// <summary>The sitemap files and robots.txt, made one at a time as they are enumerated; pages listed by URL.</summary>
    public IEnumerable<OutputFile> Finish(Archive archive)
    {
        _pages.Sort((a, b) => string.CompareOrdinal(a.Url, b.Url));
        return SitemapWriter.Write(_pages, archive.Config.Site.BaseUrl, archive.Urls);
    }
}
