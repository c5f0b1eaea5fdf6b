using System.Buffers;
using System.Globalization;

namespace Gazette.Rendering;

/// <summary>
/// The text of a document's body, made from its HTML: what the search index indexes, what the audit sets aside as published,
/// and what the search page reads from the document's page to check a quoted phrase and cut a snippet — between
/// <see cref="Start"/> and <see cref="End"/>, which the body the layout prints carries (<see cref="Mark"/>). The index needs no
/// text file of its own (docs/search-index.md); theme/assets/search.js does what <see cref="FromHtml"/> does.
/// </summary>
public static class PageText
{
    public const string Start = "<!--gazette:text-->";
    public const string End = "<!--/gazette:text-->";

    /// <summary>End tags after which the text goes on on a new line (and &lt;br&gt;).</summary>
    private static readonly HashSet<string> Breaking = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "li", "dt", "dd", "tr", "td", "th", "caption", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BreakingSpans = Breaking.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A body's HTML between the markers.</summary>
    public static string Mark(string bodyHtml) => Start + bodyHtml + End;

    /// <summary>The text of the body a page holds between the markers (<see cref="FromHtml"/>); null when it has none.</summary>
    public static string? Of(string page)
    {
        var start = page.IndexOf(Start, StringComparison.Ordinal);
        var end = start < 0 ? -1 : page.IndexOf(End, start + Start.Length, StringComparison.Ordinal);
        return end < 0 ? null : FromHtml(page.AsSpan(start + Start.Length, end - start - Start.Length));
    }

    /// <summary>
    /// The text of HTML, a line per block: without Markdig's links to footnotes and back (their numbers and arrows), without
    /// its tags — the end of a paragraph, block, list item, table row, cell or caption and a &lt;br&gt; a line break — and
    /// with the character references the renderer writes (<c>&amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;apos; &amp;nbsp;</c>
    /// and numeric ones) turned into their characters; then without the lines that hold nothing but spaces and tabs, each
    /// line left ending with a line break.
    /// </summary>
    public static string FromHtml(ReadOnlySpan<char> html)
    {
        // The text is never longer than the HTML (a tag gives at most a line break, a reference at most its two characters), so
        // both passes work in buffers of its length, and only the text itself is made
        var characters = ArrayPool<char>.Shared.Rent(html.Length);
        var lines = ArrayPool<char>.Shared.Rent(html.Length + 1);
        try
        {
            var length = Lines(characters.AsSpan(0, Characters(html, characters)), lines);
            return new string(lines, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(characters);
            ArrayPool<char>.Shared.Return(lines);
        }
    }

    /// <summary>Copies the lines of <paramref name="text"/> that hold more than spaces and tabs to <paramref name="lines"/>, each ending with a line break; how many characters that is.</summary>
    private static int Lines(ReadOnlySpan<char> text, Span<char> lines)
    {
        var length = 0;
        foreach (var range in text.Split('\n'))
        {
            var line = text[range];
            if (line.IndexOfAnyExcept(" \t\r\f") >= 0)
            {
                line.CopyTo(lines[length..]);
                length += line.Length;
                lines[length++] = '\n';
            }
        }

        return length;
    }

    /// <summary>Writes the characters of <paramref name="html"/> into <paramref name="text"/> (as long as it); how many there are.</summary>
    private static int Characters(ReadOnlySpan<char> html, Span<char> text)
    {
        var length = 0;
        void Append(ReadOnlySpan<char> characters, Span<char> text)
        {
            characters.CopyTo(text[length..]);
            length += characters.Length;
        }

        while (!html.IsEmpty)
        {
            var next = html.IndexOfAny('<', '&');
            if (next < 0)
            {
                Append(html, text);
                break;
            }

            Append(html[..next], text);
            html = html[next..];
            if (html[0] == '<')
            {
                var close = html.IndexOf('>');
                if (close < 0)
                {
                    Append(html, text);
                    break;
                }

                var tag = html[1..close];
                html = html[(close + 1)..];
                if (IsFootnoteLink(tag) && html.IndexOf("</a>", StringComparison.Ordinal) is var linkEnd and >= 0)
                {
                    html = html[(linkEnd + 4)..]; // a footnote's number or its way back: not the document's words
                }
                else if (IsBreak(tag))
                {
                    Append("\n", text);
                }
            }
            else
            {
                var reference = Reference(html, out var character);
                if (reference == 0)
                {
                    Append("&", text);
                    reference = 1;
                }
                else
                {
                    Append(character, text);
                }

                html = html[reference..];
            }
        }

        return length;
    }

    /// <summary>Whether a tag (between its angle brackets) opens Markdig's link to a footnote or back from one.</summary>
    private static bool IsFootnoteLink(ReadOnlySpan<char> tag) =>
        tag.StartsWith("a ", StringComparison.Ordinal)
        && (tag.Contains("class=\"footnote-ref\"", StringComparison.Ordinal) || tag.Contains("class=\"footnote-back-ref\"", StringComparison.Ordinal));

    /// <summary>Whether a tag (between its angle brackets) breaks the line: an end tag of <see cref="Breaking"/>, or br.</summary>
    private static bool IsBreak(ReadOnlySpan<char> tag)
    {
        if (tag.StartsWith('/'))
        {
            return BreakingSpans.Contains(tag[1..].TrimEnd(" \t\n\r\f"));
        }

        if (tag.Length < 2 || !tag[..2].Equals("br", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = tag[2..].TrimStart(" \t\n\r\f");
        return rest.IsEmpty || rest is "/";
    }

    /// <summary>The character of the reference <paramref name="html"/> starts with, and its length; 0 when it is none.</summary>
    private static int Reference(ReadOnlySpan<char> html, out string character)
    {
        character = "";
        var end = html[..Math.Min(html.Length, 10)].IndexOf(';');
        if (end < 2)
        {
            return 0;
        }

        var name = html[1..end];
        string? found = name switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" => "\u00A0",
            _ => null,
        };
        if (found is null && name[0] == '#')
        {
            var hex = name.Length > 1 && name[1] is 'x' or 'X';
            var digits = name[(hex ? 2 : 1)..];
            if (digits.IsEmpty || digits.Length > (hex ? 6 : 7) || digits.IndexOfAnyExcept(hex ? "0123456789abcdefABCDEF" : "0123456789") >= 0)
            {
                return 0;
            }

            var code = int.Parse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture);
            if (code is <= 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
            {
                return 0;
            }

            found = char.ConvertFromUtf32(code);
        }

        if (found is null)
        {
            return 0;
        }

        character = found;
        return end + 1;
    }
}
