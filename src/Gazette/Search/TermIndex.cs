namespace Gazette.Search;

/// <summary>
/// Term → posting, for the terms of one shard: the terms are split into <c>shards</c> by a hash of their key
/// (<see cref="ShardOf(TermKey, int)"/>), and the index of shard <c>s</c> keeps only the terms of that shard of every text it is
/// given. So the shards of one set of texts can be built side by side, on as many threads, each over every document in order,
/// and together they hold exactly the terms and postings of one index of all of them (with one shard, it is that index).
/// Han characters and pairs are keyed by their code points, so indexing a text costs no string per term; words and
/// document-number keys by a number given to each string once. A term is found by its slot in the <see cref="TermTable"/>.
/// </summary>
internal sealed class TermIndex
{
    // Keys of words: this tag and the word's number. Han keys are below 2^43 (TermKey).
    private const long WordTag = 1L << 43;

    /// <summary>How many keys ahead the place of a key in the table is fetched (<see cref="TermTable.PrefetchPlace"/>), and its entry (<see cref="TermTable.PrefetchEntry"/>).</summary>
    private const int PlaceAhead = 16;

    /// <inheritdoc cref="PlaceAhead"/>
    private const int EntryAhead = 8;

    /// <summary>How many runs ahead the block a run's documents go into is fetched (<see cref="PostingStore.PrefetchNext"/>), once its entry is in the cache.</summary>
    private const int BlockAhead = 4;

    private readonly TermTable _table = new();
    private readonly PostingStore _postings = new();
    private readonly KeySorter _sorter = new();
    private readonly List<string> _words = [];
    private readonly Dictionary<string, int> _wordNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordSpans;
    private readonly int _shard;
    private readonly int _shards;

    /// <summary>An index of every term.</summary>
    public TermIndex()
        : this(0, 1)
    {
    }

    /// <summary>An index of the terms of shard <paramref name="shard"/> of <paramref name="shards"/>.</summary>
    public TermIndex(int shard, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shards);
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, shards);
        _shard = shard;
        _shards = shards;
        _wordSpans = _wordNumbers.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _table.Count;

    /// <summary>The shard of <paramref name="term"/> among <paramref name="shards"/>.</summary>
    public static int ShardOf(TermKey term, int shards) => term.Word is { } word ? ShardOfWord(word, shards) : ShardOfHan(term.Han, shards);

    /// <summary>Adds every index term of <paramref name="text"/> of this shard for document <paramref name="id"/>.</summary>
    public void AddText(string text, int id) => Add(DocumentTerms.Of(text, null, _shards), id);

    /// <summary>
    /// Adds the terms of document <paramref name="id"/> that <see cref="DocumentTerms.Of"/> collected for this shard, split
    /// into as many shards as this index is one of.
    /// </summary>
    public void Add(DocumentTerms terms, int id)
    {
        if (terms.Shards != _shards)
        {
            throw new ArgumentException($"the terms are split into {terms.Shards} shards, the index is one of {_shards}", nameof(terms));
        }

        AddHan(terms.Han(_shard), id);
        foreach (var word in terms.Words(_shard))
        {
            AddWord(word, id);
        }
    }

    private void AddHan(ReadOnlySpan<long> han, int id)
    {
        // The table's place of a key some keys ahead is fetched before it is needed, and its entry a few keys later, so that
        // their cache misses overlap the work on the keys before them (the table is far larger than the cache; most of a
        // lookup's time was waiting for memory)
        for (var i = 0; i < han.Length; i++)
        {
            if (i + PlaceAhead < han.Length)
            {
                _table.PrefetchPlace(han[i + PlaceAhead]);
            }

            if (i + EntryAhead < han.Length)
            {
                _table.PrefetchEntry(han[i + EntryAhead]);
            }

            _postings.Add(ref _table.GetOrAdd(han[i]).Posting, id);
        }
    }

    /// <summary>
    /// Adds the terms of a batch of documents: <paramref name="batch"/>[i] those of document <paramref name="first"/> + i (null:
    /// it is not added), as <see cref="Add(DocumentTerms, int)"/> would one after another, with the same postings.
    /// </summary>
    /// <remarks>
    /// The batch's Han keys are sorted (by key, each key's documents in order), so that each distinct key is looked up in the
    /// table once for the batch and its documents are added to its posting one after another: a batch of 256 documents of the
    /// bench's corpus has about 310,000 Han keys but some 55,000 distinct ones, and each lookup in a table far larger than the
    /// cache waits for memory where the sort runs over arrays read straight through. (Grouping the keys instead by a hash,
    /// in parts that fit the nearest cache, took 20-24 ns a key against 18-20 ns for the sort.)
    /// </remarks>
    public void Add(ReadOnlySpan<DocumentTerms?> batch, int first)
    {
        var count = 0;
        foreach (var terms in batch)
        {
            if (terms is null)
            {
                continue;
            }

            if (terms.Shards != _shards)
            {
                throw new ArgumentException($"the terms are split into {terms.Shards} shards, the index is one of {_shards}", nameof(batch));
            }

            count += terms.Han(_shard).Length;
        }

        var sorted = _sorter.Sort(batch, _shard, count);
        if (sorted.IsEmpty && count > 0)
        {
            // A key the sort cannot hold (no Han character is above 0x3134F): added document by document
            for (var i = 0; i < batch.Length; i++)
            {
                if (batch[i] is { } terms)
                {
                    AddHan(terms.Han(_shard), first + i);
                }
            }
        }
        else
        {
            AddSorted(sorted, first);
        }

        for (var i = 0; i < batch.Length; i++)
        {
            if (batch[i] is { } terms)
            {
                foreach (var word in terms.Words(_shard))
                {
                    AddWord(word, first + i);
                }
            }
        }
    }

    /// <summary>Adds the keys of <see cref="KeySorter.Sort"/>'s runs, each run's documents to the posting of its key.</summary>
    private void AddSorted(KeySorter.Runs runs, int first)
    {
        // Each distinct key's slot (looked up with its place and entry fetched some keys ahead, as in AddHan), then each run's
        // documents added to its posting (with the block they go into fetched some runs ahead)
        var slots = runs.Slots;
        for (var r = 0; r < runs.Count; r++)
        {
            if (r + PlaceAhead < runs.Count)
            {
                _table.PrefetchPlace(runs.Key(r + PlaceAhead));
            }

            if (r + EntryAhead < runs.Count)
            {
                _table.PrefetchEntry(runs.Key(r + EntryAhead));
            }

            slots[r] = _table.SlotOf(runs.Key(r));
        }

        for (var r = 0; r < runs.Count; r++)
        {
            if (r + EntryAhead < runs.Count)
            {
                _table.PrefetchSlot(slots[r + EntryAhead]);
            }

            if (r + BlockAhead < runs.Count)
            {
                _postings.PrefetchNext(_table.EntryAt(slots[r + BlockAhead]).Posting);
            }

            ref var posting = ref _table.EntryAt(slots[r]).Posting;
            for (var at = runs.Start(r); at < runs.Start(r + 1); at++)
            {
                _postings.Add(ref posting, first + runs.Document(at));
            }
        }
    }

    /// <summary>Adds one term as it is (e.g. a document-number key), if it is of this shard.</summary>
    public void AddTerm(string term, int id)
    {
        if (_shards == 1 || ShardOfWord(term, _shards) == _shard)
        {
            AddWord(term, id);
        }
    }

    /// <summary>The slot of a term's posting, or -1 when no document has the term (or it is of another shard).</summary>
    public int Find(string term) => Find(TermKey.Of(term));

    /// <inheritdoc cref="Find(string)"/>
    public int Find(TermKey term)
    {
        if (term.Word is not { } word)
        {
            return _table.Find(term.Han);
        }

        return _wordNumbers.TryGetValue(word, out var number) ? _table.Find(WordTag | (uint)number) : -1;
    }

    /// <summary>Asks the processor to bring the entry of <paramref name="slot"/> (-1: none) into the cache; see <see cref="PrefetchPosting"/>.</summary>
    public void PrefetchSlot(int slot)
    {
        if (slot >= 0)
        {
            _table.PrefetchSlot(slot);
        }
    }

    /// <summary>
    /// Asks the processor to bring the start of the posting of <paramref name="slot"/> (-1: none) into the cache, reading its entry
    /// (which <see cref="PrefetchSlot"/> brought in earlier) but not waiting for the posting. Changes nothing.
    /// </summary>
    public void PrefetchPosting(int slot)
    {
        if (slot >= 0)
        {
            _postings.PrefetchHead(_table[slot].Posting);
        }
    }

    /// <summary>How many documents have the term of <paramref name="slot"/>.</summary>
    public int CountOf(int slot) => _table[slot].Posting.Documents;

    /// <summary>The posting of <paramref name="slot"/> in the index format (docs/search-index.md).</summary>
    public byte[] Encode(int slot) => _postings.Encode(_table[slot].Posting);

    /// <summary>Writes <see cref="Encode"/>'s bytes into <paramref name="destination"/>, <see cref="EncodedLength"/> long.</summary>
    public void EncodeTo(int slot, Span<byte> destination) => _postings.EncodeTo(_table[slot].Posting, destination);

    /// <summary>The length of <see cref="Encode"/>'s result.</summary>
    public int EncodedLength(int slot) => PostingStore.EncodedLength(_table[slot].Posting);

    /// <summary>Every term with the slot of its posting, in no particular order.</summary>
    public IEnumerable<(TermKey Key, int Slot)> Keys() =>
        _table.Entries().Select(e => ((e.Key & WordTag) != 0 ? new TermKey(0, _words[(int)(e.Key & ~WordTag)]) : new TermKey(e.Key, null), e.Slot));

    /// <summary>Every term as a string with the slot of its posting, in no particular order.</summary>
    public IEnumerable<(string Term, int Slot)> Terms() => Keys().Select(k => (k.Key.ToString(), k.Slot));

    /// <summary>Adds a word of this shard (<see cref="DocumentTerms"/> split them so; <see cref="AddTerm"/> checks).</summary>
    private void AddWord(ReadOnlySpan<char> word, int id)
    {
        if (!_wordSpans.TryGetValue(word, out var number))
        {
            var text = word.ToString();
            number = _words.Count;
            _wordNumbers[text] = number;
            _words.Add(text);
        }

        _postings.Add(ref _table.GetOrAdd(WordTag | (uint)number).Posting, id);
    }

    // The shard takes other bits of the key than TermTable's index, so that a shard's keys spread over all of its table.
    internal static int ShardOfHan(long key, int shards) => (int)((uint)(((ulong)key * 0xD6E8FEB86659FD93UL) >> 32) % (uint)shards);

    internal static int ShardOfWord(ReadOnlySpan<char> word, int shards)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }
}
