namespace Gazette.Rendering.Views;

/// <summary>A link: the text to show and a root-relative URL.</summary>
public sealed record LinkView(string Title, string Url) : ITemplateView;
