namespace Gazette.Checks.Views;

/// <summary>One kind of finding in the HTML check report: its titles, how many, and (under an organ) the findings.</summary>
public sealed record KindView(string Id, string Code, string Label, string Title, int Count, IReadOnlyList<FindingView> Findings);
