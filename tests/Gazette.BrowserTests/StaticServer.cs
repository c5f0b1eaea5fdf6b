using System.Net;
using System.Text.RegularExpressions;
using Gazette.Testing;

namespace Gazette.BrowserTests;

/// <summary>
/// Serves a built site on 127.0.0.1 the way Netlify does: folders answer with index.html, a missing file with 404.html and
/// status 404, and every response carries the headers the site's own _headers file sets for its path, as Netlify reads it (so the
/// theme runs under the real CSP and the hashed assets get their caching).
/// </summary>
public sealed partial class StaticServer : LoopbackServer
{
    private readonly string _root;
    private readonly IReadOnlyList<(string Prefix, Dictionary<string, string> Headers)> _rules;

    /// <param name="root">the built site; its _headers file gives the response headers.</param>
    public StaticServer(string root)
    {
        _root = root;
        var file = Path.Combine(root, "_headers");
        _rules = ReadRules(File.Exists(file) ? File.ReadAllText(file) : "");
        Start();
    }

    /// <summary>The headers of every response (the <c>/*</c> rule of _headers).</summary>
    public IReadOnlyDictionary<string, string> Headers => HeadersFor("/");

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

        foreach (var (name, value) in HeadersFor(context.Request.Url!.AbsolutePath))
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
            ".yml" => "text/yaml; charset=utf-8",
            ".wasm" => "application/wasm",
            _ => "application/octet-stream",
        };
        var bytes = File.ReadAllBytes(file);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    /// <summary>The headers of every rule whose path matches <paramref name="path"/>, later rules overriding earlier ones.</summary>
    private Dictionary<string, string> HeadersFor(string path)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (prefix, values) in _rules.Where(r => path.StartsWith(r.Prefix, StringComparison.Ordinal)))
        {
            foreach (var (name, value) in values)
            {
                headers[name] = value;
            }
        }

        // Plain HTTP on localhost: HSTS means nothing here.
        headers.Remove("Strict-Transport-Security");
        return headers;
    }

    /// <summary>
    /// The rules of a Netlify _headers file: a line starting with '/' is a path (a trailing * matches the rest), the indented
    /// <c>Name: value</c> lines under it its headers; '#' starts a comment.
    /// </summary>
    private static List<(string Prefix, Dictionary<string, string> Headers)> ReadRules(string file)
    {
        var rules = new List<(string Prefix, Dictionary<string, string> Headers)>();
        foreach (var line in file.Split('\n'))
        {
            if (line.StartsWith('/'))
            {
                rules.Add((line.Trim().TrimEnd('*'), new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)));
            }
            else if (rules.Count > 0 && HeaderLine().Match(line) is { Success: true } match)
            {
                rules[^1].Headers[match.Groups[1].Value] = match.Groups[2].Value.Trim();
            }
        }

        return rules;
    }

    [GeneratedRegex(@"^\s+([A-Za-z-]+):\s*(.*)$")]
    private static partial Regex HeaderLine();
}
