namespace Gazette.Rendering.Views;

/// <summary>An entry of the 主动公开基本目录 tree; <see cref="Count"/> includes documents of its children.</summary>
public sealed record CatalogueEntryView(
    string Id,
    string Name,
    string Url,
    string? Description,
    string? Subject,
    string? TimeLimit,
    string? Method,
    string? Period,
    int Count,
    IReadOnlyList<CatalogueEntryView> Children) : ITemplateView;
