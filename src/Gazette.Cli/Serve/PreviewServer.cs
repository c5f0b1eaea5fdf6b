using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Cli.Serve;

/// <summary>
/// Serves the built site on 127.0.0.1 for <c>gazette serve</c>, as Netlify would (a folder answers with its index.html, a
/// missing page with 404.html), with a live-reload script added to every HTML page: it listens on
/// <c>/__gazette/events</c> (server-sent events) and reloads the page after a rebuild, or shows the errors of a failed one over
/// the last good page. Nothing is cached by the browser.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string ScriptPath = "/__gazette/live-reload.js";
    public const string EventsPath = "/__gazette/events";

    private static readonly byte[] ScriptTag = Encoding.UTF8.GetBytes($"<script src=\"{ScriptPath}\" defer></script>");
    private static readonly byte[] Script = Resource("live-reload.js");
    private static readonly byte[] Waiting = Resource("waiting.html");
    private static readonly FileExtensionContentTypeProvider Types = new();

    private readonly string _root;
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<Channel<PreviewState>> _listeners = [];
    private PreviewState _state = new("", []);

    private PreviewServer(string root, WebApplication app)
    {
        _root = Path.GetFullPath(root).TrimEnd('/') + "/";
        _app = app;
    }

    /// <summary>The address pages are served at, such as <c>http://127.0.0.1:8000/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts serving <paramref name="root"/> on 127.0.0.1; port 0 takes a free one.</summary>
    public static async Task<PreviewServer> Start(string root, int port, PreviewState state)
    {
        // An empty builder: the default ones read appsettings files and watch the whole current folder for changes to them.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port)).UseShutdownTimeout(TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var server = new PreviewServer(root, app) { _state = state };
        app.Run(server.Answer);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Tells every open page the new state: a new generation reloads it, errors show over it.</summary>
    public void Publish(PreviewState state)
    {
        lock (_lock)
        {
            _state = state;
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(state);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            foreach (var listener in _listeners)
            {
                listener.Writer.TryComplete();
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task Answer(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        if (path == EventsPath)
        {
            await Events(context);
            return;
        }

        if (path == ScriptPath)
        {
            response.ContentType = "text/javascript; charset=utf-8";
            await response.Body.WriteAsync(Script, context.RequestAborted);
            return;
        }

        var file = Path.GetFullPath(Path.Combine(_root, path.TrimStart('/')));
        if (!(file + "/").StartsWith(_root, StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (Directory.Exists(file))
        {
            if (!path.EndsWith('/'))
            {
                response.Redirect(path + "/" + context.Request.QueryString);
                return;
            }

            file = Path.Combine(file, "index.html");
        }

        var bytes = Read(file);
        if (bytes is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            file = Path.Combine(_root, "404.html");
            bytes = Read(file) ?? (Directory.Exists(_root) ? null : Waiting);
            if (bytes is null)
            {
                return;
            }
        }

        response.ContentType = Types.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            response.ContentType = "text/html; charset=utf-8";
            bytes = WithScript(bytes);
        }

        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    // The site folder is replaced as a whole when a build succeeds: a file read at that moment may briefly not exist.
    private static byte[]? Read(string file)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return File.Exists(file) ? File.ReadAllBytes(file) : null;
            }
            catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && attempt < 5)
            {
                Thread.Sleep(20);
            }
        }
    }

    private static byte[] WithScript(byte[] html)
    {
        var end = html.AsSpan().LastIndexOf("</body>"u8);
        if (end < 0)
        {
            return [.. html, .. ScriptTag];
        }

        return [.. html.AsSpan(0, end), .. ScriptTag, .. html.AsSpan(end)];
    }

    private async Task Events(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        var channel = Channel.CreateUnbounded<PreviewState>();
        lock (_lock)
        {
            channel.Writer.TryWrite(_state);
            _listeners.Add(channel);
        }

        try
        {
            await foreach (var state in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                var data = new JsonObject { ["generation"] = state.Generation, ["errors"] = new JsonArray([.. state.Errors.Select(e => JsonValue.Create(e))]) }.ToJsonString();
                await response.WriteAsync($"event: state\ndata: {data}\n\n", context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        finally
        {
            lock (_lock)
            {
                _listeners.Remove(channel);
            }
        }
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gazette.Cli.Serve." + name)
            ?? throw new InvalidOperationException($"the resource {name} is missing from Gazette.Cli");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
