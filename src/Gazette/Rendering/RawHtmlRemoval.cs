namespace Gazette.Rendering;

/// <summary>Something the sanitiser removed from the raw HTML of a body: one element, or attributes of one element.</summary>
/// <param name="SourceOffset">where the element's tag starts in the Markdown body.</param>
/// <param name="Message">what was removed and why, as the warning says it.</param>
/// <param name="Hint">what the publisher can do instead.</param>
internal sealed record RawHtmlRemoval(int SourceOffset, string Message, string Hint);
