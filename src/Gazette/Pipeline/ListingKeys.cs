using System.Text.Json;
using Gazette.Model;
using Gazette.Output;
using Gazette.Rendering.Views;

namespace Gazette.Pipeline;

/// <summary>
/// The render keys of the pages of the listings (<see cref="PlanPages"/>: a topic, organ, genre, year, validity or catalogue
/// entry, page by page) and of the gazette's issues and years, made from what such a page is planned from instead of from its views (<see cref="KeyPages"/>): the
/// memo's context (everything but the documents' metadata that a page depends on: Gazette, the theme, the site, the other files
/// of content/), the listing (its title, the way back, its catalogue entry, its feed, how many documents it has, its page count
/// and its latest change), the page's address and number, and the digest of each document it shows with that of the documents
/// its summary names (<see cref="DocumentMemo.Metadata"/>). A page whose key is the one recorded for its file is kept as the
/// output folder holds it without a view of it being made (<see cref="Kept"/>): after one document's title changed, the pages
/// of the few listings that show it are planned and rendered, not the 13,000 listing pages of 50,000 documents.
/// </summary>
public sealed class ListingKeys
{
    private readonly Digest128 _context;
    private readonly Archive _archive;
    private readonly Digest128[] _surroundings;
    private readonly Func<string, RenderKey, DateOnly?, bool> _kept;

    /// <param name="context">the memo's context (<see cref="DocumentMemo.ContextDigest"/>).</param>
    /// <param name="archive">the archive whose documents the pages show.</param>
    /// <param name="surroundings">for each of the archive's documents, in its order, the digest of its surroundings (<see cref="DocumentMemo.Metadata"/>).</param>
    /// <param name="kept">
    /// keeps the page at an address when the output folder holds it as made from the key (<see cref="WriteSite.Reuse"/>), and
    /// lists it with its latest change for the sitemap: whether it was kept.
    /// </param>
    public ListingKeys(Digest128 context, Archive archive, Digest128[] surroundings, Func<string, RenderKey, DateOnly?, bool> kept)
    {
        _context = context;
        _archive = archive;
        _surroundings = surroundings;
        _kept = kept;
    }

    /// <summary>The digest of a listing: what all its pages show but their documents and their place in it.</summary>
    public Digest128 Listing(string title, LinkView parent, CatalogueEntryView? entry, LinkView? feed, int total, int pageCount, DateOnly? changed) =>
        new KeyDigest().Append(_context).Append("listing").Append(title).Append(parent.Title).Append(parent.Url)
            .Append(entry is null ? Digest128.Zero : Digest128.Of(JsonSerializer.SerializeToUtf8Bytes(entry, PageKeyJson.Default.CatalogueEntryView)))
            .Append(feed?.Title).Append(feed?.Url).Append(total).Append(pageCount).Append(changed?.DayNumber ?? -1).Value;

    /// <summary>The key of page <paramref name="page"/> of a <paramref name="listing"/>, at <paramref name="url"/>, which shows <paramref name="shown"/>.</summary>
    public RenderKey Page(Digest128 listing, string url, int page, IEnumerable<PublishedDocument> shown)
    {
        var key = new KeyDigest().Append(listing).Append(url).Append(page);
        Append(key, shown);
        return key.Key;
    }

    /// <summary>
    /// The key of a page of the gazette that shows <paramref name="issues"/> with their documents (an issue's, a year's), at
    /// <paramref name="url"/>: the issues (their metadata and neighbours are the content's, in the context) and the documents of
    /// each section, with the page's latest change.
    /// </summary>
    /// <param name="changedOf">the latest change of each issue, when what is keyed shows it (a feed's entries); null: not shown.</param>
    public RenderKey Gazette(string kind, string url, DateOnly? changed, IEnumerable<IssueContents> issues, Func<IssueContents, DateOnly>? changedOf = null)
    {
        var key = new KeyDigest().Append(_context).Append(kind).Append(url).Append(changed?.DayNumber ?? -1);
        foreach (var issue in issues)
        {
            key.Append(issue.Issue.Key.Year).Append(issue.Issue.Key.Number).Append(changedOf?.Invoke(issue).DayNumber ?? -1);
            foreach (var (section, documents) in issue.Sections)
            {
                Append(key.Append(section).Append(documents.Count), documents);
            }
        }

        return key.Key;
    }

    /// <summary>
    /// The key of a feed at <paramref name="url"/> of <paramref name="documents"/>, each with its latest change (the day number
    /// of <see cref="Archive.LastChanged(PublishedDocument)"/>, which the newest document of the archive bounds).
    /// </summary>
    public RenderKey Feed(string url, IEnumerable<(PublishedDocument Document, int Changed)> documents)
    {
        var key = new KeyDigest().Append(_context).Append("feed").Append(url);
        foreach (var (document, changed) in documents)
        {
            key.Append(DigestOf(document)).Append(changed);
        }

        return key.Key;
    }

    /// <summary>Whether the page at <paramref name="url"/> was kept as the output folder holds it, made from <paramref name="key"/>.</summary>
    public bool Kept(string url, RenderKey key, DateOnly? lastModified) => _kept(url, key, lastModified);

    /// <summary>Appends the surroundings digest of each of <paramref name="documents"/>, in order.</summary>
    private void Append(KeyDigest key, IEnumerable<PublishedDocument> documents)
    {
        foreach (var document in documents)
        {
            key.Append(DigestOf(document));
        }
    }

    private Digest128 DigestOf(PublishedDocument document) => _surroundings[_archive.IndexOf(document)];
}
