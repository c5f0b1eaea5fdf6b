namespace Gazette.Content;

/// <summary>Every file under content/, sorted by path, with lookup by path.</summary>
public sealed class ContentSet
{
    private readonly Dictionary<string, ContentFile> _byPath;

    public ContentSet(string contentPrefix, IEnumerable<ContentFile> files)
    {
        Prefix = contentPrefix;
        Files = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        _byPath = Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>The content folder's path relative to the site root, e.g. "content/".</summary>
    public string Prefix { get; }

    public IReadOnlyList<ContentFile> Files { get; }

    public ContentFile? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>The file at a path relative to the content folder, e.g. "site.yml".</summary>
    public ContentFile? FindInContent(string relative) => Find(Prefix + relative);

    public IEnumerable<ContentFile> Under(string relativeFolder) =>
        Files.Where(f => f.Path.StartsWith(Prefix + relativeFolder, StringComparison.Ordinal));
}
