using System.Buffers;
using Gazette.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gazette.Content;

/// <summary>Parses YAML text into its node tree, turning every parser failure into a GZ0005 diagnostic.</summary>
internal static class YamlText
{
    /// <param name="lineOffset">lines before the YAML in its file (1 for front matter after its opening '---').</param>
    public static YamlNode? Parse(string text, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        // YamlDotNet ends lines also at these (as YAML 1.1 does), editors and diagnostics do not: its lines would not be the file's.
        var separator = text.AsSpan().IndexOfAny(LineSeparators);
        if (separator >= 0)
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, separator - 1)) + 1;
            var line = text.AsSpan(0, separator).Count('\n') + 1;
            diagnostics.Error(new SourceLocation(path, line + lineOffset, separator - lineStart + 1), Codes.YamlSyntax,
                $"the YAML holds an invisible line separator (U+{(int)text[separator]:X4}), which would end the line in the middle",
                "delete it (it usually comes with text pasted from a word processor or a web page) and press Enter if a new line was meant");
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new BoundedYamlParser(new Parser(new StringReader(text))));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
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

    private static readonly SearchValues<char> LineSeparators = SearchValues.Create("\u0085\u2028\u2029");

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
