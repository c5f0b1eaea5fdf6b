using System.Net;
using System.Security.Cryptography;

namespace Gazette.Integrity;

/// <summary>
/// A deployed site, fetched over HTTP(S) from its root address: a file <c>a/b.html</c> is <c>GET &lt;root&gt;/a/b.html</c>.
/// Responses are decompressed before they are hashed; 404 and 410 mean the file is missing.
/// </summary>
public sealed class HttpCopy : IPublishedCopy, IDisposable
{
    private readonly Uri _root;
    private readonly HttpClient _client;

    /// <param name="root">the address the site's root is served at (a trailing slash is added when it lacks one).</param>
    public HttpCopy(Uri root)
    {
        _root = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        _client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("gazette-verify/1");
    }

    public string Name => _root.AbsoluteUri;

    public int Parallelism => 4;

    public Task<byte[]?> ReadAsync(string path, CancellationToken cancellation) =>
        Fetch(path, (content, token) => content.ReadAsByteArrayAsync(token), cancellation);

    public async Task<Sha256Digest?> HashAsync(string path, CancellationToken cancellation)
    {
        var hash = await Fetch(path, async (content, token) =>
        {
            await using var stream = await content.ReadAsStreamAsync(token);
            return await SHA256.HashDataAsync(stream, token);
        }, cancellation);
        return hash is null ? null : Sha256Digest.From(hash);
    }

    public IReadOnlyList<string>? ListFiles() => null;

    /// <summary>The address of a file: each segment of its path percent-encoded.</summary>
    public Uri Address(string path) => new(_root, string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));

    public void Dispose() => _client.Dispose();

    /// <summary>How often a request that failed on the network (not with an HTTP status) is sent again, after 0.25, 0.5, 1 and 2 s.</summary>
    private const int Retries = 4;

    /// <summary>
    /// GETs a file and reads its body with <paramref name="read"/>: null on 404 or 410, an <see cref="IOException"/> on another
    /// status or when the network fails <see cref="Retries"/> + 1 times (a kept-alive connection the server just closed, a busy
    /// server refusing connections).
    /// </summary>
    private async Task<T?> Fetch<T>(string path, Func<HttpContent, CancellationToken, Task<T>> read, CancellationToken cancellation) where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await _client.GetAsync(Address(path), HttpCompletionOption.ResponseHeadersRead, cancellation);
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
                {
                    return null;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new IOException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                }

                return await read(response.Content, cancellation);
            }
            catch (Exception e) when (e is HttpRequestException or HttpIOException && attempt < Retries)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 << attempt), cancellation);
            }
            catch (Exception e) when (e is HttpRequestException or HttpIOException)
            {
                throw new IOException(e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message, e);
            }
            catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
            {
                throw new IOException($"no answer within {_client.Timeout.TotalSeconds:0} s", e);
            }
        }
    }
}
