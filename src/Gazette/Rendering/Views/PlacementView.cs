namespace Gazette.Rendering.Views;

/// <summary>Where a document appears in the gazette: the issue, its section and position.</summary>
public sealed record PlacementView(LinkView Issue, string Section, int Order) : ITemplateView;
