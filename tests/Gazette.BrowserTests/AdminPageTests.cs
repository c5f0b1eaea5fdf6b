using Microsoft.Playwright;

namespace Gazette.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_administration_page_shows_Decap_CMS_login_under_its_content_security_policy_without_errors()
    {
        Assert.True(File.Exists(Path.Combine(fixture.Output, "admin", "index.html")),
            "the sample site has no administration page: run 'npm ci --prefix admin' (tests/run does)");
        var page = await fixture.NewPage();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // A failed request is reported as a response below (where Netlify Identity's are let through)
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add("page error: " + error);
        page.Response += (_, answer) =>
        {
            // Netlify Identity's service (/.netlify/identity/) answers only on Netlify: here the widget's settings request fails.
            if (answer.Status >= 400 && !answer.Url.Contains("/.netlify/identity/", StringComparison.Ordinal))
            {
                errors.Add($"{answer.Status}: {answer.Url}");
            }
        };

        var response = await page.GotoAsync(fixture.Url("/admin/"));
        Assert.Contains("'unsafe-inline'", response!.Headers["content-security-policy"]);

        // Git Gateway with the Identity widget: Decap's login button, which opens the widget.
        var login = page.Locator("button");
        await login.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.True(await login.First.IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.netlifyIdentity?.open === 'function'"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task An_invitation_link_to_the_home_page_is_sent_on_to_the_administration_page()
    {
        var page = await fixture.NewPage();
        var requested = new List<string>();
        page.Request += (_, request) => { if (request.IsNavigationRequest) { requested.Add(request.Url); } };
        // Before any script of each page opened: the address's fragment as the page got it.
        await page.AddInitScriptAsync("sessionStorage.setItem('fragment ' + location.pathname, location.hash)");

        await page.GotoAsync(fixture.Url("/#invite_token=abc123"));
        await page.WaitForURLAsync(url => url.Contains("/admin/", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });

        // The widget takes the token from the address (and Decap then sets its own): the page was opened with it.
        Assert.Equal([fixture.Url("/"), fixture.Url("/admin/")], requested);
        Assert.Equal("#invite_token=abc123", await page.EvaluateAsync<string>("() => sessionStorage.getItem('fragment /admin/')"));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.netlifyIdentity?.open === 'function'"));
        requested.Clear();
        await page.GotoAsync(fixture.Url("/#top"));
        Assert.EndsWith("/#top", page.Url);
        Assert.Equal([fixture.Url("/")], requested);
    }
}
