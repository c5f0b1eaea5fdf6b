using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gazette.Audit;

/// <summary>
/// Finds many byte strings at once in byte texts — the UTF-8 of the withheld passages in the UTF-8 of the built site's files —
/// without decoding them, looking at one position in <see cref="Stride"/>. Every string is at least a gram (8 bytes, fewer when a
/// string is shorter) plus a stride less one byte long, so wherever a string lies in a text, one of the positions 0, stride,
/// 2 × stride, … of that text falls inside it with a whole gram after it, at one of <see cref="Stride"/> consecutive offsets
/// of the string. The search takes the gram at each of those positions, looks it up among the grams of the strings at those
/// offsets (a bit table first, then a hash table), and compares a string whole only where its gram is found. Each string's
/// offsets are the ones whose grams the strings have least in common, so that the common words of the texts rarely make it
/// compare. Immutable and thread-safe.
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
        _filterShift = 64 - filterBits;

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
            for (var offset = from; offset < from + Stride; offset++)
            {
                var hash = grams[offset] * Multiplier;
                var head = (int)(hash >> _headShift);
                _entries[e] = new Entry(grams[offset], i, offset, _heads[head]);
                _heads[head] = e++;
                var bit = hash >> _filterShift;
                _filter[bit >> 6] |= 1UL << (int)(bit & 63);
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
        for (var at = 0; at <= text.Length - _gram; at += Stride)
        {
            var gram = Gram(text, at);
            var hash = gram * Multiplier;
            var bit = hash >> _filterShift;
            if ((_filter[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                continue;
            }

            for (var e = _heads[hash >> _headShift]; e >= 0; e = _entries[e].Next)
            {
                ref readonly var entry = ref _entries[e];
                var start = at - entry.Offset;
                var s = _strings[entry.StringIndex];
                if (entry.Gram == gram && start >= 0 && start + s.Length <= text.Length && text.Slice(start, s.Length).SequenceEqual(s))
                {
                    found.Add(entry.StringIndex);
                }
            }
        }
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

    /// <summary>A gram of a string at an offset, chained to the entry before it in the same hash slot (-1: none).</summary>
    private readonly record struct Entry(ulong Gram, int StringIndex, int Offset, int Next);
}
