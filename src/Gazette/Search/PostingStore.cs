namespace Gazette.Search;

/// <summary>
/// The postings of many terms, each a slot numbered from 0: the ids of one term's documents in increasing order, stored as
/// they will be written (LEB128 deltas, about one byte a posting for common terms).
/// </summary>
/// <remarks>
/// An archive has millions of terms, most of them in a handful of documents, so a posting is not an object: its bytes live
/// in a chain of blocks inside large shared pages (each block ends with the address of the next; sizes double from
/// <see cref="FirstBlock"/> to <see cref="LastBlock"/>), and its state in arrays indexed by slot. That is about 40 bytes a
/// term instead of three objects, nothing grows by copying, and the garbage collector sees a few hundred arrays.
/// </remarks>
internal sealed class PostingStore
{
    private const int PageBits = 22;
    private const int PageSize = 1 << PageBits;
    private const int FirstBlock = 16;
    private const int LastBlock = 4096;
    private const int LinkBytes = sizeof(long);

    private readonly List<byte[]> _pages = [];
    private long _used; // where the next block goes

    private long[] _head = new long[1024];
    private long[] _next = new long[1024];
    private int[] _room = new int[1024];
    private int[] _length = new int[1024];
    private int[] _count = new int[1024];
    private int[] _last = new int[1024];

    /// <summary>How many slots there are.</summary>
    public int Slots { get; private set; }

    /// <summary>A new, empty posting.</summary>
    public int NewSlot()
    {
        if (Slots == _head.Length)
        {
            var size = Slots * 2;
            Array.Resize(ref _head, size);
            Array.Resize(ref _next, size);
            Array.Resize(ref _room, size);
            Array.Resize(ref _length, size);
            Array.Resize(ref _count, size);
            Array.Resize(ref _last, size);
        }

        var slot = Slots++;
        _head[slot] = -1;
        _last[slot] = -1;
        return slot;
    }

    public int Count(int slot) => _count[slot];

    /// <summary>Adds a document id; ids must not decrease, and a repeated id is ignored.</summary>
    public void Add(int slot, int id)
    {
        var last = _last[slot];
        if (id == last)
        {
            return;
        }

        if (id < last)
        {
            throw new ArgumentOutOfRangeException(nameof(id), "document ids must be added in increasing order");
        }

        WriteVarint(slot, (uint)(_count[slot] == 0 ? id : id - last));
        _last[slot] = id;
        _count[slot]++;
    }

    /// <summary>Appends the ids of a posting of <paramref name="from"/>, which must all be greater than this posting's.</summary>
    public void Append(int slot, PostingStore from, int fromSlot)
    {
        if (from._count[fromSlot] == 0)
        {
            return;
        }

        var reader = new Reader(from, fromSlot);
        var first = (int)reader.Varint();
        if (first <= _last[slot])
        {
            throw new ArgumentException("the appended posting must start after this one ends", nameof(fromSlot));
        }

        WriteVarint(slot, (uint)(_count[slot] == 0 ? first : first - _last[slot]));
        while (reader.Remaining > 0)
        {
            WriteByte(slot, reader.Byte());
        }

        _count[slot] += from._count[fromSlot];
        _last[slot] = from._last[fromSlot];
    }

    /// <summary>The posting in the index format: a delta list or a bitmap, whichever is smaller.</summary>
    public byte[] Encode(int slot)
    {
        var count = _count[slot];
        var header = new ByteWriter();
        header.Byte(Posting.List);
        header.Varint(count);
        var listLength = header.Length + _length[slot];
        var bitmapLength = (_last[slot] / 8) + 1;
        var reader = new Reader(this, slot);
        if (count == 0 || bitmapLength + 4 >= listLength)
        {
            var list = new byte[listLength];
            header.ToArray().CopyTo(list, 0);
            for (var i = header.Length; i < listLength; i++)
            {
                list[i] = reader.Byte();
            }

            return list;
        }

        var bits = new byte[bitmapLength];
        var id = 0;
        for (var i = 0; i < count; i++)
        {
            var delta = (int)reader.Varint();
            id = i == 0 ? delta : id + delta;
            bits[id / 8] |= (byte)(1 << (id % 8));
        }

        var bitmap = new ByteWriter();
        bitmap.Byte(Posting.Bitmap);
        bitmap.Varint(bitmapLength);
        bitmap.Bytes(bits);
        return bitmap.ToArray();
    }

    /// <summary>How many bytes <see cref="Encode"/> gives, without encoding.</summary>
    public int EncodedLength(int slot)
    {
        var count = _count[slot];
        var listLength = 1 + ByteWriter.VarintLength((uint)count) + _length[slot];
        var bitmapLength = (_last[slot] / 8) + 1;
        return count == 0 || bitmapLength + 4 >= listLength ? listLength : 1 + ByteWriter.VarintLength((uint)bitmapLength) + bitmapLength;
    }

    private void WriteVarint(int slot, uint value)
    {
        while (value >= 0x80)
        {
            WriteByte(slot, (byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte(slot, (byte)value);
    }

    private void WriteByte(int slot, byte value)
    {
        if (_room[slot] == 0)
        {
            NewBlock(slot);
        }

        var at = _next[slot];
        _pages[(int)(at >> PageBits)][at & (PageSize - 1)] = value;
        _next[slot] = at + 1;
        _room[slot]--;
        _length[slot]++;
    }

    /// <summary>
    /// Chains a new block to the posting: twice the size of the one before, up to <see cref="LastBlock"/>. A block is its data
    /// followed by the address of the next block, written when that block is made.
    /// </summary>
    private void NewBlock(int slot)
    {
        var size = BlockSize(_length[slot]);
        if (_used + size > (long)_pages.Count << PageBits)
        {
            _pages.Add(new byte[PageSize]);
            _used = (long)(_pages.Count - 1) << PageBits;
        }

        var block = _used;
        _used += size;
        if (_head[slot] < 0)
        {
            _head[slot] = block;
        }
        else
        {
            WriteLink(_next[slot], block); // the full block's last bytes, kept for this link
        }

        _next[slot] = block;
        _room[slot] = size - LinkBytes;
    }

    /// <summary>The size of the block that follows <paramref name="length"/> bytes of data in full blocks.</summary>
    private static int BlockSize(int length)
    {
        var size = FirstBlock;
        var data = 0;
        while (size < LastBlock && data + size - LinkBytes <= length)
        {
            data += size - LinkBytes;
            size *= 2;
        }

        return size;
    }

    private void WriteLink(long at, long value)
    {
        var page = _pages[(int)(at >> PageBits)];
        BitConverter.TryWriteBytes(page.AsSpan((int)(at & (PageSize - 1)), LinkBytes), value);
    }

    private long ReadLink(long at) => BitConverter.ToInt64(_pages[(int)(at >> PageBits)], (int)(at & (PageSize - 1)));

    /// <summary>Reads one posting's bytes in order, block after block.</summary>
    private struct Reader(PostingStore store, int slot)
    {
        private long _at = store._head[slot];
        private int _size = FirstBlock;
        private int _left = FirstBlock - LinkBytes;

        public int Remaining { get; private set; } = store._length[slot];

        public byte Byte()
        {
            if (_left == 0)
            {
                // The address of the next block is in the last bytes of this one.
                _at = store.ReadLink(_at);
                _size = Math.Min(_size * 2, LastBlock);
                _left = _size - LinkBytes;
            }

            Remaining--;
            _left--;
            var value = store._pages[(int)(_at >> PageBits)][_at & (PageSize - 1)];
            _at++;
            return value;
        }

        public uint Varint()
        {
            uint value = 0;
            var shift = 0;
            byte b;
            do
            {
                b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);

            return value;
        }
    }
}
