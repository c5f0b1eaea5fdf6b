using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Gazette.Rendering;

/// <summary>
/// Writes a raw inline HTML tag (<c>&lt;abbr title="…"&gt;</c>, <c>&lt;/abbr&gt;</c>) as Markdig's own renderer does, and records
/// where it went, so that the sanitiser can tell raw HTML from Markdig's markup and point back to the tag in the Markdown.
/// </summary>
/// <param name="pieces">receives one piece per tag, in the order written.</param>
internal sealed class RecordingHtmlInlineRenderer(List<RawHtmlPiece> pieces) : HtmlObjectRenderer<HtmlInline>
{
    protected override void Write(HtmlRenderer renderer, HtmlInline obj)
    {
        var output = ((StringWriter)renderer.Writer).GetStringBuilder();
        var tag = obj.Tag ?? "";
        renderer.Write(tag);
        pieces.Add(new RawHtmlPiece(output.Length - tag.Length, tag.Length, obj.Span.Start));
    }
}
