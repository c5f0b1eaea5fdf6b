namespace Gazette.Rendering.Views;

/// <summary>One item of a listing's page links: a link to page <see cref="Number"/>, or, when <see cref="Gap"/>, the mark of pages left out.</summary>
public sealed record PageLinkView(int Number, string Url, bool Current, bool Gap = false) : ITemplateView;
