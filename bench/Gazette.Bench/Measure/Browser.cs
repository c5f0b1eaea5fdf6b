using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gazette.Bench.Measure;

/// <summary>
/// One browser measurement of a first search on a cold cache under Playwright. <see cref="NavigationMs"/>: from navigation to
/// /search/?q=… to results, page and scripts included; bytes and results are those of the navigation. <see cref="Ms"/>: Pagefind's
/// search time under Playwright (Gazette's is NaN: times to results are <see cref="PlainChromium"/>'s).
/// </summary>
public sealed record BrowserSample(
    double Ms,
    double? NavigationMs,
    bool Approximate,
    long SearchBytes,
    long PageBytes,
    long RawSearchBytes,
    int Requests,
    int? Count,
    IReadOnlyList<string> FirstPageUrls,
    string? Error,
    IReadOnlyDictionary<string, long> BytesByKind);

/// <summary>
/// Drives Debian's Chromium through Playwright. Each measurement opens a new browser context (empty cache, no storage), so
/// every search is a first search on a cold cache.
/// </summary>
public sealed partial class Browser : IAsyncDisposable
{
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic",
    ];

    // Runs before the page's scripts: notes the time (ms since navigation start) when the client marks the search finished.
    private const string InitScript = """
        (() => {
          const mark = () => {
            const el = document.getElementById('search-results');
            if (!el || window.__benchDone !== undefined) return;
            const s = el.getAttribute('data-state');
            if (s === 'done' || s === 'error') {
              window.__benchDone = performance.now();
              window.__benchState = s;
            }
          };
          new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
        })();
        """;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static async Task<Browser> Start()
    {
        var b = new Browser { _playwright = await Playwright.CreateAsync() };
        b._browser = await b._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GAZETTE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        return b;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>
    /// Opens /search/?… in a new context and waits for data-state="done" on #search-results: bytes, results and the time from
    /// navigation. (The time to results on the loaded page is <see cref="PlainChromium"/>'s, measured without automation.)
    /// </summary>
    public async Task<BrowserSample> GazetteSearch(string baseUrl, Query query)
    {
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await context.AddInitScriptAsync(InitScript);
        var page = await context.NewPageAsync();
        var finished = new ConcurrentQueue<IRequest>();
        page.RequestFinished += (_, r) => finished.Enqueue(r);
        var url = baseUrl + "search/" + (query.UrlQuery() is { Length: > 0 } q ? "?" + q : "");
        string? error = null;
        double ms = double.NaN;
        try
        {
            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
            await page.WaitForFunctionAsync("() => window.__benchDone !== undefined", null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 10 });
            ms = await page.EvaluateAsync<double>("() => window.__benchDone");
            if (await page.EvaluateAsync<string>("() => window.__benchState") == "error")
            {
                error = "the client reported an error";
            }
        }
        catch (TimeoutException)
        {
            error = "no data-state=done within 60 s";
        }
        catch (PlaywrightException e)
        {
            error = e.Message.Split('\n')[0];
        }

        int? count = null;
        var approximate = false;
        var urls = new List<string>();
        if (error is null)
        {
            var status = await page.Locator("#search-status").TextContentAsync() ?? "";
            var aboutTemplate = await page.Locator("#search-results").GetAttributeAsync("data-count-about") ?? "";
            var aboutPrefix = aboutTemplate.Split("{count}")[0];
            approximate = aboutPrefix.Length > 0 && status.StartsWith(aboutPrefix, StringComparison.Ordinal);
            var hits = await page.Locator("#search-list a[data-hit=title]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
            urls.AddRange(hits);
            var m = Number().Match(status.Replace(",", "", StringComparison.Ordinal));
            count = m.Success ? int.Parse(m.Value, CultureInfo.InvariantCulture) : hits.Length == 0 ? 0 : null;
        }

        await Task.Delay(150);
        var (search, pageBytes, raw, byKind, requests) = await Sizes(finished, baseUrl);
        return new BrowserSample(double.NaN, ms, approximate, search, pageBytes, raw, requests, count, urls, error, byKind);
    }

    /// <summary>
    /// Pagefind's JS API from a blank page of the same site: import pagefind.js and init (not timed: the loaded page), then
    /// search and load the data of the first 10 results (what its UI shows first), timed. For number queries the data of up to 200 more results is loaded afterwards (not counted) to
    /// find the rank; for recall, every result's URL when there are at most <paramref name="recallLimit"/>.
    /// </summary>
    public async Task<(BrowserSample Sample, int? Rank, HashSet<string>? AllUrls)> PagefindSearch(string baseUrl, Query query, string? expectUrl, int recallLimit)
    {
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "__bench/blank.html");
        var finished = new ConcurrentQueue<IRequest>();
        page.RequestFinished += (_, r) => finished.Enqueue(r);
        string? error = null;
        double ms = double.NaN;
        int? count = null;
        var urls = new List<string>();
        try
        {
            var r = await page.EvaluateAsync<JsonElement>("""
                async (q) => {
                  const pf = await import('/pagefind/pagefind.js');
                  await pf.init();
                  const t0 = performance.now();
                  const search = await pf.search(q);
                  const first = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
                  const ms = performance.now() - t0;
                  window.__pf = search;
                  return { ms, count: search.results.length, urls: first.map(d => d.url) };
                }
                """, query.Q);
            ms = r.GetProperty("ms").GetDouble();
            count = r.GetProperty("count").GetInt32();
            urls.AddRange(r.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!));
        }
        catch (PlaywrightException e)
        {
            error = e.Message.Split('\n')[0];
        }

        await Task.Delay(100);
        var (search, pageBytes, raw, byKind, requests) = await Sizes(finished, baseUrl);
        var sample = new BrowserSample(ms, null, false, search, pageBytes, raw, requests, count, urls, error, byKind);
        int? rank = null;
        HashSet<string>? all = null;
        if (error is null && expectUrl is not null)
        {
            var i = urls.IndexOf(expectUrl);
            if (i < 0 && count > 10)
            {
                var more = await page.EvaluateAsync<string[]>("async () => (await Promise.all(window.__pf.results.slice(10, 210).map(r => r.data()))).map(d => d.url)");
                var j = Array.IndexOf(more, expectUrl);
                i = j < 0 ? -1 : j + 10;
            }

            rank = i < 0 ? null : i + 1;
        }

        if (error is null && query.ChecksRecall && count is { } c && c <= recallLimit)
        {
            var every = await page.EvaluateAsync<string[]>("async () => (await Promise.all(window.__pf.results.map(r => r.data()))).map(d => d.url)");
            all = every.ToHashSet(StringComparer.Ordinal);
        }

        return (sample, rank, all);
    }

    /// <summary>Body bytes on the wire (after the server's gzip), split into the search (scripts and index) and the rest of the page.</summary>
    private static async Task<(long Search, long Page, long Raw, Dictionary<string, long> ByKind, int Requests)> Sizes(IEnumerable<IRequest> requests, string baseUrl)
    {
        long search = 0, page = 0, raw = 0;
        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        var n = 0;
        foreach (var request in requests)
        {
            n++;
            var sizes = await request.SizesAsync();
            long body = sizes.ResponseBodySize;
            long decoded = body;
            var response = await request.ResponseAsync();
            if (response is not null)
            {
                try
                {
                    decoded = (await response.BodyAsync()).Length;
                }
                catch (PlaywrightException)
                {
                }
            }

            var path = new Uri(request.Url).AbsolutePath;
            var kind = Kind(path);
            byKind[kind] = byKind.GetValueOrDefault(kind) + body;
            if (kind is "script" or "pagefind" || kind.StartsWith("index/", StringComparison.Ordinal))
            {
                search += body;
                raw += decoded;
            }
            else
            {
                page += body;
            }
        }

        return (search, page + search, raw, byKind, n);
    }

    private static string Kind(string path)
    {
        if (path.StartsWith("/pagefind/", StringComparison.Ordinal))
        {
            return "pagefind";
        }

        if (path.EndsWith(".js", StringComparison.Ordinal))
        {
            return "script";
        }

        if (path.StartsWith("/search/", StringComparison.Ordinal) && path != "/search/" && !path.EndsWith(".html", StringComparison.Ordinal))
        {
            return "index/" + Folder(path);
        }

        return "page";
    }

    /// <summary>The bytes by index folder (terms, postings, meta, text, dir, facets, manifest), from request URLs.</summary>
    public static string Folder(string path)
    {
        var rest = path.StartsWith("/search/", StringComparison.Ordinal) ? path["/search/".Length..] : path;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? rest.Split('.')[0] : rest[..slash];
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
