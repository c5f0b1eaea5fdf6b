using System.Net;
using System.Net.Sockets;
using Gazette.Cli;
using Gazette.Cli.Serve;
using Gazette.Tests.Support;

namespace Gazette.Tests.Cli;

/// <summary><c>gazette serve</c> end to end: build, serve, watch, rebuild, tell open pages, stop.</summary>
public sealed class ServeCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static TestSite Site() => new($"""
        -- content/documents/a.md --
        {TestSite.Document("关于预览功能的通知", "index_number: 000014350/2019-00001")}
        """);

    /// <summary>A running <c>gazette serve</c> on a free port, stopped (and awaited) when disposed.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public Running(TestSite site)
        {
            var (stdout, output) = PlainConsole.Create();
            var (stderr, problems) = PlainConsole.Create();
            Output = output;
            Problems = problems;
            var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            Exit = Task.Run(() => GazetteCommand.Serve(site.Options, 0, quiet: false, verbose: false, _stop.Token, stdout, stderr, started.SetResult));
            Address = started.Task.WaitAsync(Patience).GetAwaiter().GetResult();
        }

        public Uri Address { get; }

        public Task<int> Exit { get; }

        public StringWriter Output { get; }

        public StringWriter Problems { get; }

        public HttpClient Http { get; } = new() { Timeout = Patience };

        public async Task<int> Stop()
        {
            await _stop.CancelAsync();
            return await Exit.WaitAsync(Patience);
        }

        public async ValueTask DisposeAsync()
        {
            if (!Exit.IsCompleted)
            {
                await Stop();
            }

            Http.Dispose();
            _stop.Dispose();
        }
    }

    /// <summary>The page at <paramref name="path"/> once it contains <paramref name="text"/> (the rebuild takes a moment).</summary>
    private static async Task<string> Eventually(Running serve, string path, string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var page = await serve.Http.GetStringAsync(new Uri(serve.Address, path));
            if (page.Contains(text, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return page;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Reads server-sent events until one satisfies <paramref name="wanted"/>.</summary>
    private static async Task<string> NextEvent(StreamReader events, Func<string, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await events.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal) && wanted(line))
            {
                return line;
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }

    [Fact]
    public async Task Serve_builds_the_site_serves_its_pages_with_the_live_reload_script_and_stops_when_cancelled()
    {
        using var site = Site();
        var serve = new Running(site);
        await using (serve)
        {
            var home = await serve.Http.GetStringAsync(serve.Address);
            Assert.Contains("关于预览功能的通知", home, StringComparison.Ordinal);
            Assert.EndsWith($"<script src=\"{PreviewServer.ScriptPath}\" defer></script></body>", home.TrimEnd()[..^"</html>".Length].TrimEnd(), StringComparison.Ordinal);
            Assert.DoesNotContain(PreviewServer.ScriptPath, site.ReadOutput("index.html"), StringComparison.Ordinal);
            var script = await serve.Http.GetAsync(new Uri(serve.Address, PreviewServer.ScriptPath));
            Assert.Equal("text/javascript; charset=utf-8", script.Content.Headers.ContentType!.ToString());
            Assert.Contains("EventSource", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var missing = await serve.Http.GetAsync(new Uri(serve.Address, "no/such/page/"));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains(PreviewServer.ScriptPath, await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains($"serving public/ at {serve.Address}", serve.Output.ToString(), StringComparison.Ordinal);

            Assert.Equal(GazetteCommand.Success, await serve.Stop());
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => serve.Http.GetStringAsync(serve.Address));
        }
    }

    [Fact]
    public async Task A_changed_document_is_rebuilt_and_open_pages_are_told_to_load_the_new_site()
    {
        using var site = Site();
        await using var serve = new Running(site);
        using var events = new StreamReader(await serve.Http.GetStreamAsync(new Uri(serve.Address, PreviewServer.EventsPath)));
        var first = await NextEvent(events, _ => true);
        Assert.Contains("\"errors\":[]", first, StringComparison.Ordinal);

        site.Write("content/documents/a.md", TestSite.Document("关于预览功能的补充通知", "index_number: 000014350/2019-00001"));

        var next = await NextEvent(events, line => line != first);
        Assert.Contains("\"errors\":[]", next, StringComparison.Ordinal);
        Assert.Contains("关于预览功能的补充通知", await Eventually(serve, "", "补充通知"), StringComparison.Ordinal);
        Assert.Contains("changed: content/documents/a.md", serve.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_error_keeps_the_last_good_site_served_and_is_sent_to_open_pages_until_fixed()
    {
        using var site = Site();
        await using var serve = new Running(site);
        using var events = new StreamReader(await serve.Http.GetStreamAsync(new Uri(serve.Address, PreviewServer.EventsPath)));
        var good = await NextEvent(events, _ => true);

        site.Write("content/documents/a.md", TestSite.Document("关于预览功能的通知", "index_number: 000014350/2019-00001", "published: 2019-13-45"));

        var failed = await NextEvent(events, line => line.Contains("GZ0103", StringComparison.Ordinal));
        Assert.Contains("content/documents/a.md:", failed, StringComparison.Ordinal);
        Assert.Contains(good[(good.IndexOf("\"generation\"", StringComparison.Ordinal))..good.IndexOf(",\"errors\"", StringComparison.Ordinal)], failed, StringComparison.Ordinal);
        Assert.Contains("关于预览功能的通知", await serve.Http.GetStringAsync(serve.Address), StringComparison.Ordinal);
        Assert.Contains("GZ0103", serve.Problems.ToString(), StringComparison.Ordinal);

        site.Write("content/documents/a.md", TestSite.Document("关于预览功能的修正通知", "index_number: 000014350/2019-00001"));

        var fixedAgain = await NextEvent(events, line => line.Contains("\"errors\":[]", StringComparison.Ordinal));
        Assert.NotEqual(good, fixedAgain);
        Assert.Contains("修正通知", await Eventually(serve, "", "修正通知"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_says_so_and_exits_with_2_when_its_port_is_taken()
    {
        using var site = Site();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (stdout, _) = PlainConsole.Create();
        var (stderr, problems) = PlainConsole.Create();

        var exit = await GazetteCommand.Serve(site.Options, port, quiet: true, verbose: false, CancellationToken.None, stdout, stderr);

        Assert.Equal(GazetteCommand.UnusablePort, exit);
        Assert.Contains($"cannot serve on 127.0.0.1:{port}", problems.ToString(), StringComparison.Ordinal);
    }
}
