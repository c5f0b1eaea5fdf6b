using System.Collections.Frozen;

namespace Gazette.Rendering;

/// <summary>
/// What raw HTML in a document body may use: the elements real gazette documents need (tables, figures, abbreviations and basic
/// text), each with the few attributes it may keep, and the addresses links and images may have. Everything else is removed,
/// with the reason the warning gives. README "Raw HTML" describes the same list.
/// </summary>
internal static class RawHtmlAllowList
{
    /// <summary>Each element raw HTML may use, with the attributes it keeps besides <c>title</c>, which every one of them keeps.</summary>
    public static readonly FrozenDictionary<string, FrozenSet<string>> Elements = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["table"] = ["align"], ["caption"] = ["align"], ["thead"] = ["align"], ["tbody"] = ["align"], ["tfoot"] = ["align"],
        ["tr"] = ["align"], ["colgroup"] = ["span", "align"], ["col"] = ["span", "align"],
        ["th"] = ["colspan", "rowspan", "align", "scope"], ["td"] = ["colspan", "rowspan", "align"],
        ["figure"] = [], ["figcaption"] = [], ["img"] = ["src", "alt", "width", "height"],
        ["abbr"] = [], ["a"] = ["href"],
        ["ol"] = ["start", "type", "reversed"], ["ul"] = [], ["li"] = ["value"], ["dl"] = [], ["dt"] = [], ["dd"] = [],
        ["p"] = [], ["div"] = [], ["span"] = [], ["br"] = [], ["hr"] = [], ["blockquote"] = [], ["pre"] = [], ["code"] = [],
        ["strong"] = [], ["em"] = [], ["b"] = [], ["i"] = [], ["u"] = [], ["s"] = [], ["del"] = [], ["ins"] = [], ["mark"] = [],
        ["small"] = [], ["sup"] = [], ["sub"] = [],
    }.ToFrozenDictionary(e => e.Key, e => e.Value.Append("title").ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// Elements removed with everything in them: their content is code, another page, a form control's values or a drawing,
    /// never text for the reader. Any other element that is not allowed is removed and its content kept in its place.
    /// </summary>
    public static readonly FrozenSet<string> DroppedWithContent = new[]
    {
        "script", "noscript", "style", "template", "iframe", "frame", "frameset", "noframes", "noembed", "object", "embed",
        "applet", "svg", "math", "title", "select", "datalist", "textarea",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly RawHtmlReason Script = new("raw HTML may not run script", "a published document cannot run script; link to the page that does");
    private static readonly RawHtmlReason Embedded = new("raw HTML may not embed other pages or plug-ins", "link to the page or file instead");
    private static readonly RawHtmlReason Styles = new("raw HTML may not bring its own styles", "the theme styles the page; tables and text need no style");
    private static readonly RawHtmlReason Head = new("raw HTML may not change the page's head", "the title and metadata come from the front matter");
    private static readonly RawHtmlReason Form = new("raw HTML may not contain forms", "link to the service's own page instead");
    private static readonly RawHtmlReason Drawing = new("raw HTML may not contain drawings or formulas", "publish a drawing or formula as an image: ![说明](图.png)");
    private static readonly RawHtmlReason Media = new("raw HTML may not embed audio or video", "link to the file instead");
    private static readonly RawHtmlReason Heading = new("headings are written in Markdown", "write ## 标题 so the heading gets an anchor and joins the outline");
    private static readonly RawHtmlReason Theme = new("class and id belong to the theme", "remove them; the theme styles tables and text by element");

    private static readonly FrozenDictionary<string, RawHtmlReason> ElementReasons = new (string[] Names, RawHtmlReason Reason)[]
    {
        (["script", "noscript"], Script),
        (["iframe", "frame", "frameset", "noframes", "object", "embed", "noembed", "applet", "portal", "fencedframe"], Embedded),
        (["style", "link"], Styles),
        (["meta", "base", "title", "head", "html", "body"], Head),
        (["form", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "fieldset", "legend", "label", "output"], Form),
        (["svg", "math", "canvas"], Drawing),
        (["audio", "video", "source", "track", "picture", "map", "area"], Media),
        (["h1", "h2", "h3", "h4", "h5", "h6"], Heading),
    }.SelectMany(group => group.Names.Select(name => (name, group.Reason))).ToFrozenDictionary(e => e.name, e => e.Reason, StringComparer.Ordinal);

    /// <summary>Why an element that is not allowed was removed.</summary>
    public static RawHtmlReason ElementReason(string element) =>
        ElementReasons.GetValueOrDefault(element) ?? new RawHtmlReason(
            "it is not one of the elements raw HTML may use",
            "raw HTML keeps tables, figures, images, abbreviations, links and basic text elements (README, \"Raw HTML\")");

    /// <summary>Why an attribute that <paramref name="element"/> may not keep was removed.</summary>
    public static RawHtmlReason AttributeReason(string element, string attribute) => attribute switch
    {
        _ when attribute.StartsWith("on", StringComparison.Ordinal) => Script,
        "style" => Styles,
        "class" or "id" => Theme,
        _ => new RawHtmlReason(
            $"<{element}> keeps only {string.Join(", ", Elements[element].Order(StringComparer.Ordinal))}",
            "raw HTML keeps only the attributes listed in the README (\"Raw HTML\")"),
    };

    /// <summary>Why the address of a link or an image was removed.</summary>
    public static RawHtmlReason AddressReason(string element, string address) => new(
        "only " + (element == "img" ? "http, https and relative image addresses" : "http, https, mailto, tel and relative addresses")
        + $" are kept (got \"{(address.Length <= 40 ? address : address[..40] + "…")}\")",
        "link to documents with doc:<id> and to other sites with https://");
}
