using System.Buffers;
using System.Runtime.InteropServices;

namespace Gazette.Search;

/// <summary>
/// The index terms of one text, each once, split by the shard of <see cref="TermIndex"/> that keeps it (in each shard in
/// order of first appearance: Han characters and pairs, then words). Collected on the document's own thread, so that the text
/// is scanned once and each shard's table is looked up once for a term however often the text repeats it: a searchable text
/// of the bench's corpus has 3.5 Han terms for each distinct one.
/// </summary>
internal sealed class DocumentTerms
{
    /// <summary>The most Han keys the room <see cref="Of(string, string?, int, Collector?, ref long[]?)"/> is given is made for and kept (512 KB).</summary>
    public const int KeptKeys = 1 << 16;

    private readonly long[] _han;
    private readonly int[] _hanStarts; // shard s: _han[_hanStarts[s].._hanStarts[s + 1]]
    private readonly string[] _words;
    private readonly int[] _wordStarts;

    private DocumentTerms(long[] han, int[] hanStarts, string[] words, int[] wordStarts)
    {
        (_han, _hanStarts, _words, _wordStarts) = (han, hanStarts, words, wordStarts);
    }

    /// <summary>How many shards the terms are split into.</summary>
    public int Shards => _hanStarts.Length - 1;

    /// <summary>How many distinct terms there are in all shards.</summary>
    public int Count => _hanStarts[^1] + _words.Length;

    /// <summary>The keys of the Han characters and pairs of <paramref name="shard"/> (<see cref="TermKey.HanKey"/>, <see cref="TermKey.PairKey"/>).</summary>
    public ReadOnlySpan<long> Han(int shard) => _han.AsSpan(_hanStarts[shard].._hanStarts[shard + 1]);

    /// <summary>The words of <paramref name="shard"/>, the term given to <see cref="Of"/> among them.</summary>
    public ReadOnlySpan<string> Words(int shard) => _words.AsSpan(_wordStarts[shard].._wordStarts[shard + 1]);

    /// <summary>
    /// The index terms of <paramref name="text"/> (<see cref="Tokenizer.Scan{TSink}"/>), with <paramref name="term"/> as it is (a
    /// document-number key; null: none), split into <paramref name="shards"/> shards.
    /// </summary>
    /// <param name="collector">the scratch the terms are collected in, one text after another on one thread; null: one made for this text.</param>
    public static DocumentTerms Of(string text, string? term, int shards, Collector? collector = null)
    {
        long[]? han = null;
        return Of(text, term, shards, collector, ref han);
    }

    /// <inheritdoc cref="Of(string, string?, int, Collector?)"/>
    /// <param name="han">
    /// where the Han keys are put, made anew when they do not fit (null: made; kept here when at most <see cref="KeptKeys"/>
    /// long): the terms hold it until the caller gives it for another text, so that an index of many texts does not make one
    /// for each (220 MB at 10,000 documents).
    /// </param>
    public static DocumentTerms Of(string text, string? term, int shards, Collector? collector, ref long[]? han) =>
        Of([text], term, shards, collector, ref han);

    /// <summary>
    /// The index terms of <paramref name="texts"/> joined by line breaks, as <see cref="Of(string, string?, int, Collector?)"/>
    /// gives them — each scanned on its own, which a line break between them amounts to, so they are not joined.
    /// </summary>
    /// <inheritdoc cref="Of(string, string?, int, Collector?, ref long[]?)"/>
    public static DocumentTerms Of(ReadOnlySpan<string?> texts, string? term, int shards, Collector? collector, ref long[]? han)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shards);
        collector ??= new Collector();
        var sink = new Sink(collector);
        foreach (var text in texts)
        {
            Tokenizer.Scan(text.AsSpan(), ref sink);
        }

        if (term is not null)
        {
            collector.AddWord(term);
        }

        var keys = collector.Han;
        var into = han is not null && han.Length >= keys.Length ? han : new long[keys.Length];
        if (into != han && keys.Length <= KeptKeys)
        {
            han = into; // a longer text's room is not kept
        }

        var words = collector.Words;
        var result = new DocumentTerms(
            Split(keys, shards, new HanShard(shards), into, out var hanStarts),
            hanStarts,
            Split(CollectionsMarshal.AsSpan(words), shards, new WordShard(shards), new string[words.Count], out var wordStarts),
            wordStarts);
        collector.Clear();
        return result;
    }

    /// <summary>
    /// <paramref name="items"/> grouped by their shard, each group in their order, put at the start of <paramref name="result"/>
    /// (at least as long), with where each shard's group starts.
    /// </summary>
    /// <param name="shardOf">gives an item's shard: a struct, so that each kind of item has its own code and the call is inlined.</param>
    private static T[] Split<T, TShard>(ReadOnlySpan<T> items, int shards, TShard shardOf, T[] result, out int[] starts)
        where TShard : struct, IShardOf<T>
    {
        starts = new int[shards + 1];
        if (shards == 1)
        {
            items.CopyTo(result);
            starts[1] = items.Length;
            return result;
        }

        // Each item's shard, in a pooled array: 8 KB a document otherwise, 400 MB at 50,000 documents
        var shardOfItem = ArrayPool<int>.Shared.Rent(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            var shard = shardOf.Of(items[i]);
            shardOfItem[i] = shard;
            starts[shard + 1]++;
        }

        for (var s = 0; s < shards; s++)
        {
            starts[s + 1] += starts[s];
        }

        Span<int> next = stackalloc int[shards];
        starts.AsSpan(0, shards).CopyTo(next);
        for (var i = 0; i < items.Length; i++)
        {
            result[next[shardOfItem[i]]++] = items[i];
        }

        ArrayPool<int>.Shared.Return(shardOfItem);
        return result;
    }

    private interface IShardOf<in T>
    {
        int Of(T item);
    }

    private readonly struct HanShard(int shards) : IShardOf<long>
    {
        public int Of(long key) => TermIndex.ShardOfHan(key, shards);
    }

    private readonly struct WordShard(int shards) : IShardOf<string>
    {
        public int Of(string word) => TermIndex.ShardOfWord(word, shards);
    }

    /// <summary>
    /// Where the terms of a text are collected: a set of Han keys kept from one text to the next (cleared by the places it filled,
    /// so a long text does not make every later one clear a large table), and the words. Used by one thread at a time.
    /// </summary>
    public sealed class Collector
    {
        private const int FirstBits = 12;

        private long[] _set = new long[1 << FirstBits]; // open addressing, linear probing, at most half full; 0 is empty (no key is 0)
        private int _shift = 64 - FirstBits;
        private long[] _han = new long[(1 << (FirstBits - 1)) + 1];
        private readonly ulong[] _characters = new ulong[(1 << 16) / 64]; // the characters of the basic plane added, by code point
        private int _hanCount;
        private readonly HashSet<string> _seenWords = new(StringComparer.Ordinal);
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _seenWordSpans;
        private readonly List<string> _words = [];

        public Collector()
        {
            _seenWordSpans = _seenWords.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public ReadOnlySpan<long> Han => _han.AsSpan(0, _hanCount);

        public List<string> Words => _words;

        /// <summary>Adds a Han character's key: one of the basic plane is looked up in a bitmap (8 KB, kept in the nearest cache), not the set.</summary>
        public void AddHanCharacter(int codePoint)
        {
            if (codePoint >= 1 << 16)
            {
                AddHan(TermKey.HanKey(codePoint));
                return;
            }

            ref var word = ref _characters[codePoint >> 6];
            var bit = 1UL << (codePoint & 63);
            if ((word & bit) != 0)
            {
                return;
            }

            word |= bit;
            Append(TermKey.HanKey(codePoint));
        }

        public void AddHan(long key)
        {
            var mask = _set.Length - 1;
            for (var i = Place(key); ; i = (i + 1) & mask)
            {
                var found = _set[i];
                if (found == key)
                {
                    return;
                }

                if (found == 0)
                {
                    _set[i] = key;
                    Append(key);
                    return;
                }
            }
        }

        private void Append(long key)
        {
            _han[_hanCount++] = key;
            if (_hanCount > _set.Length / 2)
            {
                Grow();
            }
        }

        public void AddWord(ReadOnlySpan<char> word)
        {
            if (!_seenWordSpans.Contains(word))
            {
                var text = word.ToString();
                _seenWords.Add(text);
                _words.Add(text);
            }
        }

        /// <summary>Empties the set for the next text: the places of its keys only, not the whole table.</summary>
        public void Clear()
        {
            var mask = _set.Length - 1;
            foreach (var key in Han)
            {
                if (InBitmap(key))
                {
                    _characters[key >> 6] = 0;
                    continue;
                }

                for (var i = Place(key); _set[i] != 0; i = (i + 1) & mask)
                {
                    _set[i] = 0;
                }
            }

            _hanCount = 0;
            _seenWords.Clear();
            _words.Clear();
        }

        // A character of the basic plane (TermKey.HanKey is its code point; a pair's key is far larger)
        private static bool InBitmap(long key) => (ulong)key < 1 << 16;

        private int Place(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

        private void Grow()
        {
            _set = new long[_set.Length * 2];
            _shift--;
            Array.Resize(ref _han, _set.Length / 2 + 1);
            var mask = _set.Length - 1;
            foreach (var key in Han)
            {
                if (InBitmap(key))
                {
                    continue;
                }

                var i = Place(key);
                while (_set[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                _set[i] = key;
            }
        }
    }

    private readonly struct Sink(Collector collector) : Tokenizer.ITermSink
    {
        public void Han(int codePoint) => collector.AddHanCharacter(codePoint);

        public void HanPair(int first, int second) => collector.AddHan(TermKey.PairKey(first, second));

        public void Word(ReadOnlySpan<char> word) => collector.AddWord(word);
    }
}
