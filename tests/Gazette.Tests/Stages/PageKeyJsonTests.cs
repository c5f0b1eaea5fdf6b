using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;
using Gazette.Theme;

namespace Gazette.Tests.Stages;

/// <summary>
/// Page keys are made with serializers generated at compile time (<see cref="PageKeyJson"/>): a type a layout's variables hold
/// that it does not list leaves its pages without a key, rendered again at every build.
/// </summary>
public sealed class PageKeyJsonTests
{
    private static readonly UiStrings Strings = new("zh-CN", new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Three documents, the first two in issue 1 of 2019; a page of every kind is planned from it.</summary>
    private static (Archive Archive, IReadOnlyList<Rendering.PagePlan> Plans) Planned()
    {
        var config = Stage.Config();
        var urls = new SiteUrls(config.Site.BasePath);
        var issue = new Issue(new IssueKey(2019, 1), 1, new DateOnly(2019, 3, 31), ["市政府文件"], null, new SourceLocation("content/gazettes/2019/1.yml"));
        var published = Enumerable.Range(1, 3).Select(n =>
        {
            var number = $"000014350/2019-0000{n}";
            var document = Stage.Document($"d{n}") with
            {
                IndexNumber = number,
                Gazette = n < 3 ? new GazettePlacement(2019, 1, "市政府文件", n) : null,
            };
            return new PublishedDocument(document, number, urls.Document(number));
        }).ToList();
        var archive = new Archive(config, urls, published, [new IssueContents(issue, [("市政府文件", published.Take(2).ToList())])]);
        var bodies = published.Select(d => new RenderedBody("<p>正文</p>", [], "正文", new string('0', 64))).ToList();
        return (archive, [.. new PlanPages().Run(archive, Strings), .. new PlanDocumentPages().Run(archive, Strings, published, bodies)]);
    }

    [Fact]
    public void Every_kind_of_page_and_every_value_its_layout_is_given_serializes_with_the_generated_serializers()
    {
        var (_, plans) = Planned();
        var options = KeyPages.PageOptions();

        Assert.Equal(
            ["catalogue-index", "data", "document", "facet", "gazette-index", "gazette-issue", "gazette-year", "home", "listing", "not-found", "search"],
            plans.Select(p => p.Kind).Distinct().Order(StringComparer.Ordinal));
        foreach (var plan in plans)
        {
            Assert.NotEmpty(KeyPages.Serialize(plan.Page, options));
            Assert.NotEmpty(KeyPages.Serialize(plan.Values, options));
        }
    }

    [Fact]
    public void A_value_of_a_type_the_generated_serializers_do_not_list_is_refused()
    {
        var options = KeyPages.PageOptions();
        IReadOnlyDictionary<string, object?> values = new Dictionary<string, object?> { ["diagnostic"] = new SourceLocation("content/site.yml") };

        Assert.Throws<NotSupportedException>(() => KeyPages.Serialize(values, options));
    }
}
