using Gazette.Diagnostics;
using Gazette.Model;

namespace Gazette.Pipeline;

/// <summary>
/// Checks the old addresses (<c>aliases:</c>) of the published documents. Netlify serves a file that exists rather than follow a
/// redirect from its address, so an alias that is the address of something the site publishes would never lead to its document
/// (GZ0314): the home page, 404.html, anything under the folders the build writes (gazette/, catalogue/, search/, assets/, data/,
/// integrity/, the administration page's admin/ and the permalinks i/ and n/), _redirects, _headers, feed.xml, sitemap*.xml and robots.txt, or a published
/// document's page or attachment. An alias two
/// documents claim, or one claims twice, could lead to only one of them (GZ0315). Linear in the number of aliases and documents.
/// </summary>
public sealed class CheckAliases
{
    /// <summary>The folders under the base path that the build writes; an alias cannot be in or at one of them.</summary>
    public static IReadOnlyList<string> Folders { get; } = ["gazette/", "catalogue/", "search/", "assets/", "data/", "integrity/", "i/", "n/", BuildAdminPage.Folder];

    /// <summary>The files at the base path that the build writes (and sitemap-N.xml past 50,000 pages).</summary>
    public static IReadOnlyList<string> Files { get; } = ["404.html", "_redirects", "_headers", "feed.xml", "sitemap.xml", "robots.txt"];

    /// <summary>Reports GZ0314 and GZ0315 at the aliases of the published documents of <paramref name="documents"/>.</summary>
    public void Run(IReadOnlyList<Document> documents, SiteUrls urls, DiagnosticBag diagnostics)
    {
        var published = documents.Where(d => d.IsPublic && d.IndexNumber is not null).ToList();
        if (published.All(d => d.Aliases.Count == 0))
        {
            return;
        }

        var pages = published.ToDictionary(d => urls.Document(d.IndexNumber!), StringComparer.Ordinal);
        var claimed = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var document in published)
        {
            foreach (var alias in document.Aliases)
            {
                if (Collision(alias.Path, urls, pages) is { } page)
                {
                    diagnostics.Error(alias.At, Codes.AliasCollidesWithPage, $"the alias {alias.Path} is the address of {page}, which the site publishes",
                        "an alias is an old address that no longer serves anything; remove it, or write the address the document really had");
                    continue;
                }

                var key = alias.Path.TrimEnd('/');
                if (!claimed.TryAdd(key, document))
                {
                    var other = claimed[key];
                    diagnostics.Error(alias.At, Codes.DuplicateAlias,
                        ReferenceEquals(other, document)
                            ? $"the alias {alias.Path} is written twice"
                            : $"the alias {alias.Path} is already an alias of {other.Source.Path}",
                        "an old address can lead to one document only; keep it on the document that replaced the page it named");
                }
            }
        }
    }

    /// <summary>What the site publishes at <paramref name="path"/>, described for a message; null when nothing.</summary>
    private static string? Collision(string path, SiteUrls urls, Dictionary<string, Document> pages)
    {
        var basePath = urls.BasePath;
        if (path == basePath || path + "/" == basePath)
        {
            return "the home page";
        }

        if (path.StartsWith(basePath, StringComparison.Ordinal))
        {
            var rest = path[basePath.Length..];
            if (Folders.FirstOrDefault(r => rest.StartsWith(r, StringComparison.Ordinal) || rest + "/" == r) is { } folder)
            {
                return "the site's " + folder;
            }

            if (Files.Contains(rest) || (rest.StartsWith("sitemap-", StringComparison.Ordinal) && rest.EndsWith(".xml", StringComparison.Ordinal)))
            {
                return "the site's " + rest;
            }
        }

        // A document's page or a file under it: look up every folder the path passes through, so the check stays linear.
        var slash = path.IndexOf('/', 1);
        while (slash >= 0)
        {
            if (pages.TryGetValue(path[..(slash + 1)], out var document))
            {
                return $"the page of {document.Source.Path}";
            }

            slash = path.IndexOf('/', slash + 1);
        }

        return pages.TryGetValue(path + "/", out var page) ? $"the page of {page.Source.Path}" : null;
    }
}
