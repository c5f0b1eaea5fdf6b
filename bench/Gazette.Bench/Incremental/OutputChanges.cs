namespace Gazette.Bench.Incremental;

/// <summary>
/// The files one build changed in its output folder (paths relative to it, with '/'): added, removed, and written again
/// (length or time of last writing changed), of which those written again with the bytes they had.
/// </summary>
public sealed record OutputChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Rewritten, IReadOnlyList<string> RewrittenSameBytes)
{
    /// <summary>The added files whose bytes a removed file had: the same content under a new name (a content-hashed name that changed, say).</summary>
    public IReadOnlyList<string> AddedWithRemovedBytes { get; init; } = [];

    /// <summary>The files the build wrote: those it added and those it wrote again.</summary>
    public int Written => Added.Count + Rewritten.Count;

    /// <summary>The top-level folders counted by their own folders or files: the search index's parts (terms, text, …), the open data's files.</summary>
    private static readonly HashSet<string> Detailed = new(StringComparer.Ordinal) { "search", "data" };

    /// <summary>
    /// How many of <paramref name="paths"/> are in each top-level folder (documents, catalogue, gazette, …; in search/ and
    /// data/ each folder or file under them: search/terms, data/catalogue.csv); a file at the top by its name.
    /// </summary>
    public static SortedDictionary<string, int> ByFolder(IEnumerable<string> paths)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var parts = path.Split('/');
            var folder = parts.Length > 1 && Detailed.Contains(parts[0]) ? parts[0] + "/" + parts[1] : parts[0];
            counts[folder] = counts.GetValueOrDefault(folder) + 1;
        }

        return counts;
    }
}
