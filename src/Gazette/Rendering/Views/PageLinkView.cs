namespace Gazette.Rendering.Views;

public sealed record PageLinkView(int Number, string Url, bool Current);
