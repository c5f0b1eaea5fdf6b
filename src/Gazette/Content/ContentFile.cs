using Gazette.Output;

namespace Gazette.Content;

/// <summary>
/// A file under content/. <see cref="Path"/> is relative to the site root with forward slashes (as diagnostics print it);
/// <see cref="Text"/> is set for YAML and Markdown files that decoded as UTF-8 (BOM removed, line ends normalised to \n).
/// Of a Markdown file with front matter, <see cref="Text"/> holds only the beginning up to the line that closes the front
/// matter: the body is not kept, but read again when the document is rendered (<c>ReadDocumentBodies</c>), so reading a large
/// archive never holds every body at once.
/// </summary>
public sealed record ContentFile(string Path, string FullPath, long Size, string? Text)
{
    /// <summary>When the file was last written (UTC ticks), as listed.</summary>
    public long Modified { get; init; }

    /// <summary>The 128-bit XXH3 digest of the bytes read (of a document's Markdown file; zero for other files).</summary>
    public Digest128 Digest { get; init; }

    /// <summary>
    /// A document's Markdown file left unread because the build cache holds its parse from a build that found it as it is
    /// (<c>ParsedDocumentCache</c>): <see cref="Text"/> is null.
    /// </summary>
    public bool Known { get; init; }

    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();
}
