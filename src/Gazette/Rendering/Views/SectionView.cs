namespace Gazette.Rendering.Views;

/// <summary>A section of an issue's table of contents with its documents in order.</summary>
public sealed record SectionView(string Name, IReadOnlyList<DocumentSummaryView> Documents) : ITemplateView;
