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
    /// <param name="kept">
    /// with a build cache: given each file's path and the key of what it is made from (Gazette, the site's address and every page
    /// listed with its date), whether the output folder holds it as made from that key (<see cref="WriteSite.Reuse"/>); such a
    /// file is not made. Null: every file is made, unkeyed.
    /// </param>
    public IEnumerable<OutputFile> Finish(Archive archive, Func<string, RenderKey, bool>? kept = null)
    {
        _pages.Sort((a, b) => string.CompareOrdinal(a.Url, b.Url));
        var baseUrl = archive.Config.Site.BaseUrl;
        if (kept is null)
        {
            return SitemapWriter.Write(_pages, baseUrl, archive.Urls);
        }

        var listed = new KeyDigest().Append(BuildIdentity.Bytes).Append(baseUrl).Append(archive.Urls.BasePath);
        foreach (var page in _pages)
        {
            listed.Append(page.Url).Append(page.LastModified?.DayNumber ?? -1);
        }

        var keys = SitemapWriter.Paths(_pages.Count, archive.Urls).ToDictionary(p => p, p => new KeyDigest().Append(listed.Value).Append(p).Key, StringComparer.Ordinal);
        var skipped = keys.Where(k => kept(k.Key, k.Value)).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        return SitemapWriter.Write(_pages, baseUrl, archive.Urls, skipped).Select(f => f with { RenderKey = keys[f.Path] });
    }
}
