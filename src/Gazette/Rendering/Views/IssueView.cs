namespace Gazette.Rendering.Views;

/// <summary>A gazette issue: <see cref="Label"/> is e.g. 2019年第2期, <see cref="TotalLabel"/> 总第14期.</summary>
public sealed record IssueView(
    int Year,
    int Number,
    int? Total,
    string Label,
    string? TotalLabel,
    string? Title,
    string Date,
    string Url,
    int DocumentCount,
    IReadOnlyList<SectionView> Sections,
    LinkView? Previous,
    LinkView? Next) : ITemplateView;
