namespace Gazette.Model;

/// <summary>
/// A document body rendered from Markdown. Made for one batch of documents at a time and dropped once their pages and search
/// texts are written, so a build never holds every body at once.
/// </summary>
/// <param name="Html">the body as HTML.</param>
/// <param name="Outline">the headings of level 2 and 3 with their anchors.</param>
/// <param name="Text">the body's words without markup, for the search index.</param>
/// <param name="TextSha256">the SHA-256 (64 lower-case hex digits) of the Markdown it was rendered from as UTF-8: the text hash
/// (文本校验码) of the document's authoritative text, shown on its page.</param>
public sealed record RenderedBody(string Html, IReadOnlyList<Heading> Outline, string Text, string TextSha256);
