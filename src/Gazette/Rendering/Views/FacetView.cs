namespace Gazette.Rendering.Views;

/// <summary>One catalogue navigation (by topic, organ, genre, year or validity) with every value and its count.</summary>
public sealed record FacetView(string Key, string Title, string Url, IReadOnlyList<FacetValueView> Values) : ITemplateView;
