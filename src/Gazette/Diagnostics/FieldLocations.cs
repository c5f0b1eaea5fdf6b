using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Gazette.Diagnostics;

/// <summary>
/// Where each front-matter key of one file was written, kept small: an archive holds one for each of its documents until
/// the build ends, so the keys are shared strings and the places two numbers each, made into a <see cref="SourceLocation"/>
/// only when asked for.
/// </summary>
public sealed class FieldLocations : IReadOnlyDictionary<string, SourceLocation>
{
    private readonly string _path;
    private readonly string[] _keys;
    private readonly int[] _places;

    private FieldLocations(string path, string[] keys, int[] places)
    {
        _path = path;
        _keys = keys;
        _places = places;
    }

    /// <summary>The locations, all in one file, sorted by key.</summary>
    public static FieldLocations From(IReadOnlyDictionary<string, SourceLocation> locations, string path)
    {
        var sorted = locations.OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        if (sorted.Any(l => l.Value.Path != path))
        {
            throw new ArgumentException($"every location must be in {path}", nameof(locations));
        }

        var places = new int[sorted.Count * 2];
        for (var i = 0; i < sorted.Count; i++)
        {
            places[2 * i] = sorted[i].Value.Line;
            places[(2 * i) + 1] = sorted[i].Value.Column;
        }

        return new FieldLocations(path, sorted.Select(l => string.Intern(l.Key)).ToArray(), places);
    }

    /// <summary>The keys, sorted (ordinal).</summary>
    internal IReadOnlyList<string> SortedKeys => _keys;

    /// <summary>Line and column of each key of <see cref="SortedKeys"/>, in turn.</summary>
    internal IReadOnlyList<int> Places => _places;

    /// <summary>
    /// Locations in the file at <paramref name="path"/> as <see cref="SortedKeys"/> and <see cref="Places"/> give them (the build cache's copy).
    /// The keys are kept as given: the caller shares equal keys between documents.
    /// </summary>
    internal static FieldLocations FromSorted(string path, string[] keys, int[] places)
    {
        var sorted = places.Length == keys.Length * 2;
        for (var i = 1; sorted && i < keys.Length; i++)
        {
            sorted = string.CompareOrdinal(keys[i - 1], keys[i]) < 0;
        }

        return sorted ? new FieldLocations(path, keys, places) : throw new ArgumentException("keys must be sorted and unique, with a line and a column each", nameof(keys));
    }

    public SourceLocation this[string key] => TryGetValue(key, out var at) ? at : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<SourceLocation> Values => Enumerable.Range(0, _keys.Length).Select(At);

    public int Count => _keys.Length;

    public bool ContainsKey(string key) => Find(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out SourceLocation value)
    {
        var i = Find(key);
        value = i >= 0 ? At(i) : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, SourceLocation>> GetEnumerator() =>
        Enumerable.Range(0, _keys.Length).Select(i => KeyValuePair.Create(_keys[i], At(i))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int Find(string key) => Array.BinarySearch(_keys, key, StringComparer.Ordinal);

    private SourceLocation At(int i) => new(_path, _places[2 * i], _places[(2 * i) + 1]);
}
