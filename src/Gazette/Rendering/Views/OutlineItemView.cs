namespace Gazette.Rendering.Views;

/// <summary>A heading of a document body in its outline: its text, its anchor and its level (2 or 3).</summary>
public sealed record OutlineItemView(string Title, string Url, int Level) : ITemplateView;
