namespace Gazette.Content;

/// <summary>
/// A file under content/. <see cref="Path"/> is relative to the site root with forward slashes (as diagnostics print it);
/// <see cref="Text"/> is set for YAML and Markdown files that decoded as UTF-8 (BOM removed, line ends normalised to \n).
/// </summary>
public sealed record ContentFile(string Path, string FullPath, long Size, string? Text)
{
    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();
}
