using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Gazette.Rendering;

/// <summary>
/// Writes a raw HTML block line by line as Markdig's own renderer does, and records where each line went, so that the sanitiser
/// can tell raw HTML from Markdig's markup and point back to the line in the Markdown.
/// </summary>
/// <param name="pieces">receives one piece per line, in the order written.</param>
internal sealed class RecordingHtmlBlockRenderer(List<RawHtmlPiece> pieces) : HtmlObjectRenderer<HtmlBlock>
{
    protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
    {
        var output = ((StringWriter)renderer.Writer).GetStringBuilder();
        var lines = obj.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var slice = lines.Lines[i].Slice;
            renderer.Write(ref slice);
            pieces.Add(new RawHtmlPiece(output.Length - slice.Length, slice.Length, slice.Start));
            renderer.WriteLine();
        }
    }
}
