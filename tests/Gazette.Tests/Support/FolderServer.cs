using System.Net;
using Gazette.Testing;

namespace Gazette.Tests.Support;

/// <summary>
/// Serves a folder on 127.0.0.1 (a free port) for tests of reading a site over HTTP: a file's bytes with status 200, anything
/// else 404. It counts the requests it answered.
/// </summary>
public sealed class FolderServer : LoopbackServer
{
    private readonly string _root;
    private int _requests;

    public FolderServer(string root)
    {
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        Start();
    }

    public int Requests => Volatile.Read(ref _requests);

    protected override void Respond(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        using var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        var file = Path.GetFullPath(Path.Combine(_root, path));
        if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
        {
            response.StatusCode = 404;
            return;
        }

        var bytes = File.ReadAllBytes(file);
        response.ContentLength64 = bytes.Length;
        try
        {
            response.OutputStream.Write(bytes);
        }
        catch (HttpListenerException)
        {
            // the client went away
        }
    }
}
