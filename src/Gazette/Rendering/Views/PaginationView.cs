namespace Gazette.Rendering.Views;

/// <summary>Page links of a paginated listing.</summary>
public sealed record PaginationView(int Page, int PageCount, LinkView? Previous, LinkView? Next, IReadOnlyList<PageLinkView> Pages);
