namespace Gazette.Search;

/// <summary>
/// Term → posting for one range of documents. Han characters and pairs are keyed by their code points, so indexing a text
/// costs no string per term; words and document-number keys are keyed by string. Ranges built in parallel are joined with
/// <see cref="Append"/>.
/// </summary>
internal sealed class TermIndex
{
    private const long PairTag = 1L << 42;

    private readonly Dictionary<long, PostingBuilder> _han = [];
    private readonly Dictionary<string, PostingBuilder> _words = new(StringComparer.Ordinal);

    public int Count => _han.Count + _words.Count;

    /// <summary>Adds every index term of <paramref name="text"/> for document <paramref name="id"/>.</summary>
    public void AddText(string text, int id)
    {
        var sink = new Sink(this, id);
        Tokenizer.Scan(text, ref sink);
    }

    /// <summary>Adds one term as it is (e.g. a document-number key).</summary>
    public void AddTerm(string term, int id) => Word(term).Add(id);

    public PostingBuilder? Find(string term)
    {
        var runes = term.EnumerateRunes().Select(r => r.Value).ToList();
        if (runes.Count is 1 or 2 && runes.All(Tokenizer.IsHan))
        {
            return _han.GetValueOrDefault(runes.Count == 1 ? runes[0] : Pair(runes[0], runes[1]));
        }

        return _words.GetValueOrDefault(term);
    }

    /// <summary>Adds the postings of <paramref name="later"/>, whose documents all come after this one's.</summary>
    public void Append(TermIndex later)
    {
        foreach (var (key, posting) in later._han)
        {
            Han(key).Append(posting);
        }

        foreach (var (key, posting) in later._words)
        {
            Word(key).Append(posting);
        }
    }

    /// <summary>Every term with its posting, in no particular order.</summary>
    public IEnumerable<(string Term, PostingBuilder Posting)> Terms()
    {
        foreach (var (key, posting) in _han)
        {
            yield return ((key & PairTag) != 0
                ? char.ConvertFromUtf32((int)((key >> 21) & 0x1FFFFF)) + char.ConvertFromUtf32((int)(key & 0x1FFFFF))
                : char.ConvertFromUtf32((int)key), posting);
        }

        foreach (var (key, posting) in _words)
        {
            yield return (key, posting);
        }
    }

    private static long Pair(int first, int second) => PairTag | ((long)first << 21) | (uint)second;

    private PostingBuilder Han(long key)
    {
        if (!_han.TryGetValue(key, out var posting))
        {
            _han[key] = posting = new PostingBuilder();
        }

        return posting;
    }

    private PostingBuilder Word(string word)
    {
        if (!_words.TryGetValue(word, out var posting))
        {
            _words[word] = posting = new PostingBuilder();
        }

        return posting;
    }

    private readonly struct Sink(TermIndex index, int id) : Tokenizer.ITermSink
    {
        private readonly Dictionary<string, PostingBuilder>.AlternateLookup<ReadOnlySpan<char>> _words =
            index._words.GetAlternateLookup<ReadOnlySpan<char>>();

        public void Han(int codePoint) => index.Han(codePoint).Add(id);

        public void HanPair(int first, int second) => index.Han(Pair(first, second)).Add(id);

        public void Word(ReadOnlySpan<char> word)
        {
            if (!_words.TryGetValue(word, out var posting))
            {
                posting = new PostingBuilder();
                _words[word] = posting;
            }

            posting.Add(id);
        }
    }
}
