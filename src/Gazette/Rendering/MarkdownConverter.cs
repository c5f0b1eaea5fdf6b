using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gazette.Diagnostics;
using Gazette.Model;
using Markdig;
using Markdig.Renderers;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gazette.Rendering;

/// <summary>
/// Turns a document body into HTML with one shared, thread-safe Markdig pipeline. Headings get anchors made from their Chinese
/// text, body headings are shifted so the highest is h2 (the page title is the only h1), links written <c>doc:&lt;id&gt;</c>
/// become the permalink of that document, and links whose address could run script lose it. Raw HTML is kept as far as
/// <see cref="RawHtmlAllowList"/> allows: a body that has any is sanitised once it is rendered (<see cref="RawHtmlSanitiser"/>);
/// a body without raw HTML, nearly every one, is never parsed as HTML.
/// </summary>
public sealed class MarkdownConverter
{
    public const string DocumentScheme = "doc:";

    // Precise source locations give every inline its line, column and offset, for warnings and for mapping raw HTML back to the body.
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseFootnotes()
        .UseAutoLinks()
        .UseFigures()
        .Build();

    private readonly RawHtmlSanitiser _sanitiser = new();

    /// <summary>
    /// The buffer each thread renders bodies into, kept from body to body: once it has grown to a body's size a body is written
    /// into it without a piece of buffer taken for every few thousand characters (only the HTML's string is made).
    /// </summary>
    [ThreadStatic]
    private static StringBuilder? _html;

    private const int KeptBuffer = 1 << 21; // characters: 4 MB

    /// <param name="document">the document, for the place of each link in its file.</param>
    /// <param name="body">its Markdown body, which starts on line <see cref="Document.BodyLine"/> of the file.</param>
    /// <param name="resolve">maps a doc: id to its URL; returns null after reporting when the id cannot be linked.</param>
    /// <param name="diagnostics">receives a warning for each link or image whose address could run script and for each tag of raw
    /// HTML that lost something to the sanitiser.</param>
    public RenderedBody Convert(Document document, string body, Func<string, SourceLocation, string?> resolve, DiagnosticBag diagnostics)
    {
        MarkdownDocument markdown;
        try
        {
            markdown = Markdown.Parse(body, _pipeline);
        }
        catch (ArgumentException e) when (IsDepthLimit(e))
        {
            return TooDeep(document, body, diagnostics);
        }

        // Where an inline is, from its offset: Markdig's line numbers of inlines can be wrong (a link after an ESC character in a
        // setext heading was put 13 lines past the end of its file), its offsets are not.
        BodyPositions? positions = null;
        SourceLocation At(Inline inline) => (positions ??= new BodyPositions(document, body)).At(Math.Clamp(inline.Span.Start, 0, body.Length));

        var parts = new Parts();
        parts.Collect(markdown);
        var outline = AssignHeadingIds(parts.Headings);
        JoinChineseLines(parts.LineBreaks);
        AlignTablesWithClasses(parts.Tables);
        foreach (var link in parts.Links)
        {
            if (link.Url is not { } url)
            {
                continue;
            }

            var at = At(link);
            if (url.StartsWith(DocumentScheme, StringComparison.Ordinal))
            {
                link.Url = resolve(url[DocumentScheme.Length..], at) ?? "#";
            }
            else if (!Addresses.IsAllowed(url, Addresses.LinkSchemes))
            {
                UnsafeLink(at, url, diagnostics);
                link.Url = "#";
            }
        }

        // An autolink <javascript:alert(1)> is as dangerous as a link: it is shown as text instead.
        foreach (var autolink in parts.Autolinks.Where(IsUnsafe))
        {
            UnsafeLink(At(autolink), autolink.Url, diagnostics);
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }

        var buffer = _html is { Capacity: <= KeptBuffer } kept ? kept.Clear() : _html = new StringBuilder(); // not one a huge body grew
        using var writer = new StringWriter(buffer, CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        var rawHtml = new List<RawHtmlPiece>();
        renderer.ObjectRenderers.Replace<HtmlBlockRenderer>(new RecordingHtmlBlockRenderer(rawHtml));
        renderer.ObjectRenderers.Replace<HtmlInlineRenderer>(new RecordingHtmlInlineRenderer(rawHtml));
        try
        {
            renderer.Render(markdown);
        }
        catch (ArgumentException e) when (IsDepthLimit(e))
        {
            return TooDeep(document, body, diagnostics);
        }

        writer.Flush();
        if (rawHtml.Count == 0)
        {
            var html = writer.ToString();
            return new RenderedBody(html, outline, PageText.FromHtml(html), TextHash(body));
        }

        positions ??= new BodyPositions(document, body);
        var sanitised = _sanitiser.Sanitise(writer.ToString(), rawHtml, (id, offset) => resolve(id, positions.At(offset)));
        foreach (var removal in sanitised.Removals)
        {
            diagnostics.Warning(positions.At(removal.SourceOffset), Codes.RawHtmlRemoved, removal.Message, removal.Hint);
        }

        return new RenderedBody(sanitised.Html, outline, PageText.FromHtml(sanitised.Html), TextHash(body));
    }

    /// <summary>
    /// The text hash of a body: SHA-256 of its Markdown as published — after the front matter's closing line, privacy masking
    /// applied, line ends LF (as every content file is read), UTF-8 without BOM — in lower-case hex.
    /// </summary>
    public static string TextHash(string body)
    {
        var length = Encoding.UTF8.GetByteCount(body);
        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Encoding.UTF8.GetBytes(body, bytes);
            return System.Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, length)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// Markdig refuses, with a plain <see cref="ArgumentException"/> and no position, to parse or render elements nested more
    /// than its depth limit (lists, quotes, links, images, emphasis inside one another). Its subclasses
    /// (<see cref="ArgumentOutOfRangeException"/>, …) would be bugs, and are not caught.
    /// </summary>
    private static bool IsDepthLimit(ArgumentException e) => e.GetType() == typeof(ArgumentException);

    /// <summary>
    /// Reports a body nested too deeply at the first line where it is: the shortest run of its first lines that Markdig
    /// refuses, found by halving. The document gets no body; the build fails on the error.
    /// </summary>
    private RenderedBody TooDeep(Document document, string body, DiagnosticBag diagnostics)
    {
        var ends = new List<int>();
        for (var end = body.IndexOf('\n'); end >= 0; end = body.IndexOf('\n', end + 1))
        {
            ends.Add(end + 1);
        }

        ends.Add(body.Length);
        var (good, bad) = (0, ends.Count); // the first 'good' lines are accepted, the first 'bad' are not
        while (bad - good > 1)
        {
            var middle = (good + bad) / 2;
            if (Refuses(body[..ends[middle - 1]]))
            {
                bad = middle;
            }
            else
            {
                good = middle;
            }
        }

        diagnostics.Error(new SourceLocation(document.Source.Path, document.BodyLine + bad - 1), Codes.NestedTooDeeply,
            "the text is nested too deeply to be shown: lists, quotes, links or emphasis are put inside one another too many times",
            "a document needs a few levels at most; look on this line for a long run of '>', '-', '[' or '*' (often left by a paste)");
        return new RenderedBody("", [], "", TextHash(body));
    }

    private bool Refuses(string markdown)
    {
        try
        {
            var renderer = new HtmlRenderer(TextWriter.Null);
            _pipeline.Setup(renderer);
            renderer.Render(Markdown.Parse(markdown, _pipeline));
            return false;
        }
        catch (ArgumentException e) when (IsDepthLimit(e))
        {
            return true;
        }
    }

    private static bool IsUnsafe(AutolinkInline autolink) =>
        !autolink.IsEmail && !autolink.Url.StartsWith(DocumentScheme, StringComparison.Ordinal)
        && !Addresses.IsAllowed(autolink.Url, Addresses.LinkSchemes);

    private static void UnsafeLink(SourceLocation at, string url, DiagnosticBag diagnostics) =>
        diagnostics.Warning(at, Codes.UnsafeLink, $"the address \"{Shorten(url)}\" was removed: only http, https, mailto, tel and relative addresses are kept",
            "link to documents with doc:<id> and to other sites with https://");

    private static string Shorten(string url) => url.Length <= 40 ? url : url[..40] + "…";

    /// <summary>
    /// A line break inside a paragraph between two Chinese characters is an artefact of wrapping, not a space: browsers would
    /// show it as one, so it is dropped.
    /// </summary>
    private static void JoinChineseLines(List<LineBreakInline> lineBreaks)
    {
        foreach (var lineBreak in lineBreaks.Where(b => !b.IsHard))
        {
            if (lineBreak.PreviousSibling is LiteralInline { Content: var before } && before.Length > 0
                && lineBreak.NextSibling is LiteralInline { Content: var after } && after.Length > 0
                && IsWide(before[before.End]) && IsWide(after[after.Start]))
            {
                lineBreak.Remove();
            }
        }
    }

    /// <summary>
    /// Markdig writes column alignment as a style attribute, which the site's Content-Security-Policy (style-src 'self')
    /// blocks; the theme styles the classes align-left, align-center and align-right instead.
    /// </summary>
    private static void AlignTablesWithClasses(List<Table> tables)
    {
        foreach (var table in tables)
        {
            var alignments = table.ColumnDefinitions.Select(c => c.Alignment).ToList();
            foreach (var definition in table.ColumnDefinitions)
            {
                definition.Alignment = null;
            }

            foreach (var row in table.OfType<TableRow>())
            {
                for (var i = 0; i < row.Count; i++)
                {
                    var cell = (TableCell)row[i];
                    var column = cell.ColumnIndex >= 0 ? cell.ColumnIndex : i;
                    if (column < alignments.Count && alignments[column] is { } alignment)
                    {
                        cell.GetAttributes().AddClass("align-" + alignment.ToString().ToLowerInvariant());
                    }
                }
            }
        }
    }

    /// <summary>CJK ideographs and full-width punctuation, which are written without spaces between them.</summary>
    private static bool IsWide(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F';

    private static IReadOnlyList<Heading> AssignHeadingIds(List<HeadingBlock> headings)
    {
        // The page title is the only h1: the body's highest heading becomes h2, whatever level it was written at.
        var shift = headings.Count > 0 ? 2 - headings.Min(h => h.Level) : 0;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var outline = new List<Heading>();
        foreach (var heading in headings)
        {
            heading.Level = Math.Clamp(heading.Level + shift, 2, 6);
            var text = PlainText(heading.Inline);
            var id = Slug(text);
            var unique = id;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{id}-{n}");
            }

            heading.GetAttributes().Id = unique;
            if (heading.Level <= 3)
            {
                outline.Add(new Heading(heading.Level, text, unique));
            }
        }

        return outline;
    }

    private static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        AppendPlainText(inline, text);
        return text.ToString();
    }

    /// <summary>
    /// Appends the words of <paramref name="inline"/> without markup, trimmed of white space at both ends as
    /// <see cref="string.Trim()"/> would: the text of its literals, entities and code spans, in document order.
    /// </summary>
    private static void AppendPlainText(ContainerInline? inline, StringBuilder text)
    {
        var start = text.Length;
        if (inline is not null)
        {
            AppendInlines(inline, text);
        }

        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        text.Length = end;
        var first = start;
        while (first < end && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        text.Remove(start, first - start);
    }

    /// <summary>
    /// The text of every inline inside <paramref name="container"/>, depth first, each before what it contains (the order of
    /// Markdig's Descendants), walked without an enumerator for each container.
    /// </summary>
    private static void AppendInlines(ContainerInline container, StringBuilder text)
    {
        for (var part = container.FirstChild; part is not null; part = part.NextSibling)
        {
            switch (part)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case ContainerInline inner:
                    AppendInlines(inner, text);
                    break;
            }
        }
    }

    /// <summary>
    /// The parts of a body the converter changes, each kind in the body's order (the order of Markdig's Descendants), taken in one
    /// walk of the tree before any is changed: five walks with Markdig's Descendants, which makes an enumerator and a stack for
    /// each container, took 2.8 % of a 50,000-document build.
    /// </summary>
    private sealed class Parts
    {
        public List<HeadingBlock> Headings { get; } = [];

        public List<Table> Tables { get; } = [];

        public List<LinkInline> Links { get; } = [];

        public List<AutolinkInline> Autolinks { get; } = [];

        public List<LineBreakInline> LineBreaks { get; } = [];

        public void Collect(ContainerBlock container)
        {
            foreach (var block in container)
            {
                switch (block)
                {
                    case Table table:
                        Tables.Add(table);
                        Collect(table);
                        break;
                    case ContainerBlock inner:
                        Collect(inner);
                        break;
                    case LeafBlock leaf:
                        if (leaf is HeadingBlock heading)
                        {
                            Headings.Add(heading);
                        }

                        if (leaf.Inline is { } inline)
                        {
                            Collect(inline);
                        }

                        break;
                }
            }
        }

        private void Collect(ContainerInline container)
        {
            for (var part = container.FirstChild; part is not null; part = part.NextSibling)
            {
                switch (part)
                {
                    case LinkInline link:
                        Links.Add(link);
                        Collect(link);
                        break;
                    case ContainerInline inner:
                        Collect(inner);
                        break;
                    case AutolinkInline autolink:
                        Autolinks.Add(autolink);
                        break;
                    case LineBreakInline lineBreak:
                        LineBreaks.Add(lineBreak);
                        break;
                }
            }
        }
    }

    /// <summary>An anchor from heading text: letters (Chinese included) and digits kept, everything else folded into '-'.</summary>
    internal static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                slug.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "section" : result;
    }
}
