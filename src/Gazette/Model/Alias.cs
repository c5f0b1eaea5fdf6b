using Gazette.Diagnostics;

namespace Gazette.Model;

/// <summary>
/// An old address of a document (front matter <c>aliases:</c>): a path on the site's host from its root, as the characters it
/// stands for (percent-escapes decoded), and where it was written.
/// </summary>
public sealed record Alias(string Path, SourceLocation At)
{
    /// <summary>
    /// The path as the characters it stands for, or null when it is not one: it must start with '/', and have no query, fragment,
    /// white space, control character, backslash, or Netlify's '*' and ':' patterns. <c>index.html</c> at its end is dropped.
    /// </summary>
    public static string? Normalise(string written)
    {
        string path;
        try
        {
            path = Uri.UnescapeDataString(written.Trim());
        }
        catch (UriFormatException)
        {
            return null;
        }

        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal)
            || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '?' or '#' or '*' or ':' or '\\' or '\uFFFD'))
        {
            return null;
        }

        return path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path;
    }

    /// <summary>The path percent-encoded segment by segment (UTF-8), as a redirect rule writes it.</summary>
    public static string Encode(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
