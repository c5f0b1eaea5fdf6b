namespace Gazette.Rendering.Views;

/// <summary>One page of documents for one navigation value or catalogue entry, newest first.</summary>
public sealed record ListingView(
    string Title,
    /// <summary>The navigation this listing belongs to (e.g. 按主题分类), for the way back.</summary>
    LinkView Parent,
    /// <summary>Set when the listing is a 主动公开基本目录 entry.</summary>
    CatalogueEntryView? Entry,
    int Total,
    IReadOnlyList<DocumentSummaryView> Documents,
    PaginationView Pagination) : ITemplateView;
