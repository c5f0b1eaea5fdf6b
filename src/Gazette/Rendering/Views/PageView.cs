namespace Gazette.Rendering.Views;

/// <summary>What every page has, under <c>page</c>: its kind (the layout's name), title, URLs and breadcrumbs.</summary>
public sealed record PageView(
    string Kind,
    string Title,
    string Url,
    string CanonicalUrl,
    string? Description,
    IReadOnlyList<LinkView> Breadcrumbs);
