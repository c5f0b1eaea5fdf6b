using System.Text.Json.Serialization;

namespace Gazette.Rendering.Views;

/// <summary>
/// What every page has, under <c>page</c>: its kind (the layout's name), title, URLs and breadcrumbs, and the main navigation as
/// it shows it (<see cref="Nav"/>).
/// </summary>
public sealed record PageView(
    string Kind,
    string Title,
    string Url,
    string CanonicalUrl,
    string? Description,
    IReadOnlyList<LinkView> Breadcrumbs) : ITemplateView
{
    /// <summary>
    /// The main navigation's entries, in order, with this page's place among them (<see cref="MainNavigation"/>). Not part of a
    /// page's key: it follows from the kind, URL and breadcrumbs, the site's addresses and the UI strings, which are.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<NavItemView> Nav { get; init; } = [];

    /// <summary>
    /// Which of the lists <see cref="Nav"/> is: the same key for pages whose navigation shows the same, for a layout to render it
    /// once (<c>{% cached page.nav_key %}</c>). Not part of a page's key, as <see cref="Nav"/> is not.
    /// </summary>
    [JsonIgnore]
    public string NavKey { get; init; } = "";
}
