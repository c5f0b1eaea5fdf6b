using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Gazette.Audit;

/// <summary>
/// Looks for the passages no published document holds (<see cref="WithheldText.Finder"/>) in the built site: in its files'
/// bytes, a piece at a time (<see cref="NewScan"/>), and in its files' names. A file's text is looked through as UTF-8 bytes,
/// not decoded: a passage is found in the bytes exactly where it would be found in the text decoded from them. Immutable and
/// thread-safe.
/// </summary>
public sealed class PassageFinder
{
    private readonly WithheldPassage[] _inPaths;
    private readonly SearchValues<string>? _paths;

    internal PassageFinder(IReadOnlyList<WithheldPassage> passages)
    {
        IsEmpty = passages.Count == 0;
        Count = passages.Count;
        _inPaths = passages.Where(p => p.InPaths).ToArray();
        _paths = _inPaths.Length == 0 ? null : SearchValues.Create(_inPaths.Select(p => p.Text).ToArray(), StringComparison.Ordinal);

        // A passage is looked for in a text's UTF-8 bytes, which is the same as looking for it in the text they decode to — but
        // for U+FFFD, which the decoder also makes of bytes that are not UTF-8: a passage holding it is looked for in the
        // decoded text. A passage with half a surrogate pair can be in no decoded text: it is looked for in file names only.
        var bytes = new List<byte[]>();
        var bytePassages = new List<WithheldPassage>();
        var decoded = new List<WithheldPassage>();
        foreach (var passage in passages)
        {
            if (passage.Text.Contains('\uFFFD', StringComparison.Ordinal))
            {
                decoded.Add(passage);
            }
            else if (StrictUtf8(passage.Text) is { } utf8)
            {
                bytes.Add(utf8);
                bytePassages.Add(passage);
            }
        }

        ByBytes = bytePassages.ToArray();
        Bytes = bytes.Count == 0 ? null : new Utf8PassageSearch(bytes);
        Decoded = decoded.ToArray();
        DecodedSearch = decoded.Count == 0 ? null : SearchValues.Create(decoded.Select(p => p.Text).ToArray(), StringComparison.Ordinal);
    }

    /// <summary>Whether there is anything to look for.</summary>
    public bool IsEmpty { get; }

    /// <summary>How many passages it looks for.</summary>
    public int Count { get; }

    /// <summary>The passages looked for as UTF-8 bytes, in the order of <see cref="Bytes"/>'s strings.</summary>
    internal WithheldPassage[] ByBytes { get; }

    /// <summary>The search of their UTF-8 bytes; null when there are none.</summary>
    internal Utf8PassageSearch? Bytes { get; }

    /// <summary>The passages looked for in decoded text (they hold U+FFFD); usually none.</summary>
    internal WithheldPassage[] Decoded { get; }

    /// <summary>The search of <see cref="Decoded"/>; null when there are none.</summary>
    internal SearchValues<string>? DecodedSearch { get; }

    /// <summary>A scan of texts given a piece at a time, for one thread.</summary>
    public PassageScan NewScan() => new(this);

    /// <summary>The passages in <paramref name="text"/>, looked through as a file holding it in UTF-8 would be.</summary>
    public IReadOnlyList<WithheldPassage> In(ReadOnlySpan<char> text)
    {
        if (IsEmpty)
        {
            return [];
        }

        var scan = NewScan();
        scan.Whole(Encoding.UTF8.GetBytes(text.ToArray()));
        return scan.TakeFound();
    }

    /// <summary>The passages that a file's name (its path in the site, with forward slashes) may not hold, and does.</summary>
    public IEnumerable<WithheldPassage> InName(string name) =>
        _paths is null || name.AsSpan().IndexOfAny(_paths) < 0 ? [] : _inPaths.Where(p => name.Contains(p.Text, StringComparison.Ordinal));

    /// <summary>The UTF-8 of <paramref name="text"/>, or null when it has half a surrogate pair (no UTF-8 holds it).</summary>
    internal static byte[]? StrictUtf8(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        return Utf8.FromUtf16(text, bytes, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done ? bytes[..written] : null;
    }
}
