namespace Gazette.Feeds;

/// <summary>
/// One Atom 1.0 feed (RFC 4287) as Gazette writes it: what <see cref="AtomWriter"/> needs, every URL absolute (Atom resolves
/// no address against the site).
/// </summary>
public sealed record AtomFeed(
    /// <summary>The feed's permanent id (atom:id): its own absolute URL.</summary>
    string Id,
    string Title,
    /// <summary>One sentence under the title (atom:subtitle); absent when the site has no description.</summary>
    string? Subtitle,
    /// <summary>The latest <c>updated</c> of its entries (atom:updated).</summary>
    DateOnly Updated,
    /// <summary>Where the feed itself is served (link rel="self").</summary>
    string SelfUrl,
    /// <summary>The page that shows the same documents (link rel="alternate"): the home page, a listing, the gazette.</summary>
    string PageUrl,
    /// <summary>The site's publisher (主办单位), the feed's atom:author: entries without their own author have it.</summary>
    string Author,
    /// <summary>The site's language, written as xml:lang.</summary>
    string Language,
    /// <summary>Newest first.</summary>
    IReadOnlyList<AtomEntry> Entries);
