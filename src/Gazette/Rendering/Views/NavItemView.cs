namespace Gazette.Rendering.Views;

/// <summary>
/// An entry of the site's main navigation as one page shows it (<c>page.nav</c>): its words, its URL, whether it is this very
/// page (<c>current</c>) and, when it is not, whether the page lies under it (<c>active</c>: the deepest breadcrumb that is an
/// entry, or the gazette's entry on a gazette page).
/// </summary>
public sealed record NavItemView(string Title, string Url, bool Current, bool Active) : ITemplateView;
