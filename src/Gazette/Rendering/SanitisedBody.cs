namespace Gazette.Rendering;

/// <summary>A rendered body whose raw HTML was sanitised.</summary>
/// <param name="Html">the body as HTML, with only the allowed raw HTML left.</param>
/// <param name="Removals">what was removed from the raw HTML, in the order of the body.</param>
internal sealed record SanitisedBody(string Html, IReadOnlyList<RawHtmlRemoval> Removals);
