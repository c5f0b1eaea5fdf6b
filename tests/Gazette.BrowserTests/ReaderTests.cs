namespace Gazette.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReaderTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_large_type_switch_enlarges_the_text_and_is_remembered()
    {
        var page = await fixture.NewPage();
        var url = fixture.Url(SampleDocuments.Url("tongliang-2019-16"));
        await page.GotoAsync(url);
        var button = page.Locator("[data-large-type]").First;
        Assert.True(await button.IsVisibleAsync(), "the large-type switch is hidden although script runs");
        Assert.Equal("false", await button.GetAttributeAsync("aria-pressed"));
        var before = await FontSize(page);

        await button.ClickAsync();
        Assert.Equal("true", await button.GetAttributeAsync("aria-pressed"));
        var after = await FontSize(page);
        Assert.True(after >= before * 1.15, $"body text went from {before}px to {after}px");

        await page.GotoAsync(url);
        Assert.Equal(after, await FontSize(page));
        Assert.Equal("true", await page.Locator("[data-large-type]").First.GetAttributeAsync("aria-pressed"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/gazette/2019/2/")]
    [InlineData("/catalogue/")]
    public async Task Pages_fit_a_360_pixel_phone_without_sideways_scrolling(string path)
    {
        var page = await fixture.NewPage(width: 360, height: 740);
        await page.GotoAsync(fixture.Url(path));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the phone");
    }

    [Fact]
    public async Task A_long_document_fits_a_phone_and_its_tables_scroll_inside_the_page()
    {
        var page = await fixture.NewPage(width: 360, height: 740);
        await page.GotoAsync(fixture.Url(SampleDocuments.Url("luan-2018-acceptance-plan")));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");
        Assert.True(await page.Locator("main table").CountAsync() > 0, "the sample document has no table");
    }

    [Fact]
    public async Task The_theme_runs_under_the_sites_content_security_policy()
    {
        var page = await fixture.NewPage();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        foreach (var path in new[] { "/", "/gazette/2019/2/", SampleDocuments.Url("tongliang-2019-5"), "/catalogue/", "/catalogue/topics/", "/data/" })
        {
            var response = await page.GotoAsync(fixture.Url(path));
            Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);
        }

        Assert.Empty(violations);
        Assert.True(await page.Locator("[data-large-type]").First.IsVisibleAsync(), "the site's script did not run under the policy");
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_pages_are_revalidated_as_the_sites_headers_say()
    {
        var page = await fixture.NewPage();
        var asset = "";
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/assets/site.", StringComparison.Ordinal) && response.Url.EndsWith(".css", StringComparison.Ordinal))
            {
                asset = response.Headers.GetValueOrDefault("cache-control", "");
            }
        };

        var html = await page.GotoAsync(fixture.Url("/data/"));

        Assert.Equal("public, max-age=0, must-revalidate", html!.Headers["cache-control"]);
        Assert.Equal("public, max-age=31536000, immutable", asset);
    }

    [Fact]
    public async Task The_search_index_files_named_by_hash_are_cached_for_a_year_and_its_manifest_is_revalidated()
    {
        var page = await fixture.NewPage();
        var caching = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        page.Response += (_, response) =>
        {
            if ((response.Url.Contains("/search/", StringComparison.Ordinal) && !response.Url.Contains("/search/?", StringComparison.Ordinal))
                || response.Url.Contains("/documents/", StringComparison.Ordinal))
            {
                caching[new Uri(response.Url).AbsolutePath] = response.Headers.GetValueOrDefault("cache-control", "");
            }
        };

        await page.GotoAsync(fixture.Url("/search/?q=" + Uri.EscapeDataString("\"健康有序发展\"") + "&organ=tongliang-gov-office"));
        await page.Locator("#search-results[data-state='done']").WaitForAsync();

        Assert.Equal("public, max-age=0, must-revalidate", caching["/search/manifest.json"]);
        string[] hashed = ["/search/terms/", "/search/meta/", "/search/facets/"];
        foreach (var kind in hashed)
        {
            var files = caching.Where(c => c.Key.StartsWith(kind, StringComparison.Ordinal)).ToList();
            Assert.True(files.Count > 0, $"the search fetched nothing under {kind}: {string.Join(" ", caching.Keys)}");
            Assert.All(files, f => Assert.Equal("public, max-age=31536000, immutable", f.Value));
        }

        // The quoted phrase is checked in the text of a candidate's page, which is revalidated like any page
        var pages = caching.Where(c => c.Key.StartsWith("/documents/", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 0, $"the phrase search fetched no document page: {string.Join(" ", caching.Keys)}");
        Assert.All(pages, f => Assert.Equal("public, max-age=0, must-revalidate", f.Value));
    }

    [Fact]
    public async Task A_raw_HTML_table_with_merged_cells_renders_under_the_content_security_policy()
    {
        var page = await fixture.NewPage();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        var response = await page.GotoAsync(fixture.Url(SampleDocuments.Url("luan-2018-acceptance-plan")));
        var policy = response!.Headers["content-security-policy"];
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);

        // The first group of the indicator table: 序号 1 and 组织领导 span its seven rows, 组织保障 two of them.
        var merged = page.Locator("main td[rowspan='7']").First;
        Assert.Equal("1", (await merged.TextContentAsync())?.Trim());
        var heights = await merged.EvaluateAsync<double[]>(
            """
            td => {
              let rows = 0, row = td.parentElement;
              for (let i = 0; i < 7; i++, row = row.nextElementSibling) { rows += row.getBoundingClientRect().height; }
              return [td.getBoundingClientRect().height, rows, td.parentElement.getBoundingClientRect().height];
            }
            """);
        Assert.True(Math.Abs(heights[0] - heights[1]) < 2 && heights[0] > 2 * heights[2],
            $"the merged cell is {heights[0]}px high, its seven rows {heights[1]}px, the first row {heights[2]}px");
        Assert.EndsWith("center", await merged.EvaluateAsync<string>("td => getComputedStyle(td).textAlign")); // -webkit-center in Chromium

        // The theme's script ran and wrapped the raw table like a Markdown one.
        Assert.Equal(2, await page.Locator("main .table-scroll > table").CountAsync());
        Assert.Empty(problems);
    }

    private static Task<double> FontSize(Microsoft.Playwright.IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)");
}
