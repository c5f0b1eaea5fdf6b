namespace Gazette.Search;

/// <summary>
/// Term → posting for one range of documents. Han characters and pairs are keyed by their code points, so indexing a text
/// costs no string per term; words and document-number keys are keyed by string. Each term's posting is a slot of one
/// <see cref="PostingStore"/>. Ranges built in parallel are joined with <see cref="Append"/>.
/// </summary>
internal sealed class TermIndex
{
    private const long PairTag = 1L << 42;

    private readonly Dictionary<long, int> _han = [];
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly PostingStore _postings = new();

    public int Count => _han.Count + _words.Count;

    /// <summary>Adds every index term of <paramref name="text"/> for document <paramref name="id"/>.</summary>
    public void AddText(string text, int id)
    {
        var sink = new Sink(this, id);
        Tokenizer.Scan(text, ref sink);
    }

    /// <summary>Adds one term as it is (e.g. a document-number key).</summary>
    public void AddTerm(string term, int id) => _postings.Add(Word(term), id);

    /// <summary>The slot of a term's posting, or -1 when no document has the term.</summary>
    public int Find(string term)
    {
        var runes = term.EnumerateRunes().Select(r => r.Value).ToList();
        if (runes.Count is 1 or 2 && runes.All(Tokenizer.IsHan))
        {
            return _han.GetValueOrDefault(runes.Count == 1 ? runes[0] : Pair(runes[0], runes[1]), -1);
        }

        return _words.GetValueOrDefault(term, -1);
    }

    /// <summary>How many documents have the term of <paramref name="slot"/>.</summary>
    public int CountOf(int slot) => _postings.Count(slot);

    /// <summary>The posting of <paramref name="slot"/> in the index format (docs/search-index.md).</summary>
    public byte[] Encode(int slot) => _postings.Encode(slot);

    /// <summary>The length of <see cref="Encode"/>'s result.</summary>
    public int EncodedLength(int slot) => _postings.EncodedLength(slot);

    /// <summary>Adds the postings of <paramref name="later"/>, whose documents all come after this one's.</summary>
    public void Append(TermIndex later)
    {
        foreach (var (key, slot) in later._han)
        {
            _postings.Append(Han(key), later._postings, slot);
        }

        foreach (var (key, slot) in later._words)
        {
            _postings.Append(Word(key), later._postings, slot);
        }
    }

    /// <summary>Every term with the slot of its posting, in no particular order.</summary>
    public IEnumerable<(string Term, int Slot)> Terms()
    {
        foreach (var (key, slot) in _han)
        {
            yield return ((key & PairTag) != 0
                ? char.ConvertFromUtf32((int)((key >> 21) & 0x1FFFFF)) + char.ConvertFromUtf32((int)(key & 0x1FFFFF))
                : char.ConvertFromUtf32((int)key), slot);
        }

        foreach (var (key, slot) in _words)
        {
            yield return (key, slot);
        }
    }

    private static long Pair(int first, int second) => PairTag | ((long)first << 21) | (uint)second;

    private int Han(long key)
    {
        if (!_han.TryGetValue(key, out var slot))
        {
            _han[key] = slot = _postings.NewSlot();
        }

        return slot;
    }

    private int Word(string word)
    {
        if (!_words.TryGetValue(word, out var slot))
        {
            _words[word] = slot = _postings.NewSlot();
        }

        return slot;
    }

    private readonly struct Sink(TermIndex index, int id) : Tokenizer.ITermSink
    {
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words =
            index._words.GetAlternateLookup<ReadOnlySpan<char>>();

        public void Han(int codePoint) => index._postings.Add(index.Han(codePoint), id);

        public void HanPair(int first, int second) => index._postings.Add(index.Han(Pair(first, second)), id);

        public void Word(ReadOnlySpan<char> word)
        {
            if (!_words.TryGetValue(word, out var slot))
            {
                slot = index._postings.NewSlot();
                _words[word] = slot;
            }

            index._postings.Add(slot, id);
        }
    }
}
