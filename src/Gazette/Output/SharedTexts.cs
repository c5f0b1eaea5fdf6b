using System.Runtime.CompilerServices;
using System.Text;

namespace Gazette.Output;

/// <summary>
/// The texts many records of a cache file hold (field keys, organs, topics, genres, catalogue ids), and lists of them, each kept
/// once as a cache file is read: a text or list read before is looked up without making a string or array for it. One to a
/// reader, on one thread.
/// </summary>
internal sealed class SharedTexts
{
    /// <summary>Texts longer than this (in UTF-8 bytes) are looked up after they are made: rare, and long for the stack.</summary>
    private const int LongestOnStack = 256;

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _textsByChars;
    private readonly HashSet<string[]> _lists = new(ListComparer.Instance);
    private readonly HashSet<string[]>.AlternateLookup<ReadOnlySpan<string>> _listsBySpan;
    private string[] _scratch = new string[16];

    public SharedTexts()
    {
        _textsByChars = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        _listsBySpan = _lists.GetAlternateLookup<ReadOnlySpan<string>>();
    }

    /// <summary>The text <paramref name="utf8"/> encodes (as <see cref="Encoding.UTF8"/> decodes it), the one kept if it was read before.</summary>
    public string Text(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > LongestOnStack)
        {
            var made = Encoding.UTF8.GetString(utf8);
            return _texts.TryGetValue(made, out var kept) ? kept : _texts[made] = made;
        }

        Span<char> chars = stackalloc char[LongestOnStack];
        chars = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_textsByChars.TryGetValue(chars, out var known))
        {
            return known;
        }

        var text = new string(chars);
        _texts[text] = text;
        return text;
    }

    /// <summary>Room for a list of <paramref name="count"/> texts being read, to be passed to <see cref="List"/> (valid until then).</summary>
    public Span<string> Scratch(int count)
    {
        if (count > _scratch.Length)
        {
            _scratch = new string[Math.Max(count, _scratch.Length * 2)];
        }

        return _scratch.AsSpan(0, count);
    }

    /// <summary>A list of the texts <paramref name="items"/> (each one <see cref="Text"/> returned), the one kept if it was read before.</summary>
    public string[] List(ReadOnlySpan<string> items)
    {
        if (items.IsEmpty)
        {
            return [];
        }

        if (_listsBySpan.TryGetValue(items, out var known))
        {
            return known;
        }

        var list = items.ToArray();
        _lists.Add(list);
        return list;
    }

    /// <summary>
    /// Lists equal item by item as the same strings: the texts of one table are each one string, so an equal text is the same
    /// string (a text not from the table only makes a list that is not shared).
    /// </summary>
    private sealed class ListComparer : IEqualityComparer<string[]>, IAlternateEqualityComparer<ReadOnlySpan<string>, string[]>
    {
        public static readonly ListComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => ReferenceEquals(x, y) || x is not null && y is not null && Equals(x.AsSpan(), y);

        public int GetHashCode(string[] list) => GetHashCode(list.AsSpan());

        public bool Equals(ReadOnlySpan<string> items, string[] list)
        {
            if (items.Length != list.Length)
            {
                return false;
            }

            for (var i = 0; i < items.Length; i++)
            {
                if (!ReferenceEquals(items[i], list[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(ReadOnlySpan<string> items)
        {
            var hash = new HashCode();
            foreach (var item in items)
            {
                hash.Add(RuntimeHelpers.GetHashCode(item));
            }

            return hash.ToHashCode();
        }

        public string[] Create(ReadOnlySpan<string> items) => items.ToArray();
    }
}
