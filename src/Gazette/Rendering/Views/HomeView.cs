namespace Gazette.Rendering.Views;

/// <summary>The home page, under <c>home</c>.</summary>
public sealed record HomeView(
    IssueView? LatestIssue,
    IReadOnlyList<DocumentSummaryView> LatestDocuments,
    IReadOnlyList<FacetView> Facets,
    int DocumentCount,
    int IssueCount) : ITemplateView;
