using System.Net;
using System.Text.RegularExpressions;
using Gazette.Testing;

namespace Gazette.BrowserTests;

/// <summary>
/// Serves a built site on 127.0.0.1 the way Netlify does: folders answer with index.html, a missing file with 404.html and
/// status 404, and every response carries the headers netlify.toml sets for "/*" (so the theme runs under the real CSP).
/// </summary>
public sealed partial class StaticServer : LoopbackServer
{
    private readonly string _root;
    private readonly IReadOnlyDictionary<string, string> _headers;

    public StaticServer(string root, string netlifyToml)
    {
        _root = root;
        _headers = ReadHeaders(netlifyToml);
        Start();
    }

    public IReadOnlyDictionary<string, string> Headers => _headers;

    protected override void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        if (path.Length == 0 || path.EndsWith('/'))
        {
            path += "index.html";
        }

        var file = Path.GetFullPath(Path.Combine(_root, path));
        if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
        {
            response.StatusCode = 404;
            file = Path.Combine(_root, "404.html");
        }

        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }

        response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            ".json" => "application/json",
            ".txt" => "text/plain; charset=utf-8",
            ".csv" => "text/csv; charset=utf-8",
            _ => "application/octet-stream",
        };
        var bytes = File.ReadAllBytes(file);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    /// <summary>The header values of the <c>for = "/*"</c> block of netlify.toml.</summary>
    private static Dictionary<string, string> ReadHeaders(string toml)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var inAll = false;
        foreach (var line in toml.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("for = ", StringComparison.Ordinal))
            {
                inAll = line == "for = \"/*\"";
            }
            else if (line.StartsWith("[[", StringComparison.Ordinal) || line.StartsWith("[build", StringComparison.Ordinal))
            {
                inAll = false;
            }
            else if (inAll && HeaderLine().Match(line) is { Success: true } match)
            {
                headers[match.Groups[1].Value] = match.Groups[2].Value;
            }
        }

        // Plain HTTP on localhost: HSTS means nothing here.
        headers.Remove("Strict-Transport-Security");
        return headers;
    }

    [GeneratedRegex("^([A-Za-z-]+) = \"(.*)\"$")]
    private static partial Regex HeaderLine();
}
