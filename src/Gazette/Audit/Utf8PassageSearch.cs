using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using Gazette.Output;

namespace Gazette.Audit;

/// <summary>
/// Finds many byte strings at once in byte texts — the UTF-8 of the withheld passages in the UTF-8 of the built site's files —
/// without decoding them, looking at one position in <see cref="Stride"/>. Every string is at least a gram (8 bytes, fewer when a
/// string is shorter) plus a stride less one byte long, so wherever a string lies in a text, one of the positions 0, stride,
/// 2 × stride, … of that text falls inside it with a whole gram after it, at one of <see cref="Stride"/> consecutive offsets
/// of the string. The search takes the gram at each of those positions, looks it up among the grams of the strings at those
/// offsets (a bit table first, two bits of one word for each gram, then a hash table), and compares a string whole only where
/// its gram is found and its last bytes, kept with the gram, are there too. Each string's offsets are the ones whose grams the
/// strings have least in common, so that the common words of the texts rarely make it compare; but a gram rare among the
/// strings can be common in the texts (the organ and year of a withheld index number are those of many published ones, whose
/// pages and listings show them), and the last bytes tell those places from the string's without reading the string.
/// Immutable and thread-safe.
/// </summary>
internal sealed class Utf8PassageSearch
{
    private const int LongestGram = 8;
    private const int LongestStride = 32;
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    private readonly byte[][] _strings;
    private readonly int _gram;
    private readonly ulong _gramMask;
    private readonly ulong[] _filter;
    private readonly int _filterShift;
    private readonly int[] _heads;
    private readonly int _headShift;
    private readonly Entry[] _entries;

    /// <param name="strings">the strings looked for, none empty.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run once per build, over every string: no time in unoptimized code
    public Utf8PassageSearch(IReadOnlyList<byte[]> strings)
    {
        if (strings.Count == 0 || strings.Any(s => s.Length == 0))
        {
            throw new ArgumentException("there must be strings to look for, none of them empty", nameof(strings));
        }

        _strings = [.. strings];
        var shortest = _strings.Min(s => s.Length);
        _gram = Math.Min(LongestGram, shortest);
        _gramMask = _gram == LongestGram ? ulong.MaxValue : (1UL << (8 * _gram)) - 1;
        Stride = Math.Min(LongestStride, shortest - _gram + 1);
        Longest = _strings.Max(s => s.Length);

        var (counts, countShift) = Popularity();
        _entries = GC.AllocateUninitializedArray<Entry>(_strings.Length * Stride); // each written below
        var headBits = Math.Clamp(BitOperations.Log2((uint)_entries.Length) + 2, 8, 24);
        _heads = GC.AllocateUninitializedArray<int>(1 << headBits);
        Array.Fill(_heads, -1);
        _headShift = 64 - headBits;
        var filterBits = Math.Clamp(headBits + 3, 12, 27);
        _filter = new ulong[(1 << filterBits) / 64];
        _filterShift = 64 - (filterBits - 6); // the word's bits of the hash (FilterBits: the two bits in it)

        // Each string's grams and their popularity, in room made once for the longest (memory taken anew is what costs here)
        var grams = new ulong[Longest - _gram + 1];
        var popularity = new int[grams.Length];
        var e = 0;
        for (var i = 0; i < _strings.Length; i++)
        {
            var count = Grams(_strings[i], grams);
            for (var at = 0; at < count; at++)
            {
                popularity[at] = counts[(int)((grams[at] * Multiplier) >> countShift)];
            }

            var from = RarestWindow(popularity.AsSpan(0, count));
            var tail = Tail(_strings[i]);
            for (var offset = from; offset < from + Stride; offset++)
            {
                var hash = grams[offset] * Multiplier;
                var head = (int)(hash >> _headShift);
                _entries[e] = new Entry(grams[offset], tail, i, offset, _strings[i].Length, _heads[head]);
                _heads[head] = e++;
                _filter[hash >> _filterShift] |= FilterBits(hash, _filterShift);
            }
        }
    }

    /// <summary>Every how many bytes of a text the search looks.</summary>
    public int Stride { get; }

    /// <summary>The length of the longest string, in bytes.</summary>
    public int Longest { get; }

    /// <summary>Adds to <paramref name="found"/> the index of every string that lies wholly inside <paramref name="text"/>.</summary>
    public void Find(ReadOnlySpan<byte> text, HashSet<int> found)
    {
        // Where a whole word of 8 bytes can be read, it is read without bounds checks (the loop's bound is the check), with the
        // fields the loop needs held in locals; the last positions as the strings' grams were taken. A position whose gram the
        // bit table has waits in a queue while the scan goes on: its place in the hash table is fetched into the cache when it
        // comes in, its first entry halfway through, and it is compared when it leaves. Most of these positions are a gram the
        // strings share with common text, and the tables are larger than the nearest caches: compared at once, each waited for
        // memory twice (at 50,000 documents, about 300 ns each, for some 5 million positions).
        var (stride, mask, filterShift) = (Stride, _gramMask, _filterShift);
        ref var first = ref MemoryMarshal.GetReference(text);
        ref var filter = ref MemoryMarshal.GetArrayDataReference(_filter);
        var queue = new Queue(this, text, found);
        var at = 0;
        for (var last = text.Length - LongestGram; at <= last; at += stride)
        {
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, at));
            var gram = (BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word)) & mask;
            var hash = gram * Multiplier;
            var bits = FilterBits(hash, filterShift);
            if ((Unsafe.Add(ref filter, (nint)(hash >> filterShift)) & bits) == bits)
            {
                queue.Add(at, gram, hash);
            }
        }

        for (; at <= text.Length - _gram; at += stride)
        {
            var gram = Gram(text, at);
            var hash = gram * Multiplier;
            var bits = FilterBits(hash, filterShift);
            if ((_filter[hash >> filterShift] & bits) == bits)
            {
                queue.Add(at, gram, hash);
            }
        }

        queue.Drain();
    }

    /// <summary>The positions of a text waiting to be compared (<see cref="Find"/>), oldest first.</summary>
    private ref struct Queue(Utf8PassageSearch search, ReadOnlySpan<byte> text, HashSet<int> found)
    {
        private const int Depth = 8;

        private readonly ReadOnlySpan<byte> _text = text;
        private Waiting _waiting;
        private int _oldest;
        private int _count;

        public void Add(int at, ulong gram, ulong hash)
        {
            if (_count == Depth)
            {
                Next();
            }

            var head = (int)(hash >> search._headShift);
            CacheHint.Prefetch(ref search._heads[head]);
            _waiting[(_oldest + _count) & (Depth - 1)] = new Position(at, gram, head);
            _count++;
            if (_count > Depth / 2)
            {
                // The one halfway through: its place came in meanwhile, its first entry is asked for
                var e = search._heads[_waiting[(_oldest + _count - 1 - (Depth / 2)) & (Depth - 1)].Head];
                if (e >= 0)
                {
                    CacheHint.Prefetch(ref search._entries[e]);
                }
            }
        }

        public void Drain()
        {
            while (_count > 0)
            {
                Next();
            }
        }

        private void Next()
        {
            var (at, gram, head) = _waiting[_oldest];
            _oldest = (_oldest + 1) & (Depth - 1);
            _count--;
            search.Compare(_text, at, gram, head, found);
        }

        [InlineArray(Depth)]
        private struct Waiting
        {
            private Position _first;
        }
    }

    private readonly record struct Position(int At, ulong Gram, int Head);

    /// <summary>Adds the strings whose gram <paramref name="gram"/> is, found at <paramref name="at"/> of <paramref name="text"/>, and which lie there whole.</summary>
    /// <param name="head">the place of the gram's hash in the hash table.</param>
    private void Compare(ReadOnlySpan<byte> text, int at, ulong gram, int head, HashSet<int> found)
    {
        for (var e = _heads[head]; e >= 0; e = _entries[e].Next)
        {
            ref readonly var entry = ref _entries[e];
            var start = at - entry.Offset;
            if (entry.Gram != gram || start < 0 || start + entry.Length > text.Length)
            {
                continue;
            }

            var there = text.Slice(start, entry.Length);
            if (Tail(there) == entry.Tail && there.SequenceEqual(_strings[entry.StringIndex]))
            {
                found.Add(entry.StringIndex);
            }
        }
    }

    /// <summary>The two bits of a gram's word in the bit table: two other parts of its hash than the word's.</summary>
    private static ulong FilterBits(ulong hash, int filterShift) =>
        (1UL << (int)(hash >> (filterShift - 6))) | (1UL << (int)(hash >> (filterShift - 12)));

    /// <summary>The last (at most 8) bytes of <paramref name="bytes"/> as a number (little-endian, whatever the machine).</summary>
    private static ulong Tail(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]);
        }

        ulong tail = 0;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            tail = (tail << 8) | bytes[i];
        }

        return tail;
    }

    /// <summary>
    /// About how many strings have each gram somewhere: the grams of the common words, which the texts will have too. Counted in
    /// a table of at most 2^20 slots by the gram's hash, a gram once per string (again only when the string that counted its slot
    /// last is another); grams that share a slot share a count, which only makes a window look more common than it is: the
    /// strings found are the same whichever window is taken. (A dictionary of every gram and a set of each string's grams took a
    /// quarter of a second for the 7,000 passages of 650 withheld documents.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // run once per build, over every gram: no time in unoptimized code
    private (int[] Counts, int Shift) Popularity()
    {
        var bits = Math.Clamp(BitOperations.Log2((uint)Math.Max(1, _strings.Sum(s => s.Length - _gram + 1))) + 1, 10, 20);
        var shift = 64 - bits;
        var counts = new int[1 << bits];
        var counter = new int[1 << bits]; // the string that counted the slot last, plus one
        for (var i = 0; i < _strings.Length; i++)
        {
            var s = _strings[i];
            for (var at = 0; at <= s.Length - _gram; at++)
            {
                var slot = (int)((Gram(s, at) * Multiplier) >> shift);
                if (counter[slot] != i + 1)
                {
                    counts[slot]++;
                    counter[slot] = i + 1;
                }
            }
        }

        return (counts, shift); // a gram's count is counts[(gram * Multiplier) >> shift]
    }

    /// <summary>Puts into <paramref name="grams"/> the gram at each offset of a string where a whole gram fits; returns how many.</summary>
    private int Grams(byte[] s, ulong[] grams)
    {
        var count = s.Length - _gram + 1;
        for (var at = 0; at < count; at++)
        {
            grams[at] = Gram(s, at);
        }

        return count;
    }

    /// <summary>The first of the <see cref="Stride"/> consecutive offsets whose grams are the least popular together.</summary>
    private int RarestWindow(ReadOnlySpan<int> popularity)
    {
        long sum = 0;
        for (var at = 0; at < Stride; at++)
        {
            sum += popularity[at];
        }

        var (best, bestSum) = (0, sum);
        for (var from = 1; from + Stride <= popularity.Length; from++)
        {
            sum += popularity[from + Stride - 1] - popularity[from - 1];
            if (sum < bestSum)
            {
                (best, bestSum) = (from, sum);
            }
        }

        return best;
    }

    /// <summary>The <see cref="_gram"/> bytes at <paramref name="at"/> as a number (little-endian, whatever the machine).</summary>
    private ulong Gram(ReadOnlySpan<byte> text, int at)
    {
        if (at + LongestGram <= text.Length)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(text[at..]) & _gramMask;
        }

        ulong gram = 0;
        for (var i = _gram - 1; i >= 0; i--)
        {
            gram = (gram << 8) | text[at + i];
        }

        return gram;
    }

    /// <summary>
    /// A gram of a string at an offset, with the string's last bytes (<see cref="Tail"/>) and length, chained to the entry before it
    /// in the same hash slot (-1: none).
    /// </summary>
    private readonly record struct Entry(ulong Gram, ulong Tail, int StringIndex, int Offset, int Length, int Next);
}
