namespace Gazette.Rendering.Views;

/// <summary>The entry points of the site, under <c>urls</c> in every template.</summary>
public sealed record UrlsView(
    string Home,
    string Gazette,
    string Catalogue,
    string Topics,
    string Organs,
    string Genres,
    string Years,
    string Validity,
    /// <summary>The search page.</summary>
    string Search,
    /// <summary>The search index's manifest, read by the search client.</summary>
    string SearchManifest,
    /// <summary>The Atom feed of the whole site; null when nothing is published.</summary>
    string? Feed,
    /// <summary>The open-data page, which documents the files under /data/ and their licence.</summary>
    string Data,
    /// <summary>
    /// The administration page when editors log in with Netlify Identity (git-gateway): Netlify's invitation and password
    /// links lead to the home page, and site.js sends them on to this page, which has the Identity widget. Null otherwise.
    /// </summary>
    string? Identity = null) : ITemplateView;
