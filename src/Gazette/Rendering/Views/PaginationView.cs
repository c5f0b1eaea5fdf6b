namespace Gazette.Rendering.Views;

/// <summary>Page links of a paginated listing.</summary>
/// <param name="Pages">
/// the links shown, in order: the first and last page and the pages within <see cref="Window"/> of the current one, with a
/// gap item just beyond each end of that window where pages are left out. A listing of thousands of pages thus has a handful of
/// links on each page, not thousands.
/// </param>
public sealed record PaginationView(int Page, int PageCount, LinkView? Previous, LinkView? Next, IReadOnlyList<PageLinkView> Pages) : ITemplateView
{
    /// <summary>How many pages on each side of the current one are linked.</summary>
    public const int Window = 2;
}
