using System.Diagnostics;
using System.Globalization;

namespace Gazette.Bench.Measure;

/// <summary>
/// Times a search in Debian's Chromium started on its own, with nothing attached: no DevTools protocol, no automation. Playwright
/// drives Chromium over the DevTools protocol and enables its network events, which on this 2-core machine about doubles the time
/// of a search made of a dozen requests (2026-11-30, the same 100,000-document site, 8 queries × 5: sum of medians 3,452 ms under
/// Playwright, 1,740 ms without); a reader's browser has nothing attached. Each measurement is a new Chromium process with a new,
/// empty profile (a cold cache). The page reports its figure by a POST to the <see cref="StaticServer"/>, which adds the
/// measuring script to pages asked for with <c>__bench=&lt;token&gt;</c>.
/// </summary>
public static class PlainChromium
{
    /// <summary>
    /// The script added to Gazette's search page: once the page has loaded and been idle for a second (its scripts and preloaded
    /// manifest in, as for a reader about to type), the query of <c>__q</c> is put in the URL the way the search form and the back
    /// button do, and the time runs until the client marks the new search done. Reports the milliseconds, or "error …".
    /// </summary>
    public const string GazetteScript = """
        (() => {
          const params = new URLSearchParams(location.search);
          const report = (v) => fetch('/__bench/result?token=' + encodeURIComponent(params.get('__bench')), { method: 'POST', body: String(v) });
          addEventListener('load', () => setTimeout(() => {
            const el = document.getElementById('search-results');
            if (!el) { report('error: no #search-results'); return; }
            const before = el.dataset.searches;
            const t0 = performance.now();
            new MutationObserver((_, observer) => {
              if (el.dataset.searches !== before && (el.dataset.state === 'done' || el.dataset.state === 'error')) {
                observer.disconnect();
                report(el.dataset.state === 'done' ? performance.now() - t0 : 'error: the client reported an error');
              }
            }).observe(el, { attributes: true });
            const q = params.get('__q') || '';
            history.pushState(null, '', location.pathname + (q ? '?' + q : ''));
            dispatchEvent(new PopStateEvent('popstate'));
          }, 1000));
        })();
        """;

    /// <summary>
    /// The module of the Pagefind page: pagefind.js imported and initialised (not timed, as Gazette's page is loaded), a second
    /// idle, then the search and the data of its first 10 results (what its UI shows first), timed.
    /// </summary>
    public const string PagefindScript = """
        const params = new URLSearchParams(location.search);
        const report = (v) => fetch('/__bench/result?token=' + encodeURIComponent(params.get('__bench')), { method: 'POST', body: String(v) });
        try {
          const pf = await import('/pagefind/pagefind.js');
          await pf.init();
          await new Promise((resolve) => setTimeout(resolve, 1000));
          const t0 = performance.now();
          const search = await pf.search(params.get('__q'));
          await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
          report(performance.now() - t0);
        } catch (e) {
          report('error: ' + e);
        }
        """;

    public const string PagefindPage =
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>bench</title><script type=\"module\" src=\"/__bench/pagefind-measure.js\"></script></head></html>";

    /// <summary>Serves the measuring scripts and the Pagefind page from <paramref name="server"/>.</summary>
    public static void Serve(StaticServer server)
    {
        server.BenchScript = "/__bench/measure.js";
        server.Extra["/__bench/measure.js"] = ("text/javascript; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(GazetteScript));
        server.Extra["/__bench/pagefind-measure.js"] = ("text/javascript; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(PagefindScript));
        server.Extra["/__bench/pagefind.html"] = ("text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(PagefindPage));
    }

    /// <summary>
    /// Opens <paramref name="path"/> (relative to the server, without a query string) with <c>__bench</c> and <c>__q</c>
    /// (<paramref name="query"/>, passed to the page as it is) and waits for the page's report: the milliseconds, or NaN and why.
    /// </summary>
    public static async Task<(double Ms, string? Error)> Time(StaticServer server, string path, string query, TimeSpan limit)
    {
        var token = Guid.NewGuid().ToString("N");
        var reported = server.Expect(token);
        var profile = Directory.CreateTempSubdirectory("gazette-bench-chromium-").FullName;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("GAZETTE_CHROMIUM") ?? "/usr/bin/chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in Browser.ChromiumArgs.Concat(["--headless", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=zh-CN",
                     server.BaseUrl + path + "?__bench=" + token + "&__q=" + Uri.EscapeDataString(query)]))
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var chromium = Process.Start(info) ?? throw new InvalidOperationException("chromium did not start");
            chromium.OutputDataReceived += (_, _) => { };
            chromium.ErrorDataReceived += (_, _) => { };
            chromium.BeginOutputReadLine();
            chromium.BeginErrorReadLine();
            var first = await Task.WhenAny(reported, chromium.WaitForExitAsync(), Task.Delay(limit));
            var result = first == reported
                ? reported.Result.StartsWith("error", StringComparison.Ordinal)
                    ? (double.NaN, reported.Result)
                    : (double.Parse(reported.Result, CultureInfo.InvariantCulture), null)
                : (double.NaN, chromium.HasExited ? $"chromium exited ({chromium.ExitCode}) before the page reported" : $"no report within {limit.TotalSeconds:N0} s");
            if (!chromium.HasExited)
            {
                chromium.Kill(entireProcessTree: true);
                await chromium.WaitForExitAsync();
            }

            return result;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (double.NaN, "chromium did not start: " + e.Message);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be writing its profile as it goes; the temporary folder is left.
            }
        }
    }
}
