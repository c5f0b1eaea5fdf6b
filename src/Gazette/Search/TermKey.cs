using System.Text;

namespace Gazette.Search;

/// <summary>
/// An index term as <see cref="TermIndex"/> keeps it: a Han character or a pair of them by code points in <see cref="Han"/>
/// (so indexing a text makes no string per term), any other term — a word, a document-number key — as the string
/// <see cref="Word"/>.
/// </summary>
internal readonly record struct TermKey(long Han, string? Word)
{
    private const long PairTag = 1L << 42;

    /// <summary>The key of one Han character.</summary>
    public static long HanKey(int codePoint) => codePoint;

    /// <summary>The key of two adjacent Han characters.</summary>
    public static long PairKey(int first, int second) => PairTag | ((long)first << 21) | (uint)second;

    /// <summary>The key of a term given as a string: Han when it is one or two Han characters.</summary>
    public static TermKey Of(string term)
    {
        var runes = term.EnumerateRunes().Select(r => r.Value).ToList();
        if (runes.Count is 1 or 2 && runes.All(Tokenizer.IsHan))
        {
            return new(runes.Count == 1 ? HanKey(runes[0]) : PairKey(runes[0], runes[1]), null);
        }

        return new(0, term);
    }

    /// <summary>The length of the term in UTF-8.</summary>
    public int Utf8Length => Word is { } word ? Encoding.UTF8.GetByteCount(word) : CodePointLength(First) + (IsPair ? CodePointLength(Second) : 0);

    /// <summary>Writes the term in UTF-8 at the start of <paramref name="destination"/> (<see cref="Utf8Length"/> bytes).</summary>
    public void WriteUtf8(Span<byte> destination)
    {
        if (Word is { } word)
        {
            Encoding.UTF8.GetBytes(word, destination);
            return;
        }

        var length = new Rune(First).EncodeToUtf8(destination);
        if (IsPair)
        {
            new Rune(Second).EncodeToUtf8(destination[length..]);
        }
    }

    /// <summary>The term in UTF-8.</summary>
    public byte[] ToUtf8()
    {
        var bytes = new byte[Utf8Length];
        WriteUtf8(bytes);
        return bytes;
    }

    public override string ToString() =>
        Word ?? (IsPair ? char.ConvertFromUtf32(First) + char.ConvertFromUtf32(Second) : char.ConvertFromUtf32(First));

    private bool IsPair => (Han & PairTag) != 0;

    private int First => IsPair ? (int)((Han >> 21) & 0x1FFFFF) : (int)Han;

    private int Second => (int)(Han & 0x1FFFFF);

    private static int CodePointLength(int codePoint) => new Rune(codePoint).Utf8SequenceLength;
}
