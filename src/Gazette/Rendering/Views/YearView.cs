namespace Gazette.Rendering.Views;

/// <summary>A gazette year: its issues in order.</summary>
public sealed record YearView(int Year, string Label, string Url, int DocumentCount, IReadOnlyList<IssueView> Issues) : ITemplateView;
