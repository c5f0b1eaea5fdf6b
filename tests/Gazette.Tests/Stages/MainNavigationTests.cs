using Gazette.Rendering;
using Gazette.Rendering.Views;

namespace Gazette.Tests.Stages;

/// <summary>
/// The main navigation as a page shows it: the entry that is the page is current, the deepest breadcrumb that is an entry is
/// active (else the gazette's, on a gazette page), and pages that show the same list share it and its key.
/// </summary>
public sealed class MainNavigationTests
{
    private static readonly LinkView Home = new("首页", "/");
    private static readonly LinkView Gazette = new("政府公报", "/gazette/");
    private static readonly LinkView Catalogue = new("信息公开目录", "/catalogue/");
    private static readonly LinkView Topics = new("主题", "/catalogue/topics/");

    private static MainNavigation Navigation() => new([Home, Gazette, Catalogue, Topics], Home.Url, Gazette.Url);

    private static string Shown(IReadOnlyList<NavItemView> items) =>
        string.Join(" ", items.Select(i => i.Title + (i.Current ? "*" : i.Active ? "+" : "")));

    [Fact]
    public void The_page_is_current_and_its_deepest_entry_among_its_breadcrumbs_active()
    {
        var navigation = Navigation();

        var (topics, topicsKey) = navigation.For("facet", "/catalogue/topics/", [Home, Catalogue]);
        var (listing, listingKey) = navigation.For("listing", "/catalogue/topics/keji/", [Home, Catalogue, Topics]);
        var (issue, issueKey) = navigation.For("gazette-issue", "/gazette/2019/2/", [Home, new("2019年", "/gazette/2019/")]);
        var (document, documentKey) = navigation.For("document", "/documents/a/2019-1/", [Home, Catalogue, Topics, new("科技", "/catalogue/topics/keji/")]);

        Assert.Equal("首页 政府公报 信息公开目录+ 主题*", Shown(topics)); // under the catalogue, which is shown active too
        Assert.Equal("首页 政府公报 信息公开目录 主题+", Shown(listing));
        Assert.Equal("首页 政府公报+ 信息公开目录 主题", Shown(issue));
        Assert.Equal("首页 政府公报 信息公开目录 主题+", Shown(document));

        // Pages that show the same list share it and its key; the others have keys of their own
        Assert.Same(listing, document);
        Assert.Equal(listingKey, documentKey);
        Assert.Equal(3, new[] { topicsKey, listingKey, issueKey }.Distinct().Count());
        Assert.Same(topics, navigation.For("facet", "/catalogue/topics/", [Home, Catalogue]).Items);
    }
}
