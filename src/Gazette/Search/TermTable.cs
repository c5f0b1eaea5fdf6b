using System.Runtime.Intrinsics.X86;
using Gazette.Output;

namespace Gazette.Search;

/// <summary>
/// The terms of a <see cref="TermIndex"/> by a 64-bit key (never 0), each with its posting, numbered from 0 in the order they
/// came (their slots). The entries — key and posting side by side, so that adding a document to a term's posting touches one
/// entry and the block being written — lie in blocks of <see cref="BlockSize"/> that never move (the table grows by a block,
/// copying nothing and keeping at most one block's room unused); a hash index of their slots (open addressing with linear
/// probing, at most half full, 4 bytes a place) finds them.
/// </summary>
internal sealed class TermTable
{
    private const int BlockBits = 11;

    /// <summary>Entries a block holds: 80 KB, small enough for the garbage collector's ordinary heap.</summary>
    private const int BlockSize = 1 << BlockBits;

    private readonly List<Entry[]> _blocks = [];
    private int[] _index = new int[1024]; // the slot + 1 of the entry placed here, or 0
    private int _shift = 64 - 10;

    /// <summary>How many terms there are: the next slot.</summary>
    public int Count { get; private set; }

    /// <summary>The entry of <paramref name="key"/>, made with an empty posting when the key is new.</summary>
    public ref Entry GetOrAdd(long key) => ref At(SlotOf(key));

    /// <summary>The slot of <paramref name="key"/>, whose entry is made with an empty posting when the key is new.</summary>
    public int SlotOf(long key)
    {
        var mask = _index.Length - 1;
        for (var i = Place(key); ; i = (i + 1) & mask)
        {
            var slot = _index[i] - 1;
            if (slot < 0)
            {
                Add(key, i);
                return Count - 1;
            }

            if (At(slot).Key == key)
            {
                return slot;
            }
        }
    }

    /// <summary>The entry of <paramref name="slot"/>, to add to its posting.</summary>
    public ref Entry EntryAt(int slot) => ref At(slot);

    /// <summary>
    /// Asks the processor to bring the place <paramref name="key"/> would be looked up at into the cache, without waiting for
    /// it (where it cannot be asked, nothing). Changes nothing. The array is not pinned: a prefetch never faults, and one of
    /// an address the collector has just moved is only a hint wasted.
    /// </summary>
    public void PrefetchPlace(long key) => CacheHint.Prefetch(ref _index[Place(key)]);

    /// <summary>
    /// Asks the processor to bring the entry of <paramref name="key"/> into the cache, reading its place (which
    /// <see cref="PrefetchPlace"/> brought in earlier) but not waiting for the entry. Changes nothing.
    /// </summary>
    public void PrefetchEntry(long key)
    {
        if (!Sse.IsSupported)
        {
            return; // the place would be read, and waited for, for nothing
        }

        var slot = _index[Place(key)] - 1;
        if (slot >= 0)
        {
            CacheHint.Prefetch(ref At(slot));
        }
    }

    /// <summary>Asks the processor to bring the entry of <paramref name="slot"/> into the cache, not waiting for it. Changes nothing.</summary>
    public void PrefetchSlot(int slot) => CacheHint.Prefetch(ref At(slot));

    /// <summary>The slot of <paramref name="key"/>, or -1.</summary>
    public int Find(long key)
    {
        var mask = _index.Length - 1;
        for (var i = Place(key); ; i = (i + 1) & mask)
        {
            var slot = _index[i] - 1;
            if (slot < 0 || At(slot).Key == key)
            {
                return slot;
            }
        }
    }

    /// <summary>The entry of <paramref name="slot"/>.</summary>
    public ref readonly Entry this[int slot] => ref At(slot);

    /// <summary>Every key with its slot, in slot order.</summary>
    public IEnumerable<(long Key, int Slot)> Entries()
    {
        for (var slot = 0; slot < Count; slot++)
        {
            yield return (At(slot).Key, slot);
        }
    }

    private ref Entry At(int slot) => ref _blocks[slot >> BlockBits][slot & (BlockSize - 1)];

    private ref Entry Add(long key, int place)
    {
        if (Count == _blocks.Count << BlockBits)
        {
            _blocks.Add(new Entry[BlockSize]);
        }

        var slot = Count++;
        ref var entry = ref At(slot);
        entry.Key = key;
        _index[place] = slot + 1;
        if (Count > _index.Length / 2)
        {
            Grow();
        }

        return ref entry;
    }

    /// <summary>Fibonacci hashing: the top bits of the key times 2^64 / φ.</summary>
    private int Place(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>Doubles the hash index and places every slot again; the entries stay where they are.</summary>
    private void Grow()
    {
        _index = new int[_index.Length * 2];
        _shift--;
        var mask = _index.Length - 1;
        for (var slot = 0; slot < Count; slot++)
        {
            var i = Place(At(slot).Key);
            while (_index[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _index[i] = slot + 1;
        }
    }

    /// <summary>A term of the table.</summary>
    public struct Entry
    {
        /// <summary>The term's key.</summary>
        public long Key;

        /// <summary>The term's posting.</summary>
        public PostingStore.Chain Posting;
    }
}
