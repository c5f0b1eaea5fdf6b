using Microsoft.Playwright;

namespace Gazette.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class NavigationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_reader_goes_from_the_gazette_years_to_an_issue_to_a_document()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.Url("/gazette/"));
        await page.Locator("main a[href='/gazette/2019/']").First.ClickAsync();
        Assert.EndsWith("/gazette/2019/", page.Url);

        await page.Locator("main a[href='/gazette/2019/2/']").First.ClickAsync();
        Assert.EndsWith("/gazette/2019/2/", page.Url);
        Assert.Contains("2019年第2期", await page.Locator("h1").InnerTextAsync());

        var policy = SampleDocuments.Find("tongliang-2019-16");
        await page.Locator($"main a[href='{SampleDocuments.Url(policy.Id)}']").First.ClickAsync();
        Assert.EndsWith(SampleDocuments.Url(policy.Id), page.Url);
        Assert.Equal(policy.Title, (await page.Locator("h1").InnerTextAsync()).Trim());

        // The document page says which issue printed it, and links back to it.
        Assert.True(await page.Locator("main a[href='/gazette/2019/2/']").CountAsync() > 0);
    }

    [Fact]
    public async Task An_issue_links_to_its_previous_and_next_issue()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.Url("/gazette/2019/1/"));
        Assert.True(await page.Locator("a[href='/gazette/2018/3/']").CountAsync() > 0, "no link to the previous issue");
        Assert.True(await page.Locator("a[href='/gazette/2019/2/']").CountAsync() > 0, "no link to the next issue");
    }

    [Fact]
    public async Task A_reader_follows_a_policy_to_its_interpretation_and_back()
    {
        var page = await fixture.NewPage();
        var policy = SampleDocuments.Url("tongliang-2019-16");
        var interpretation = SampleDocuments.Url("tongliang-2019-16-jiedu");
        await page.GotoAsync(fixture.Url(policy));
        await page.Locator($"main a[href='{interpretation}']").First.ClickAsync();
        Assert.EndsWith(interpretation, page.Url);
        Assert.Equal(SampleDocuments.Find("tongliang-2019-16-jiedu").Title, (await page.Locator("h1").InnerTextAsync()).Trim());

        await page.Locator($"main a[href='{policy}']").First.ClickAsync();
        Assert.EndsWith(policy, page.Url);
    }

    [Fact]
    public async Task A_repealed_document_shows_a_notice_with_the_date_and_a_link_to_its_successor()
    {
        var repealed = SampleDocuments.Find("tongliang-2019-5");
        var successor = SampleDocuments.Url(repealed.Validity.RepealedBy!);
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.Url(SampleDocuments.Url(repealed.Id)));

        var notice = page.GetByRole(AriaRole.Note).First;
        Assert.True(await notice.IsVisibleAsync(), "the repeal notice is not visible");
        var text = await notice.InnerTextAsync();
        Assert.Contains("废止", text);
        Assert.Contains(repealed.Validity.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text);

        // The notice comes before the body, where a reader sees it first.
        var noticeTop = (await notice.BoundingBoxAsync())!.Y;
        var bodyTop = (await page.Locator("main h2").Last.BoundingBoxAsync())!.Y;
        Assert.True(noticeTop < bodyTop);

        await notice.Locator($"a[href='{successor}']").ClickAsync();
        Assert.EndsWith(successor, page.Url);
    }

    [Fact]
    public async Task A_document_in_force_shows_no_repeal_notice()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync(fixture.Url(SampleDocuments.Url("tongliang-2019-16")));
        Assert.Equal(0, await page.GetByRole(AriaRole.Note).CountAsync());
    }

    [Fact]
    public async Task An_unknown_address_answers_with_the_404_page()
    {
        var page = await fixture.NewPage();
        var response = await page.GotoAsync(fixture.Url("/documents/no/such/page/"));
        Assert.Equal(404, response!.Status);
        Assert.True(await page.Locator("a[href='/']").CountAsync() > 0, "the 404 page offers no way home");
    }
}
