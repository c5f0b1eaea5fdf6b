using System.Net;
using System.Net.Sockets;

namespace Gazette.Testing;

/// <summary>
/// An HTTP server for tests on 127.0.0.1 at a free port: each request is answered on the thread pool by
/// <see cref="Respond"/> until the server is disposed. One file linked into each test project that serves a site.
/// </summary>
public abstract class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private Task? _loop;

    protected LoopbackServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
    }

    public string BaseUrl { get; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Starts answering; a derived server calls it at the end of its constructor, once its own fields are set.</summary>
    protected void Start()
    {
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    /// <summary>Answers one request and closes its response.</summary>
    protected abstract void Respond(HttpListenerContext context);

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
}
