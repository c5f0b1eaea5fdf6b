using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Gazette.Rendering;

/// <summary>
/// Sanitises a rendered body that holds raw HTML, once per document: the whole body is parsed as a browser parses it (AngleSharp,
/// HTML5), so an element opened in one raw tag and closed in another pairs as it will on the page, and a stray closing tag cannot
/// reach the theme's markup. Each element whose tag lies in raw HTML (see <see cref="RawHtmlPiece"/>) is held to
/// <see cref="RawHtmlAllowList"/>; Markdig's own markup — heading anchors, table alignment classes, footnotes — is left alone.
/// The body is then written out again from the tree, so it is well-formed, and the same input always gives the same bytes.
/// </summary>
internal sealed class RawHtmlSanitiser
{
    /// <summary>An element that came from raw HTML but has no tag of its own: the parser implied it or copied it.</summary>
    private const int NoPlace = -1;

    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    /// <param name="html">a body rendered by <see cref="MarkdownConverter"/>.</param>
    /// <param name="pieces">the stretches of it copied from raw HTML, in order.</param>
    /// <param name="resolveDocument">maps the id of a raw <c>&lt;a href="doc:id"&gt;</c> and the place of its tag in the body to a URL,
    /// or null after reporting that it cannot be linked.</param>
    public SanitisedBody Sanitise(string html, IReadOnlyList<RawHtmlPiece> pieces, Func<string, int, string?> resolveDocument)
    {
        // The parser reads CR LF as one LF, which would move every position after it; to HTML a CR is white space like LF, so it
        // is replaced one for one and positions stay those of the rendered text.
        html = html.Replace('\r', '\n');
        var parser = new HtmlParser(Options);
        var document = parser.ParseDocument("<!DOCTYPE html><html><head></head><body></body></html>");
        var body = document.Body!;
        body.Append([.. parser.ParseFragment(html, body)]);

        var removals = new List<RawHtmlRemoval>();
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        var emptied = new List<IElement>();
        var searchFrom = 0;
        foreach (var element in body.GetDescendants().OfType<IElement>().ToList())
        {
            searchFrom = Math.Max(searchFrom, (element.SourceReference?.Position.Position ?? 0) - 1);
            if (element.IsDescendantOf(body) && RawSource(element, html, pieces, searchFrom) is { } source
                && element.ParentElement is { } parent && !Sanitise(element, source, removals, links, resolveDocument))
            {
                emptied.Add(parent);
            }
        }

        // A paragraph that held nothing but what was removed (a script in a line of its own) goes too.
        foreach (var paragraph in emptied.Where(e => e.LocalName == "p" && e.IsDescendantOf(body) && e.ChildElementCount == 0
            && string.IsNullOrWhiteSpace(e.TextContent)))
        {
            paragraph.Remove();
        }

        foreach (var comment in body.GetDescendants().OfType<IComment>().ToList())
        {
            comment.Remove();
        }

        return new SanitisedBody(body.InnerHtml, removals);
    }

    /// <summary>
    /// Where the tag of a raw-HTML element starts in the Markdown body (<see cref="NoPlace"/> when it has none), or null for an
    /// element Markdig wrote. An element counts as Markdig's only when it is HTML and its tag is found, as written, outside every
    /// raw piece; one the parser implied or copied has no place and is sanitised like raw HTML.
    /// </summary>
    /// <param name="searchFrom">where the element before it in the tree starts in <paramref name="html"/>.</param>
    private static int? RawSource(IElement element, string html, IReadOnlyList<RawHtmlPiece> pieces, int searchFrom)
    {
        var tag = "<" + element.LocalName;
        var offset = (element.SourceReference?.Position.Position ?? 0) - 1;
        if (offset < 0 && element.NamespaceUri != NamespaceNames.HtmlUri)
        {
            // The parser keeps no place for the <svg> or <math> that starts foreign content: it is the next such tag.
            offset = html.IndexOf(tag, searchFrom, StringComparison.OrdinalIgnoreCase);
        }

        if (offset < 0)
        {
            return NoPlace;
        }

        if (Find(pieces, offset) is { } piece)
        {
            return piece.SourceStart + offset - piece.Start;
        }

        var markdig = element.NamespaceUri == NamespaceNames.HtmlUri
            && offset + tag.Length <= html.Length && string.CompareOrdinal(html, offset, tag, 0, tag.Length) == 0;
        return markdig ? null : NoPlace;
    }

    private static RawHtmlPiece? Find(IReadOnlyList<RawHtmlPiece> pieces, int offset)
    {
        int low = 0, high = pieces.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var piece = pieces[middle];
            if (piece.Contains(offset))
            {
                return piece;
            }

            if (offset < piece.Start)
            {
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }

        return null;
    }

    /// <returns>false when the element itself was removed, true when it stays (perhaps without some of its attributes).</returns>
    private static bool Sanitise(IElement element, int source, List<RawHtmlRemoval> removals, Dictionary<string, string> links,
        Func<string, int, string?> resolveDocument)
    {
        var name = element.LocalName;
        if (element.NamespaceUri != NamespaceNames.HtmlUri || !RawHtmlAllowList.Elements.TryGetValue(name, out var allowed))
        {
            var reason = RawHtmlAllowList.ElementReason(name);
            var dropped = element.NamespaceUri != NamespaceNames.HtmlUri || RawHtmlAllowList.DroppedWithContent.Contains(name);
            Report(removals, source, dropped
                ? $"the <{name}> element was removed: {reason.Why}"
                : $"the <{name}> element was removed, its content kept: {reason.Why}", reason.Hint);
            if (dropped)
            {
                element.Remove();
            }
            else
            {
                element.Replace([.. element.ChildNodes]);
            }

            return false;
        }

        var removed = new List<(string Name, RawHtmlReason Reason)>();
        foreach (var attribute in element.Attributes.ToList())
        {
            var reason = allowed.Contains(attribute.Name)
                ? CheckAddress(element, attribute.Name, attribute.Value, source, links, resolveDocument)
                : RawHtmlAllowList.AttributeReason(name, attribute.Name);
            if (reason is not null)
            {
                element.RemoveAttribute(attribute.Name);
                removed.Add((attribute.Name, reason));
            }
        }

        if (removed.Count > 0)
        {
            var names = string.Join(", ", removed.Select(r => r.Name));
            var whys = string.Join("; ", removed.Select(r => r.Reason.Why).Distinct(StringComparer.Ordinal));
            Report(removals, source, removed.Count == 1
                ? $"the {names} attribute of <{name}> was removed: {whys}"
                : $"the {names} attributes of <{name}> were removed: {whys}", removed[0].Reason.Hint);
        }

        return true;
    }

    /// <summary>
    /// Checks the address of a link or an image: a <c>doc:</c> link becomes the permalink of its document; an address that is not
    /// allowed gives the reason it is removed. Other attributes are kept as they are.
    /// </summary>
    private static RawHtmlReason? CheckAddress(IElement element, string attribute, string value, int source, Dictionary<string, string> links,
        Func<string, int, string?> resolveDocument)
    {
        var name = element.LocalName;
        if ((name, attribute) is not (("a", "href") or ("img", "src")))
        {
            return null;
        }

        if (name == "a" && value.StartsWith(MarkdownConverter.DocumentScheme, StringComparison.Ordinal))
        {
            // A copy the parser made of a link (NoPlace) follows the link itself, whose address was resolved and reported first.
            if (!links.TryGetValue(value, out var url))
            {
                url = (source == NoPlace ? null : resolveDocument(value[MarkdownConverter.DocumentScheme.Length..], source)) ?? "#";
                links[value] = url;
            }

            element.SetAttribute(attribute, url);
            return null;
        }

        return Addresses.IsAllowed(value, name == "img" ? Addresses.ImageSchemes : Addresses.LinkSchemes)
            ? null
            : RawHtmlAllowList.AddressReason(name, value);
    }

    /// <summary>
    /// Adds a removal at <paramref name="source"/>. An element without a place of its own is a copy the parser made of an element
    /// that has one (a formatting element it reopened), which was reported already, or one it implied, which has no attributes.
    /// </summary>
    private static void Report(List<RawHtmlRemoval> removals, int source, string message, string hint)
    {
        if (source != NoPlace)
        {
            removals.Add(new RawHtmlRemoval(source, message, hint));
        }
    }
}
