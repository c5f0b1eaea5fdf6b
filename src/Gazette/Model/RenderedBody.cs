namespace Gazette.Model;

/// <summary>
/// A document body rendered from Markdown. Made for one batch of documents at a time and dropped once their pages and search
/// texts are written, so a build never holds every body at once.
/// </summary>
/// <param name="Html">the body as HTML.</param>
/// <param name="Outline">the headings of level 2 and 3 with their anchors.</param>
/// <param name="Text">the body's words without markup, for the search index.</param>
public sealed record RenderedBody(string Html, IReadOnlyList<Heading> Outline, string Text);
