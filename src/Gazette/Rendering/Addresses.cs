using System.Collections.Frozen;

namespace Gazette.Rendering;

/// <summary>Which addresses a link or an image in a body may keep: relative ones, fragments and a few safe schemes.</summary>
internal static class Addresses
{
    /// <summary>The schemes a link may use: javascript:, vbscript:, data: and the like could run script and are removed.</summary>
    public static readonly FrozenSet<string> LinkSchemes = new[] { "http", "https", "mailto", "tel" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The schemes an image in raw HTML may use.</summary>
    public static readonly FrozenSet<string> ImageSchemes = new[] { "http", "https" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="url"/> is relative, a fragment, or uses one of <paramref name="schemes"/>.</summary>
    public static bool IsAllowed(string url, FrozenSet<string> schemes) => Scheme(url) is not { } scheme || schemes.Contains(scheme);

    /// <summary>
    /// The lower-case scheme of an address, or null when it has none (relative, <c>#fragment</c>). Whitespace and control
    /// characters are ignored as browsers ignore them, so <c>java&#9;script:</c> is read as <c>javascript:</c>.
    /// </summary>
    public static string? Scheme(string url)
    {
        var trimmed = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = trimmed.IndexOf(':');
        var boundary = trimmed.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (boundary >= 0 && boundary < colon) ? null : trimmed[..colon].ToLowerInvariant();
    }
}
