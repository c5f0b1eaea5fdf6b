namespace Gazette.Rendering;

/// <summary>
/// A stretch of a rendered body that was copied verbatim from raw HTML in its Markdown: one line of an HTML block or one inline
/// tag. Everything else in the rendered body was written by Markdig.
/// </summary>
/// <param name="Start">where the stretch starts in the rendered HTML.</param>
/// <param name="Length">its length in the rendered HTML.</param>
/// <param name="SourceStart">where it starts in the Markdown body.</param>
internal readonly record struct RawHtmlPiece(int Start, int Length, int SourceStart)
{
    /// <summary>Whether <paramref name="offset"/> of the rendered HTML lies in this stretch.</summary>
    public bool Contains(int offset) => offset >= Start && offset < Start + Length;
}
