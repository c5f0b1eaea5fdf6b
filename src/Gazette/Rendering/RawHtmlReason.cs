namespace Gazette.Rendering;

/// <summary>Why part of the raw HTML in a body was removed, as the warning says it, and what the publisher can do instead.</summary>
/// <param name="Why">the reason, e.g. "raw HTML may not run script".</param>
/// <param name="Hint">a hint for the publisher.</param>
internal sealed record RawHtmlReason(string Why, string Hint);
