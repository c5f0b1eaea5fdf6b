using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Gazette.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gazette.Content;

/// <summary>
/// Parses YAML text into its node tree, turning every parser failure into a GZ0005 diagnostic at its place (a key that is not a
/// word into GZ0104). Characters YAML does not allow or would take as a line end, and tabs in indentation, are reported at the
/// character, since YamlDotNet's position for them is elsewhere or counts lines differently. Text of the shapes front matter is
/// nearly always written in is read by <see cref="SimpleYamlParser"/>, which gives YamlDotNet's own events for it, faster.
/// </summary>
internal static partial class YamlText
{
    /// <param name="lineOffset">lines before the YAML in its file (1 for front matter after its opening '---').</param>
    public static YamlNode? Parse(string text, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        if (text.AsSpan().IndexOfAny(Invisible) is var invisible and >= 0)
        {
            var what = text[invisible] is '\u0085' or '\u2028' or '\u2029'
                ? "an invisible line separator (U+{0:X4}), which would end the line in the middle" // YamlDotNet's line end, not the editor's
                : "an invisible control character (U+{0:X4}), which YAML does not allow";
            diagnostics.Error(At(text, invisible, path, lineOffset), Codes.YamlSyntax, "the YAML holds " + string.Format(CultureInfo.InvariantCulture, what, (int)text[invisible]),
                "delete it (it usually comes with text pasted from a word processor or a web page) and press Enter if a new line was meant");
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new BoundedYamlParser(SimpleYamlParser.TryParse(text) ?? (IParser)new Parser(new StringReader(text))));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (KeyNotAWordException e)
        {
            diagnostics.Error(new SourceLocation(path, (int)e.Start.Line + lineOffset, (int)e.Start.Column), Codes.WrongType, e.Message,
                "write keys as words, e.g. 'title:'; a site's own structured data goes under 'extra:' with word keys");
            return null;
        }
        catch (YamlException e) when (MisspeltColon(text, (int)e.Start.Line) is { } colon)
        {
            var fullWidth = text[colon] == '：';
            diagnostics.Error(At(text, colon, path, lineOffset), Codes.YamlSyntax,
                fullWidth ? "the key is followed by a full-width colon '：', which YAML does not read as one" : "the key's ':' is not followed by a space",
                fullWidth ? "type the colon with the input method switched to English: 'key: value'" : "write a space after the colon: 'key: value'");
            return null;
        }
        catch (YamlException) when (TabIndent(text) is { } tab)
        {
            // YamlDotNet puts this where the mapping starts, not where the tab is.
            diagnostics.Error(At(text, tab, path, lineOffset), Codes.YamlSyntax, "the line is indented with a tab, and YAML indents with spaces only",
                "replace the tab with spaces (two for each level), and set the editor to insert spaces for Tab");
            return null;
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            diagnostics.Error(new SourceLocation(path, (int)e.Start.Line + lineOffset, (int)e.Start.Column), Codes.YamlSyntax,
                $"the YAML cannot be read: {Clean(message)}",
                "check indentation, a missing ':' after a key, unclosed brackets or quotes; quote text that starts with [ { * & ! | > ' \" % @ `");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet reports some malformed input with exceptions that carry no position: point at the last place it read well.
            var last = LastReadable(text);
            diagnostics.Error(new SourceLocation(path, (int)last.Line + lineOffset, (int)last.Column), Codes.YamlSyntax,
                "the YAML cannot be read: it is malformed (unclosed bracket or quote?)",
                "check brackets [ ] { } and quotes are closed on every line");
            return null;
        }
    }

    /// <summary>Characters YAML does not allow (C0 and C1 controls but tab, line feed and carriage return; U+FFFE, U+FFFF) or takes as a line end.</summary>
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        "\u2028\u2029\uFFFE\uFFFF");

    /// <summary>Where the first line that holds text is indented with a tab has that tab.</summary>
    private static int? TabIndent(string text)
    {
        for (var start = 0; start < text.Length; start = text.IndexOf('\n', start) is var end and >= 0 ? end + 1 : text.Length)
        {
            var indent = start;
            while (indent < text.Length && text[indent] is ' ' or '\t')
            {
                indent++;
            }

            var tab = text.IndexOf('\t', start, indent - start);
            if (tab >= 0 && indent < text.Length && text[indent] != '\n')
            {
                return tab;
            }
        }

        return null;
    }

    /// <summary>
    /// Where a line up to <paramref name="errorLine"/> (the line YamlDotNet stopped at) starts with a key followed by a full-width
    /// colon, or by a colon without a space (<c>written:2019-03-01</c> is one word to YAML): the colon.
    /// </summary>
    private static int? MisspeltColon(string text, int errorLine)
    {
        var line = 1;
        for (var start = 0; start < text.Length && line <= errorLine; line++)
        {
            var end = text.IndexOf('\n', start) is var newline and >= 0 ? newline : text.Length;
            if (KeyBeforeColon().Match(text, start, end - start) is { Success: true } match)
            {
                return match.Index + match.Length - 1;
            }

            start = end + 1;
        }

        return null;
    }

    [GeneratedRegex(@"\G[ ]*(-[ ]+)?[A-Za-z_][A-Za-z0-9_]*[ ]*(：|:(?=[^\s/]))")]
    private static partial Regex KeyBeforeColon();

    /// <summary>The file location of a character of the YAML text.</summary>
    private static SourceLocation At(string text, int index, string path, int lineOffset)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return new SourceLocation(path, text.AsSpan(0, index).Count('\n') + 1 + lineOffset, index - lineStart + 1);
    }

    private static Mark LastReadable(string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = new Mark(0, 1, 1);
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.Start;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException)
        {
        }

        return last;
    }

    private static string Clean(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message).TrimEnd('.');
    }
}
