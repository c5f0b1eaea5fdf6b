using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;
using Gazette.Model;
using Gazette.Output;
using Gazette.Rendering.Views;

namespace Gazette.Pipeline;

/// <summary>
/// The render keys of the pages of the listings (<see cref="PlanPages"/>: a topic, organ, genre, year, validity or catalogue
/// entry, page by page), made from what such a page is planned from instead of from its views (<see cref="KeyPages"/>): the
/// memo's context (everything but the documents' metadata that a page depends on: Gazette, the theme, the site, the other files
/// of content/), the listing (its title, the way back, its catalogue entry, its feed, how many documents it has, its page count
/// and its latest change), the page's address and number, and the digest of each document it shows with that of the documents
/// its summary names (<see cref="DocumentMemo.Metadata"/>). A page whose key is the one recorded for its file is kept as the
/// output folder holds it without a view of it being made (<see cref="Kept"/>): after one document's title changed, the pages
/// of the few listings that show it are planned and rendered, not the 13,000 listing pages of 50,000 documents.
/// </summary>
public sealed class ListingKeys
{
    private readonly UInt128 _context;
    private readonly Dictionary<PublishedDocument, UInt128> _digests;
    private readonly Func<string, RenderKey, DateOnly?, bool> _kept;

    /// <param name="context">the memo's context (<see cref="DocumentMemo.ContextDigest"/>).</param>
    /// <param name="documents">the published documents, in the archive's order.</param>
    /// <param name="surroundings">for each of <paramref name="documents"/>, the digest of its surroundings (<see cref="DocumentMemo.Metadata"/>).</param>
    /// <param name="kept">
    /// keeps the page at an address when the output folder holds it as made from the key (<see cref="WriteSite.Reuse"/>), and
    /// lists it with its latest change for the sitemap: whether it was kept.
    /// </param>
    public ListingKeys(UInt128 context, IReadOnlyList<PublishedDocument> documents, UInt128[] surroundings, Func<string, RenderKey, DateOnly?, bool> kept)
    {
        _context = context;
        _digests = new Dictionary<PublishedDocument, UInt128>(documents.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < documents.Count; i++)
        {
            _digests[documents[i]] = surroundings[i];
        }

        _kept = kept;
    }

    /// <summary>The digest of a listing: what all its pages show but their documents and their place in it.</summary>
    public UInt128 Listing(string title, LinkView parent, CatalogueEntryView? entry, LinkView? feed, int total, int pageCount, DateOnly? changed)
    {
        var hash = new XxHash128();
        Append(hash, _context);
        Append(hash, "listing");
        Append(hash, title);
        Append(hash, parent.Title);
        Append(hash, parent.Url);
        Append(hash, entry is null ? UInt128.Zero : XxHash128.HashToUInt128(JsonSerializer.SerializeToUtf8Bytes(entry)));
        Append(hash, feed?.Title);
        Append(hash, feed?.Url);
        Append(hash, total);
        Append(hash, pageCount);
        Append(hash, changed?.DayNumber ?? -1);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>The key of page <paramref name="page"/> of a <paramref name="listing"/>, at <paramref name="url"/>, which shows <paramref name="shown"/>.</summary>
    public RenderKey Page(UInt128 listing, string url, int page, IEnumerable<PublishedDocument> shown)
    {
        var hash = new XxHash128();
        Append(hash, listing);
        Append(hash, url);
        Append(hash, page);
        foreach (var document in shown)
        {
            Append(hash, _digests[document]);
        }

        var value = hash.GetCurrentHashAsUInt128();
        return new RenderKey(value == UInt128.Zero ? UInt128.One : value);
    }

    /// <summary>Whether the page at <paramref name="url"/> was kept as the output folder holds it, made from <paramref name="key"/>.</summary>
    public bool Kept(string url, RenderKey key, DateOnly? lastModified) => _kept(url, key, lastModified);

    private static void Append(XxHash128 hash, UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, value);
        hash.Append(bytes);
    }

    private static void Append(XxHash128 hash, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        hash.Append(bytes);
    }

    /// <summary>A string and where it ends (its length first; null as -1), so that no two lists of strings run together alike.</summary>
    private static void Append(XxHash128 hash, string? value)
    {
        Append(hash, value?.Length ?? -1);
        hash.Append(MemoryMarshal.AsBytes((value ?? "").AsSpan()));
    }
}
