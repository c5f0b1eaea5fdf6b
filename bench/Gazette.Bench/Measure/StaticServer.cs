using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Gazette.Bench.Measure;

/// <summary>
/// Serves a built site on 127.0.0.1 as a static host does: folders answer with index.html, a missing file with 404. Text
/// responses (HTML, CSS, JS, JSON, SVG, plain text, WebAssembly) are gzip-compressed when the browser asks for it, as Netlify and
/// every CDN do, unless the file is already gzip data (Gazette's and Pagefind's index files are). With
/// <paramref name="headers"/> every response carries those headers (the Content-Security-Policy of the built site's _headers for Gazette).
/// For <see cref="PlainChromium"/>: an HTML page asked for with <c>__bench=</c> in its query string gets the
/// <see cref="BenchScript"/> before <c>&lt;/head&gt;</c>, and a POST to <c>/__bench/result?token=…</c> completes
/// <see cref="Expect"/>'s task for that token with the request's body.
/// </summary>
public sealed partial class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly IReadOnlyDictionary<string, string> _headers;
    private readonly ConcurrentDictionary<string, byte[]> _gzipped = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _expected = new(StringComparer.Ordinal);

    public StaticServer(string root, IReadOnlyDictionary<string, string>? headers = null)
    {
        _root = Path.GetFullPath(root).TrimEnd('/') + "/";
        _headers = headers ?? new Dictionary<string, string>();
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    /// <summary>Extra files answered from memory (a blank page for the Pagefind measurement).</summary>
    public ConcurrentDictionary<string, (string Type, byte[] Bytes)> Extra { get; } = new(StringComparer.Ordinal);

    /// <summary>The address of a script added to HTML pages asked for with <c>__bench=</c> in the query string, or null.</summary>
    public string? BenchScript { get; set; }

    /// <summary>The body of the next POST to /__bench/result?token=<paramref name="token"/>.</summary>
    public Task<string> Expect(string token) =>
        _expected.GetOrAdd(token, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        try
        {
            using var response = context.Response;
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            var query = context.Request.Url.Query;
            if (context.Request.HttpMethod == "POST" && path == "__bench/result")
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = reader.ReadToEnd();
                var token = context.Request.QueryString["token"] ?? "";
                _expected.GetOrAdd(token, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(body);
                response.StatusCode = 204;
                return;
            }

            foreach (var (name, value) in _headers)
            {
                response.Headers[name] = value;
            }

            byte[] bytes;
            string type;
            if (Extra.TryGetValue("/" + path, out var extra))
            {
                (type, bytes) = extra;
            }
            else
            {
                if (path.Length == 0 || path.EndsWith('/'))
                {
                    path += "index.html";
                }

                var file = Path.GetFullPath(Path.Combine(_root, path));
                if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
                {
                    response.StatusCode = 404;
                    file = Path.Combine(_root, "404.html");
                    if (!File.Exists(file))
                    {
                        response.ContentLength64 = 0;
                        return;
                    }
                }

                type = TypeOf(file);
                bytes = File.ReadAllBytes(file);
                if (BenchScript is not null && type.StartsWith("text/html", StringComparison.Ordinal) && query.Contains("__bench=", StringComparison.Ordinal))
                {
                    var html = Encoding.UTF8.GetString(bytes);
                    var head = html.IndexOf("</head>", StringComparison.Ordinal);
                    bytes = Encoding.UTF8.GetBytes(html.Insert(head < 0 ? 0 : head, $"<script src=\"{BenchScript}\" defer></script>"));
                }
            }

            response.ContentType = type;
            var gzip = (context.Request.Headers["Accept-Encoding"] ?? "").Contains("gzip", StringComparison.Ordinal)
                && Compressible(type) && !(bytes.Length > 2 && bytes[0] == 0x1F && bytes[1] == 0x8B);
            if (gzip)
            {
                bytes = _gzipped.GetOrAdd(path + ":" + bytes.Length, _ => Gzip(bytes));
                response.Headers["Content-Encoding"] = "gzip";
                response.Headers["Vary"] = "Accept-Encoding";
            }

            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser went away (a context closed mid-request).
        }
    }

    private static bool Compressible(string type) =>
        type.StartsWith("text/", StringComparison.Ordinal) || type.StartsWith("application/json", StringComparison.Ordinal)
        || type.StartsWith("image/svg", StringComparison.Ordinal) || type == "application/wasm";

    public static string TypeOf(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" => "application/json",
        ".txt" => "text/plain; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".wasm" => "application/wasm",
        _ => "application/octet-stream",
    };

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>
    /// The headers of the <c>/*</c> rule of a Netlify _headers file, as Gazette writes one into the site (without HSTS, meaningless
    /// on plain HTTP): the indented <c>Name: value</c> lines under the line <c>/*</c>.
    /// </summary>
    public static Dictionary<string, string> NetlifyHeaders(string headersFile)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var inAll = false;
        foreach (var line in headersFile.Split('\n'))
        {
            if (line.StartsWith('/'))
            {
                inAll = line.Trim() == "/*";
            }
            else if (inAll && HeaderLine().Match(line) is { Success: true } match)
            {
                headers[match.Groups[1].Value] = match.Groups[2].Value.Trim();
            }
        }

        headers.Remove("Strict-Transport-Security");
        return headers;
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^\s+([A-Za-z-]+):\s*(.*)$")]
    private static partial Regex HeaderLine();
}
