using Gazette.Integrity;

namespace Gazette.Pipeline;

/// <summary>Where a build reads and writes. Every path is absolute.</summary>
public sealed record BuildOptions(string SiteRoot, string ContentDirectory, string ThemeDirectory, string OutputDirectory)
{
    /// <summary>The key that signs the integrity manifest (the command line reads it from GAZETTE_SIGNING_KEY); null: unsigned.</summary>
    public SigningKeyText? SigningKey { get; init; }

    /// <summary>
    /// The administration page's npm folder (package.json, node_modules/decap-cms); <c>admin/</c> under the site root by default.
    /// Without a package.json there the site has no administration page.
    /// </summary>
    public string AdminDirectory { get; init; } = Path.Combine(SiteRoot, "admin");

    /// <summary>
    /// The build cache: what the last build left in the output folder, so that the next one rewrites only the files that
    /// changed (<see cref="WriteSite"/>); null (the default here): no cache, every file is written. The command line uses
    /// <see cref="DefaultCacheFolder"/> under the site root. Deleting it is always safe.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The build cache's folder under the site root unless another is given.</summary>
    public const string DefaultCacheFolder = ".gazette-cache";

    /// <summary>The conventional layout: content/, theme/ and public/ under the site root.</summary>
    public static BuildOptions ForSite(string siteRoot, string? output = null, string? theme = null)
    {
        var root = Path.GetFullPath(siteRoot);
        return new BuildOptions(
            root,
            Path.Combine(root, "content"),
            Path.GetFullPath(theme ?? Path.Combine(root, "theme")),
            Path.GetFullPath(output ?? Path.Combine(root, "public")));
    }

    /// <summary>What would make a path need normalizing: a segment that starts with a dot (maybe . or ..), or an empty one.</summary>
    private const string DotSegment = "/.", EmptySegment = "//";

    /// <summary>A path relative to the site root with forward slashes, as diagnostics print it.</summary>
    public string Relative(string fullPath)
    {
        // A path inside the root, as listing a folder of the site gives (50,000 documents' files at each build): what follows
        // the root, where GetRelativePath normalizes both paths first (where '/' is the only separator)
        var root = SiteRoot.AsSpan().TrimEnd('/');
        if (Path.DirectorySeparatorChar == '/' && fullPath.Length > root.Length + 1 && fullPath.AsSpan().StartsWith(root, StringComparison.Ordinal)
            && fullPath[root.Length] == '/' && Path.IsPathFullyQualified(fullPath)
            && !fullPath.Contains(DotSegment, StringComparison.Ordinal) && !fullPath.Contains(EmptySegment, StringComparison.Ordinal))
        {
            return fullPath[(root.Length + 1)..];
        }

        return Path.GetRelativePath(SiteRoot, fullPath).Replace('\\', '/');
    }
}
