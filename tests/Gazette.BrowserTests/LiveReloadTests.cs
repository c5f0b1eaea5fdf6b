using Gazette.Cli;
using Gazette.Pipeline;
using Microsoft.Playwright;
using Spectre.Console;

namespace Gazette.BrowserTests;

/// <summary><c>gazette serve</c> in the browser: an open page reloads after a rebuild and shows a failed build's errors.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveReloadTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_open_page_reloads_when_its_document_changes_and_shows_the_errors_of_a_failed_build_over_the_last_good_page()
    {
        var root = Path.Combine(Path.GetTempPath(), "gazette-serve-" + Guid.NewGuid().ToString("N")[..12]);
        Copy(Path.Combine(BrowserFixture.RepositoryRoot, "content"), Path.Combine(root, "content"));
        var document = Path.Combine(root, "content/documents/2019/tongliang-2019-16.md");
        var original = await File.ReadAllTextAsync(document);
        var silent = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        using var stop = new CancellationTokenSource();
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = BuildOptions.ForSite(root, theme: Path.Combine(BrowserFixture.RepositoryRoot, "theme"));
        var serve = Task.Run(() => GazetteCommand.Serve(options, 0, quiet: true, verbose: false, stop.Token, silent, silent, address.SetResult));
        try
        {
            var page = await fixture.NewPage();
            await page.GotoAsync(new Uri(await address.Task.WaitAsync(TimeSpan.FromSeconds(60)), SampleDocuments.Url("tongliang-2019-16").TrimStart('/')).ToString());
            await page.WaitForFunctionAsync("() => document.querySelector('script[src=\"/__gazette/live-reload.js\"]')");
            await page.EvaluateAsync("() => { window.__before = true; }");

            // A new title: the page reloads by itself (the mark set on the old page is gone) and shows it.
            await File.WriteAllTextAsync(document, original.Replace("title: 重庆市", "title: 修改后的重庆市", StringComparison.Ordinal));
            await page.WaitForFunctionAsync("() => !window.__before && document.querySelector('h1')?.textContent.includes('修改后的重庆市')", null, new() { Timeout = 60_000 });

            // A broken date: the errors show over the page, which stays the last good build.
            await File.WriteAllTextAsync(document, original.Replace("published: 2019-07-19", "published: 2019-07-32", StringComparison.Ordinal));
            var overlay = page.Locator("#gazette-build-errors");
            await overlay.WaitForAsync(new() { Timeout = 60_000 });
            Assert.Contains("content/documents/2019/tongliang-2019-16.md:", await overlay.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("[GZ0103]", await overlay.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("alert", await overlay.GetAttributeAsync("role"));
            Assert.Contains("修改后的重庆市", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

            // Fixed: the page reloads and the overlay is gone.
            await File.WriteAllTextAsync(document, original);
            await page.WaitForFunctionAsync("() => !document.querySelector('#gazette-build-errors') && document.querySelector('h1') && !document.querySelector('h1').textContent.includes('修改后')", null, new() { Timeout = 60_000 });
            await page.Context.CloseAsync();
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(GazetteCommand.Success, await serve.WaitAsync(TimeSpan.FromSeconds(30)));
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
