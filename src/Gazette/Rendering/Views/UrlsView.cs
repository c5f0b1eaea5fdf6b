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
    string Data);
