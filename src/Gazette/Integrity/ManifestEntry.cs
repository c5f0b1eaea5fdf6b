using System.Text;

namespace Gazette.Integrity;

/// <summary>One published file in the manifest: its path relative to the site's root (UTF-8, forward slashes) and its SHA-256.</summary>
public readonly record struct ManifestEntry(byte[] Path, Sha256Digest Hash)
{
    /// <summary>The path as text.</summary>
    public string PathText => Encoding.UTF8.GetString(Path);
}
