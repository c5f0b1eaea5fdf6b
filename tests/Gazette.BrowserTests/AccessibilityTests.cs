using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Gazette.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    public static TheoryData<string, string> PageKinds() => new()
    {
        { "home", "/" },
        { "gazette-index", "/gazette/" },
        { "gazette-year", "/gazette/2019/" },
        { "gazette-issue", "/gazette/2019/2/" },
        { "document", SampleDocuments.Url("tongliang-2019-16") },
        { "document (repealed)", SampleDocuments.Url("tongliang-2019-5") },
        { "document (amended)", SampleDocuments.Url("liaocheng-2018-key-tasks") },
        { "document (interpretation)", SampleDocuments.Url("tongliang-2019-16-jiedu") },
        { "document (tables, attachments)", SampleDocuments.Url("luan-2018-acceptance-plan") },
        { "catalogue-index", "/catalogue/" },
        { "facet", "/catalogue/topics/" },
        { "listing", "/catalogue/validity/valid/" },
        { "listing (page 2)", "/catalogue/validity/valid/page/2/" },
        { "listing (catalogue entry)", "/catalogue/entries/zhengce-wenjian/" },
        { "data", "/data/" },
        { "not-found", "/404.html" },
    };

    [Theory]
    [MemberData(nameof(PageKinds))]
    public async Task Each_kind_of_page_has_no_WCAG_2_1_AA_violations(string kind, string path)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await fixture.NewPage(width: width);
            await page.GotoAsync(fixture.Url(path));
            var results = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            var violations = results.Violations
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
                .ToList();
            Assert.True(violations.Count == 0, $"{kind} {path} at {width}px:\n" + string.Join("\n", violations));
            Assert.True(results.Passes.Length > 10, $"axe ran only {results.Passes.Length} passing rules on {path}");
            await page.Context.CloseAsync();
        }
    }
}
