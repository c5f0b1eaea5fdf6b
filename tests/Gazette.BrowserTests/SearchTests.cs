using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gazette.BrowserTests;

/// <summary>
/// The search page and the header search box on the sample site: Chinese queries, document numbers, filters, sort, pages, the
/// URL state and the back button, no JavaScript, the CSP and accessibility. Each search sets data-state="done" and counts up
/// data-searches on #search-results when it has finished, which is what the tests wait for.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SearchTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Policy = "tongliang-2019-16";

    [Fact]
    public async Task The_header_box_on_the_home_page_lands_on_the_search_page_with_results()
    {
        var (page, problems) = await Open("/");
        var box = page.GetByRole(AriaRole.Search, new() { Name = "站内检索" }).GetByRole(AriaRole.Searchbox, new() { Name = "站内检索", Exact = true });
        Assert.Equal(1, await box.CountAsync());

        await box.FillAsync("乡村振兴");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/search/");
        await Settled(page, 0);

        Assert.Equal("乡村振兴", Query(page)["q"]);
        Assert.Equal("乡村振兴", await page.InputValueAsync("#search-q"));
        Assert.True((await Results(page)).Count > 0, "no results for 乡村振兴");
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("乡村振兴")]
    [InlineData("政务新媒体")]
    [InlineData("PPP")]
    public async Task An_unquoted_query_finds_every_sample_document_containing_it(string query)
    {
        var expected = Containing(query);
        Assert.NotEmpty(expected);
        var (page, problems) = await Open("/search/?q=" + Uri.EscapeDataString(query));
        await Settled(page, 0);

        var found = await AllResults(page);
        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        var count = expected.Count == 1 ? "共1条结果" : $"共{expected.Count}条结果";
        Assert.Equal(count, (await page.Locator("#search-status").InnerTextAsync()).Trim());

        // Every result on screen shows the matched words: in its title or summary, or in a snippet cut from its text.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('#search-list li')].slice(0, 3).every(li => li.querySelector('mark'))");
        var first = page.Locator("#search-list li").First;
        Assert.Contains(query.ToLowerInvariant(), (await first.Locator("mark").AllInnerTextsAsync()).Select(m => m.ToLowerInvariant()).Aggregate("", (a, m) => a + m));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_quoted_query_finds_the_exact_phrase_only()
    {
        // 公开政务: five sample documents have its terms (公开, 开政, 政务), two have the string itself.
        var (page, problems) = await Open("/search/?q=" + Uri.EscapeDataString("公开政务"));
        await Settled(page, 0);
        var loose = await AllResults(page);

        var before = await Searches(page);
        await page.FillAsync("#search-q", "“公开政务”");
        await page.PressAsync("#search-q", "Enter");
        await Settled(page, before);
        var exact = await AllResults(page);

        var expected = Containing("公开政务");
        Assert.Equal(expected.Order(StringComparer.Ordinal), exact.Order(StringComparer.Ordinal));
        Assert.True(loose.Count > exact.Count, $"the unquoted query found {loose.Count}, the quoted {exact.Count}");
        Assert.Subset(loose.ToHashSet(), exact.ToHashSet());
        Assert.Equal("“公开政务”", Query(page)["q"]);
        foreach (var snippet in await page.Locator("#search-list .search-hit").AllInnerTextsAsync())
        {
            Assert.Contains("公开政务", snippet);
        }

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("铜府办发[2019]16号")]
    [InlineData("铜府办发【2019】16")]
    [InlineData("铜府办发(２０１９)１６号")]
    [InlineData("铜府办发〔2019〕16号")]
    public async Task A_document_number_in_any_form_brings_its_document_first(string number)
    {
        var (page, problems) = await Open("/search/?q=" + Uri.EscapeDataString(number));
        await Settled(page, 0);
        var results = await Results(page);
        Assert.Equal(SampleDocuments.Url(Policy), results[0]);
        Assert.Equal("铜府办发〔2019〕16号", await page.Locator("#search-list li").First.Locator("[data-hit=number] mark").InnerTextAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Organ_and_validity_filters_show_counts_narrow_the_results_and_enter_the_URL()
    {
        var (page, problems) = await Open("/search/?q=" + Uri.EscapeDataString("公开"));
        await Settled(page, 0);
        var all = await Total(page);
        await OpenFilters(page);

        // Every value shows how many results it would give.
        var organ = page.GetByLabel("按发布机构");
        var option = organ.Locator("option[value='tongliang-gov-office']");
        var promised = Count(await option.InnerTextAsync());
        Assert.Contains("重庆市铜梁区人民政府办公室", await option.InnerTextAsync());

        var before = await Searches(page);
        await organ.SelectOptionAsync("tongliang-gov-office");
        await Settled(page, before);
        Assert.Equal("tongliang-gov-office", Query(page)["organ"]);
        var byOrgan = await Total(page);
        Assert.Equal(promised, byOrgan);
        Assert.True(byOrgan < all, $"the organ filter left {byOrgan} of {all}");
        foreach (var organText in await page.Locator("#search-list [data-hit=organ]").AllInnerTextsAsync())
        {
            Assert.Contains("重庆市铜梁区人民政府办公室", organText);
        }

        var validity = page.GetByLabel("按有效性");
        await page.WaitForFunctionAsync("() => document.getElementById('search-filters').dataset.state === 'done'");
        var valid = Count(await validity.Locator("option[value='valid']").InnerTextAsync());
        before = await Searches(page);
        await validity.SelectOptionAsync("valid");
        await Settled(page, before);
        var query = Query(page);
        Assert.Equal("valid", query["validity"]);
        Assert.Equal("tongliang-gov-office", query["organ"]);
        Assert.Equal("公开", query["q"]);
        Assert.Equal(valid, await Total(page));
        Assert.True(valid < byOrgan, $"the validity filter left {valid} of {byOrgan}");
        Assert.Equal(0, await page.Locator("#search-list .badge").CountAsync());
        Assert.Contains("2", await page.Locator("#search-filters summary").InnerTextAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Filters_work_without_a_query()
    {
        var repealed = Public().Where(d => d.Validity.Status == ValidityStatus.Repealed).Select(d => SampleDocuments.Url(d.Id)).ToList();
        Assert.NotEmpty(repealed);
        var (page, problems) = await Open("/search/?validity=repealed");
        await Settled(page, 0);
        Assert.Equal(repealed.Order(StringComparer.Ordinal), (await AllResults(page)).Order(StringComparer.Ordinal));
        foreach (var badge in await page.Locator("#search-list .badge").AllInnerTextsAsync())
        {
            Assert.Equal("废止", badge.Trim());
        }

        Assert.Equal(repealed.Count, await page.Locator("#search-list .badge").CountAsync());

        // Choosing a filter on an empty search page runs a filter-only search.
        var (empty, _) = await Open("/search/");
        await OpenFilters(empty);
        var before = await Searches(empty);
        await empty.GetByLabel("按年份").SelectOptionAsync("2019");
        await Settled(empty, before);
        Assert.Equal("2019", Query(empty)["year"]);
        var in2019 = Public().Count(d => d.Published.Year == 2019);
        Assert.Equal(in2019, await Total(empty));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_date_range_keeps_the_documents_published_in_it()
    {
        var (page, problems) = await Open("/search/?from=2019-01-01&to=2019-06-30");
        await Settled(page, 0);
        var expected = Public().Where(d => d.Published >= new DateOnly(2019, 1, 1) && d.Published <= new DateOnly(2019, 6, 30))
            .Select(d => SampleDocuments.Url(d.Id)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, (await AllResults(page)).Order(StringComparer.Ordinal));
        await OpenFilters(page);
        Assert.Equal("2019-01-01", await page.InputValueAsync("#search-from"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Sorting_by_date_puts_the_newest_first_and_enters_the_URL()
    {
        var (page, problems) = await Open("/search/?q=" + Uri.EscapeDataString("政务公开"));
        await Settled(page, 0);
        var byRelevance = await Results(page);

        var before = await Searches(page);
        await page.GetByLabel("排序").SelectOptionAsync("date");
        await Settled(page, before);
        Assert.Equal("date", Query(page)["sort"]);
        var dates = (await page.Locator("#search-list [data-hit=date]").AllInnerTextsAsync())
            .Select(d => DateOnly.ParseExact(d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.True(dates.Count > 1);
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.NotEqual(byRelevance, await Results(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task More_than_ten_results_are_paged_and_the_back_button_returns_to_the_first_page()
    {
        var (page, problems) = await Open("/search/?q=" + Uri.EscapeDataString("公开"));
        await Settled(page, 0);
        var total = await Total(page);
        Assert.True(total > 10, $"公开 found only {total}");
        var first = await Results(page);
        Assert.Equal(10, first.Count);

        var before = await Searches(page);
        await page.Locator("#search-pages a[aria-label='第2页']").ClickAsync();
        await Settled(page, before);
        Assert.Equal("2", Query(page)["page"]);
        var second = await Results(page);
        Assert.Equal(total - 10, second.Count);
        Assert.Empty(first.Intersect(second));
        Assert.Equal("11", await page.GetAttributeAsync("#search-list", "start"));
        Assert.Equal("page", await page.Locator("#search-pages a[aria-label='第2页']").GetAttributeAsync("aria-current"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.id === 'search-status'"), "focus stays on the old page link");

        before = await Searches(page);
        await page.GoBackAsync();
        await Settled(page, before);
        Assert.False(Query(page).ContainsKey("page"));
        Assert.Equal(first, await Results(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_reader_follows_a_result_and_the_back_button_restores_the_search()
    {
        var (page, problems) = await Open("/search/");
        await page.FillAsync("#search-q", "乡村振兴");
        await page.ClickAsync("#search-form button[type=submit] >> nth=0");
        await Settled(page, 0);
        var results = await Results(page);
        Assert.Equal("乡村振兴", Query(page)["q"]);

        var link = page.Locator("#search-list a[data-hit=title]").First;
        var title = await link.InnerTextAsync();
        await link.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == results[0]);
        Assert.Equal(title.Trim(), (await page.Locator("h1").InnerTextAsync()).Trim());

        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('search-results')?.dataset.state === 'done'");
        Assert.Equal("乡村振兴", await page.InputValueAsync("#search-q"));
        Assert.Equal(results, await Results(page));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_shared_address_reproduces_the_search()
    {
        var (page, problems) = await Open("/search/");
        await page.FillAsync("#search-q", "政务公开");
        await page.PressAsync("#search-q", "Enter");
        await Settled(page, 0);
        await OpenFilters(page);
        var before = await Searches(page);
        await page.GetByLabel("按发布机构").SelectOptionAsync("liaocheng-gov-office");
        await Settled(page, before);
        var results = await Results(page);
        var status = await page.Locator("#search-status").InnerTextAsync();
        Assert.NotEmpty(results);

        var (shared, _) = await Open(new Uri(page.Url).PathAndQuery);
        await Settled(shared, 0);
        Assert.Equal(results, await Results(shared));
        Assert.Equal(status, await shared.Locator("#search-status").InnerTextAsync());
        Assert.Equal("政务公开", await shared.InputValueAsync("#search-q"));
        Assert.Equal("liaocheng-gov-office", await shared.InputValueAsync("#search-organ"));
        Assert.Contains("1", await shared.Locator("#search-filters summary").InnerTextAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_query_without_results_says_so_and_gives_advice()
    {
        var (page, problems) = await Open("/search/?q=" + Uri.EscapeDataString("量子计算机"));
        await Settled(page, 0);
        Assert.Equal("没有找到符合条件的文件。", (await page.Locator("#search-status").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#search-advice").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("#search-list li").CountAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task An_index_that_cannot_be_loaded_gives_an_error_with_a_way_on()
    {
        var page = await fixture.NewPage();
        await page.RouteAsync("**/search/manifest.json", route => route.FulfillAsync(new RouteFulfillOptions { Status = 404 }));
        await page.GotoAsync(fixture.Url("/search/?q=" + Uri.EscapeDataString("政务")));
        await page.WaitForFunctionAsync("() => document.getElementById('search-results').dataset.state === 'error'");
        var error = page.Locator("#search-error");
        Assert.True(await error.IsVisibleAsync());
        Assert.Contains("检索索引未能加载", await error.InnerTextAsync());
        Assert.Equal(1, await error.Locator("a[href='/catalogue/']").CountAsync());
    }

    [Fact]
    public async Task Without_JavaScript_the_search_page_says_so_and_links_to_the_catalogue()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Server.BaseUrl,
            JavaScriptEnabled = false,
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Url("/search/?q=" + Uri.EscapeDataString("政务")));
        var message = page.Locator("main .search-noscript");
        Assert.True(await message.IsVisibleAsync(), "the noscript message is not shown");
        Assert.Contains("JavaScript", await message.InnerTextAsync());
        var link = message.Locator("a[href='/catalogue/']");
        Assert.True(await link.IsVisibleAsync(), "no link to the catalogue");
        Assert.False(await page.Locator("#search-q").IsVisibleAsync(), "a search box that cannot work is shown");

        // The header box of other pages still leads here.
        await page.GotoAsync(fixture.Url("/"));
        await page.FillAsync("#site-search-q", "乡村振兴");
        await page.PressAsync("#site-search-q", "Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/search/");
        await link.ClickAsync();
        Assert.EndsWith("/catalogue/", page.Url);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Searching_breaks_no_rule_of_the_content_security_policy()
    {
        var (page, problems) = await Open("/");
        Assert.False(await page.EvaluateAsync<bool>("() => 'GazetteSearch' in window"), "the search scripts load on every page");
        await page.FillAsync("#site-search-q", "“政务新媒体” 铜梁");
        await page.PressAsync("#site-search-q", "Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/search/");
        await Settled(page, 0);
        await OpenFilters(page);
        var before = await Searches(page);
        await page.GetByLabel("排序").SelectOptionAsync("date");
        await Settled(page, before);
        Assert.True(fixture.Server.Headers["Content-Security-Policy"].Contains("script-src 'self'", StringComparison.Ordinal));
        Assert.True(await Total(page) > 0);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_search_page_fits_a_360_pixel_phone_with_results_and_filters_open()
    {
        var (page, problems) = await Open("/search/?q=" + Uri.EscapeDataString("政务公开") + "&organ=liaocheng-gov-office", width: 360);
        await Settled(page, 0);
        await OpenFilters(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the search page is {overflow}px wider than the phone");
        var (home, _) = await Open("/", width: 360);
        Assert.True(await home.Locator("#site-search-q").IsVisibleAsync());
        overflow = await home.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the home page with its search box is {overflow}px wider than the phone");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Keyboard_users_reach_every_control_and_see_where_they_are()
    {
        var (page, problems) = await Open("/search/");
        await page.FocusAsync("#search-q");
        await page.Keyboard.TypeAsync("政务公开");
        await page.Keyboard.PressAsync("Enter");
        await Settled(page, 0);
        Assert.Equal("search-q", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // Tab order: button, filters, sort, then the results.
        var reached = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.id || e.tagName + ':' + (e.getAttribute('data-hit') || e.textContent.trim()); }"));
            var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
            Assert.NotEqual("none", outline);
        }

        Assert.Equal("BUTTON:检索", reached[0]);
        Assert.StartsWith("SUMMARY:", reached[1]);
        Assert.Equal("search-sort", reached[2]);
        Assert.Equal("A:title", reached[3]);

        // Enter on the summary opens the filters, whose controls all have labels.
        await page.FocusAsync("#search-filters summary");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.getElementById('search-filters').dataset.state === 'done'");
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#search-form select, #search-form input')].filter(e => !e.labels || e.labels.length === 0).map(e => e.id)");
        Assert.Empty(unlabelled);
        Assert.Equal("polite", await page.GetAttributeAsync("#search-status", "aria-live"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_search_page_with_results_and_filters_open_has_no_WCAG_2_1_AA_violations()
    {
        foreach (var width in new[] { 1280, 390 })
        {
            var (page, _) = await Open("/search/?q=" + Uri.EscapeDataString("政务公开") + "&validity=valid&page=1", width: width);
            await Settled(page, 0);
            await OpenFilters(page);
            Assert.True(await page.Locator("#search-list li").CountAsync() > 0);
            var results = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            var violations = results.Violations
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
                .ToList();
            Assert.True(violations.Count == 0, $"search page at {width}px:\n" + string.Join("\n", violations));
            Assert.True(results.Passes.Length > 10, $"axe ran only {results.Passes.Length} passing rules");
            if (Environment.GetEnvironmentVariable("GAZETTE_SCREENSHOTS") is { Length: > 0 } folder)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"search-{width}.png"), FullPage = true });
            }

            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_search_page_preloads_only_the_manifest_and_the_first_search_does_not_fetch_it_again()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.Url("/search/"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var before = (await Fetched(page)).Where(f => !f.Path.StartsWith("/assets/", StringComparison.Ordinal)).Select(f => f.Path).ToList();
        Assert.Equal(["/search/manifest.json"], before);

        var searches = await Searches(page);
        await page.FillAsync("#search-q", "乡村振兴");
        await page.PressAsync("#search-q", "Enter");
        await Settled(page, searches);
        var after = (await Fetched(page)).Select(f => f.Path).ToList();
        Assert.Single(after, p => p == "/search/manifest.json");
        Assert.Contains(after, p => p.StartsWith("/search/terms/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_first_search_fetches_little()
    {
        // A cold page: the two search scripts and every index file the search fetched. The results in view whose title and
        // summary lack the words then get a snippet cut from their text, read from their pages as they come into view.
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.Url("/search/?q=" + Uri.EscapeDataString("乡村振兴")));
        await Settled(page, 0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var files = await Fetched(page);
        var search = files.Where(f => !f.Path.StartsWith("/documents/", StringComparison.Ordinal)).ToList();
        var snippets = files.Except(search).ToList();
        output.WriteLine(string.Join("\n", files.Select(f => $"{f.Bytes,8} {f.Path}")));
        output.WriteLine($"{search.Sum(f => f.Bytes)} bytes for the search (scripts and index), {snippets.Sum(f => f.Bytes)} for snippets");
        Assert.Equal(2, search.Count(f => f.Path.StartsWith("/assets/search", StringComparison.Ordinal)));
        Assert.Contains(search, f => f.Path == "/search/manifest.json");
        Assert.DoesNotContain(search, f => f.Path.Contains("/facets/", StringComparison.Ordinal) || f.Path.Contains("/dates.", StringComparison.Ordinal));
        Assert.Equal(files.Count, files.Select(f => f.Path).Distinct().Count());
        // The scripts are served here uncompressed (38 KB of the budget; 14 KB gzip; reading a text from a page added 0.7 KB):
        // the index files take the rest.
        Assert.True(search.Sum(f => f.Bytes) < 53_000, $"a first search fetched {search.Sum(f => f.Bytes)} bytes");

        var inView = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('#search-list li')].filter(li => li.getBoundingClientRect().top < innerHeight + 200).length");
        Assert.InRange(snippets.Count, 1, inView);
    }

    // ---------- helpers ----------

    /// <summary>A page at path, with a list that collects CSP violations, script errors and failed requests.</summary>
    private async Task<(IPage Page, List<string> Problems)> Open(string path, int width = 1280)
    {
        var page = await fixture.NewPage(width: width);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        await page.GotoAsync(fixture.Url(path));
        return (page, problems);
    }

    private static async Task<List<(string Path, long Bytes)>> Fetched(IPage page) =>
        (await page.EvaluateAsync<string[][]>(
            """
            () => performance.getEntriesByType('resource')
              .map(e => [new URL(e.name).pathname, String(e.encodedBodySize)])
              .filter(([path]) => path.startsWith('/search/') || path.startsWith('/assets/search') || path.startsWith('/documents/'))
            """)).Select(f => (f[0], long.Parse(f[1], CultureInfo.InvariantCulture))).ToList();

    private static async Task<int> Searches(IPage page) =>
        int.Parse(await page.GetAttributeAsync("#search-results", "data-searches") ?? "0", CultureInfo.InvariantCulture);

    /// <summary>Waits until a search after the <paramref name="before"/>th has finished.</summary>
    private static Task Settled(IPage page, int before) => page.WaitForFunctionAsync(
        "n => { const r = document.getElementById('search-results'); return +(r.dataset.searches || 0) > n && r.dataset.state === 'done'; }",
        before);

    private static async Task OpenFilters(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => document.getElementById('search-filters').open"))
        {
            await page.Locator("#search-filters summary").ClickAsync();
        }

        await page.WaitForFunctionAsync("() => document.getElementById('search-filters').dataset.state === 'done'");
    }

    /// <summary>The permalinks of the results on the current page, in order.</summary>
    private static async Task<List<string>> Results(IPage page) =>
        (await page.Locator("#search-list a[data-hit=title]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToList();

    /// <summary>The results of every page, following the page links.</summary>
    private static async Task<List<string>> AllResults(IPage page)
    {
        var all = await Results(page);
        while (await page.Locator("#search-pages a[rel=next]").CountAsync() > 0)
        {
            var before = await Searches(page);
            await page.Locator("#search-pages a[rel=next]").ClickAsync();
            await Settled(page, before);
            all.AddRange(await Results(page));
        }

        return all;
    }

    private static async Task<int> Total(IPage page) => Count(await page.Locator("#search-status").InnerTextAsync());

    private static int Count(string text) => int.Parse(Number().Match(text).Value, CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Query(IPage page) =>
        new Uri(page.Url).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    /// <summary>The permalinks of the public sample documents whose title, number, summary or body contain the text.</summary>
    private static List<string> Containing(string text) =>
        Public().Where(d => string.Join('\n', d.Title, d.DocNumber, d.Summary, Regex.Replace(SampleDocuments.Body(d), @"[*_`]", ""))
                .Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(d => SampleDocuments.Url(d.Id))
            .ToList();

    private static IEnumerable<Document> Public() => SampleDocuments.All.Where(d => d.IsPublic);

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}
