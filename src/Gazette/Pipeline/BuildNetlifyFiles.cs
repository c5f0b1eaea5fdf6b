using System.Text;
using Gazette.Model;
using Gazette.Output;
using Gazette.Search;

namespace Gazette.Pipeline;

/// <summary>
/// Netlify's two files (README, "Netlify"). <c>_redirects</c>: for each published document, newest first, its short permalink by
/// 索引号 (<c>/i/&lt;索引号&gt;</c>), its permalink by document number (<c>/n/&lt;key&gt;</c>, the search index's document-number key
/// percent-encoded; a key that several documents share leads to the search page for it instead, 302) and each of its old
/// addresses (<c>aliases:</c>), all 301 to its page; written a line at a time to a stream. <c>_headers</c>: the theme's
/// response headers (theme/_headers) with the site's base path put in front of each path.
/// </summary>
public sealed class BuildNetlifyFiles
{
    /// <summary>The path of the redirects file.</summary>
    public const string Redirects = "_redirects";

    /// <summary>Writes _redirects, and _headers when the theme has headers, through <paramref name="write"/>.</summary>
    public void Run(Archive archive, string? themeHeaders, Action<string, Action<Stream>> write)
    {
        var urls = archive.Urls;
        write(Redirects, stream =>
        {
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var document in archive.Documents)
            {
                if (NumberKey(document) is { } key)
                {
                    numbers[key] = numbers.GetValueOrDefault(key) + 1;
                }
            }

            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
            writer.WriteLine("# Written by Gazette: permalinks by 索引号 (/i/) and by document number (/n/), and the old addresses of moved documents.");
            foreach (var document in archive.Documents)
            {
                var page = Alias.Encode(document.Url);
                Rule(writer, Alias.Encode(urls.ByIndexNumber(document.IndexNumber)), page, 301);
                if (NumberKey(document) is { } key)
                {
                    if (numbers[key] == 1)
                    {
                        Rule(writer, urls.ByDocumentNumber(key), page, 301);
                    }
                    else if (numbers[key] > 0)
                    {
                        // Shared by several documents: once, to the search for the number as the newest of them writes it.
                        Rule(writer, urls.ByDocumentNumber(key), urls.Search + "?q=" + Uri.EscapeDataString(document.Source.DocNumber!), 302);
                        numbers[key] = 0;
                    }
                }

                foreach (var alias in document.Source.Aliases)
                {
                    Rule(writer, Alias.Encode(alias.Path), page, 301);
                }
            }
        });

        if (themeHeaders is not null)
        {
            write("_headers", stream => stream.Write(Encoding.UTF8.GetBytes(Headers(themeHeaders, urls.BasePath))));
        }
    }

    /// <summary>
    /// The key of what <c>_redirects</c> is made from, in a memo's <paramref name="context"/> (<see cref="DocumentMemo.ContextDigest"/>:
    /// the site's addresses among the rest): each published document's address, 索引号, document number and old addresses, in order.
    /// A title or date changed elsewhere leaves it as it was.
    /// </summary>
    public static RenderKey KeyOfRedirects(Digest128 context, Archive archive)
    {
        var key = new KeyDigest().Append(context);
        foreach (var document in archive.Documents)
        {
            key.Append(document.Url).Append(document.IndexNumber).Append(document.Source.DocNumber);
            foreach (var alias in document.Source.Aliases)
            {
                key.Append(alias.Path);
            }

            key.Append((string?)null); // the end of a document's
        }

        return key.Key;
    }

    /// <summary>The theme's headers with <paramref name="basePath"/> in place of the leading '/' of each path line.</summary>
    public static string Headers(string themeHeaders, string basePath)
    {
        var lines = themeHeaders.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => line.StartsWith('/') ? basePath + line[1..] : line);
        return string.Join("\n", lines);
    }

    /// <summary>The key of a document's number, or null when it has none that gives a key.</summary>
    private static string? NumberKey(PublishedDocument document) =>
        document.Source.DocNumber is { } number && Tokenizer.DocumentNumberKey(number) is { Length: > 0 } key ? key : null;

    private static void Rule(StreamWriter writer, string from, string to, int status)
    {
        writer.Write(from);
        writer.Write("  ");
        writer.Write(to);
        writer.Write("  ");
        writer.WriteLine(status == 301 ? "301" : "302");
    }
}
