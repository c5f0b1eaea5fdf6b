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
            if (message.Type is "error" or "warning")
            {
                errors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add("page error: " + error);
        page.Response += (_, answer) =>
        {
            if (answer.Status >= 400)
            {
                errors.Add($"{answer.Status}: {answer.Url}");
            }
        };

        var response = await page.GotoAsync(fixture.Url("/admin/"));
        Assert.Contains("'unsafe-inline'", response!.Headers["content-security-policy"]);

        // Git Gateway without the Identity widget: Decap's own login form, with its button.
        var login = page.Locator("button");
        await login.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.True(await login.First.IsVisibleAsync());
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
