using System.Numerics;

namespace Gazette.Search;

/// <summary>
/// Sorts the Han keys of one shard of a batch of documents' terms (<see cref="TermIndex.Add(ReadOnlySpan{DocumentTerms?}, int)"/>)
/// into runs: each distinct key once, with the places in the batch of the documents that have it, in the documents' order. Each
/// key is packed with its document's place into one number and the numbers are sorted by the key's bits, least significant
/// digit first, which keeps the order the documents were put in. The arrays are kept from one batch to the next. Used by one
/// thread at a time.
/// </summary>
internal sealed class KeySorter
{
    // A Han key packed: a character by its code point (below 2^18: no Han character is above 0x3134F), a pair by a tag bit
    // above the two code points, the first character's above the second's
    private const int CodeBits = 18;
    private const int CodeMask = (1 << CodeBits) - 1;
    private const int KeyBits = (2 * CodeBits) + 1;
    private const int DigitBits = 13;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = (KeyBits + DigitBits - 1) / DigitBits;

    private ulong[] _items = [];
    private ulong[] _spare = [];
    private readonly int[] _counts = new int[Passes * Buckets];
    private long[] _keys = [];
    private int[] _starts = [];
    private int[] _slots = [];

    /// <summary>
    /// The runs of the Han keys of <paramref name="shard"/> of <paramref name="batch"/> (null: a document without terms), which
    /// has <paramref name="count"/> of them; <see cref="Runs.IsEmpty"/> with keys there when a key cannot be packed (not a
    /// Han character or pair: the keys must then be added one document after another). Valid until the next sort.
    /// </summary>
    public Runs Sort(ReadOnlySpan<DocumentTerms?> batch, int shard, int count)
    {
        var documentBits = BitOperations.Log2((uint)Math.Max(1, batch.Length)) + 1;
        if (count == 0 || KeyBits + documentBits > 64)
        {
            return default;
        }

        if (_items.Length < count)
        {
            // Half as much again as the batch needs, so that the next batches, about as large, make none
            var room = Math.Max(count, _items.Length + (_items.Length / 2));
            _items = GC.AllocateUninitializedArray<ulong>(room);
            _spare = GC.AllocateUninitializedArray<ulong>(room);
            _keys = GC.AllocateUninitializedArray<long>(room);
            _starts = GC.AllocateUninitializedArray<int>(room + 1);
            _slots = GC.AllocateUninitializedArray<int>(room);
        }

        // The packed keys, document after document, and how many fall in each bucket of each pass
        var items = _items.AsSpan(0, count);
        var counts = _counts.AsSpan();
        counts.Clear();
        var at = 0;
        for (var i = 0; i < batch.Length; i++)
        {
            if (batch[i] is not { } terms)
            {
                continue;
            }

            foreach (var key in terms.Han(shard))
            {
                if (!TryPack(key, out var packed))
                {
                    return default;
                }

                for (var pass = 0; pass < Passes; pass++)
                {
                    counts[(pass * Buckets) + (int)((packed >> (pass * DigitBits)) & (Buckets - 1))]++;
                }

                items[at++] = (packed << documentBits) | (uint)i;
            }
        }

        // A pass whose digit is the same for every key (the highest, when the batch has no pairs) moves nothing, and is not made
        var (from, to) = (_items, _spare);
        for (var pass = 0; pass < Passes; pass++)
        {
            var buckets = counts.Slice(pass * Buckets, Buckets);
            if (buckets.Contains(count))
            {
                continue;
            }

            var next = 0;
            foreach (ref var bucket in buckets)
            {
                (bucket, next) = (next, next + bucket);
            }

            var shift = documentBits + (pass * DigitBits);
            foreach (var item in from.AsSpan(0, count))
            {
                to[buckets[(int)((item >> shift) & (Buckets - 1))]++] = item;
            }

            (from, to) = (to, from);
        }

        // The runs: where each distinct key's documents start
        var runs = 0;
        var previous = ulong.MaxValue;
        for (var j = 0; j < count; j++)
        {
            var packed = from[j] >> documentBits;
            if (packed != previous)
            {
                _keys[runs] = Unpack(packed);
                _starts[runs++] = j;
                previous = packed;
            }
        }

        _starts[runs] = count;
        return new Runs(from, documentBits, _keys, _starts, _slots, runs);
    }

    internal static bool TryPack(long key, out ulong packed)
    {
        if (key is >= 0 and <= CodeMask)
        {
            packed = (ulong)key;
            return true;
        }

        var (first, second) = ((key >> 21) & 0x1FFFFF, key & 0x1FFFFF);
        packed = (1UL << (2 * CodeBits)) | ((ulong)first << CodeBits) | (ulong)second;
        return key == TermKey.PairKey((int)first, (int)second) && first <= CodeMask && second <= CodeMask;
    }

    internal static long Unpack(ulong packed) =>
        packed >> (2 * CodeBits) == 0 ? (long)packed : TermKey.PairKey((int)((packed >> CodeBits) & CodeMask), (int)(packed & CodeMask));

    /// <summary>What <see cref="Sort"/> gives: the distinct keys in runs, and room for each run's slot in the table.</summary>
    public readonly struct Runs(ulong[] items, int documentBits, long[] keys, int[] starts, int[] slots, int count)
    {
        /// <summary>How many runs (distinct keys) there are.</summary>
        public int Count => count;

        /// <summary>Whether there are no runs.</summary>
        public bool IsEmpty => count == 0;

        /// <summary>The key of run <paramref name="run"/> (<see cref="TermKey.HanKey"/>, <see cref="TermKey.PairKey"/>).</summary>
        public long Key(int run) => keys[run];

        /// <summary>Where run <paramref name="run"/>'s documents start among all runs' (the next run's start is where they end).</summary>
        public int Start(int run) => starts[run];

        /// <summary>The place in the batch of the document at <paramref name="at"/> among all runs' documents.</summary>
        public int Document(int at) => (int)(items[at] & ((1UL << documentBits) - 1));

        /// <summary>Room for each run's slot in the table, kept with the runs.</summary>
        public Span<int> Slots => slots.AsSpan(0, count);
    }
}
