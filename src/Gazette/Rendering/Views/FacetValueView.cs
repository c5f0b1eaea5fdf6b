namespace Gazette.Rendering.Views;

/// <summary>A value of a navigation and how many published documents have it; topics may have children.</summary>
public sealed record FacetValueView(string Name, string Url, int Count, IReadOnlyList<FacetValueView> Children) : ITemplateView;
