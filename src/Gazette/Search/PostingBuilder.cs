namespace Gazette.Search;

/// <summary>
/// Collects the ids of one term's documents in increasing order, stored as they will be written: LEB128 deltas. About one
/// byte a posting for common terms, so a large archive's postings fit in memory.
/// </summary>
internal sealed class PostingBuilder
{
    private byte[] _bytes = new byte[4];
    private int _length;

    public int Count { get; private set; }

    public int Last { get; private set; } = -1;

    /// <summary>Adds a document id; ids must not decrease, and a repeated id is ignored.</summary>
    public void Add(int id)
    {
        if (id == Last)
        {
            return;
        }

        if (id < Last)
        {
            throw new ArgumentOutOfRangeException(nameof(id), "document ids must be added in increasing order");
        }

        var delta = (uint)(Count == 0 ? id : id - Last);
        if (_length + 5 > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, 16));
        }

        while (delta >= 0x80)
        {
            _bytes[_length++] = (byte)(delta | 0x80);
            delta >>= 7;
        }

        _bytes[_length++] = (byte)delta;
        Last = id;
        Count++;
    }

    /// <summary>Appends the ids of <paramref name="later"/>, which must all be greater than this posting's.</summary>
    public void Append(PostingBuilder later)
    {
        if (later.Count == 0)
        {
            return;
        }

        var offset = 0;
        var first = (int)Posting.ReadVarint(later._bytes, ref offset);
        if (first <= Last)
        {
            throw new ArgumentException("the appended posting must start after this one ends", nameof(later));
        }

        var rest = later._length - offset;
        if (_length + 5 + rest > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + 5 + rest));
        }

        var delta = (uint)(Count == 0 ? first : first - Last);
        while (delta >= 0x80)
        {
            _bytes[_length++] = (byte)(delta | 0x80);
            delta >>= 7;
        }

        _bytes[_length++] = (byte)delta;
        Array.Copy(later._bytes, offset, _bytes, _length, rest);
        _length += rest;
        Count += later.Count;
        Last = later.Last;
    }

    /// <summary>The posting in the index format: a delta list or a bitmap, whichever is smaller.</summary>
    public byte[] Encode()
    {
        var header = new ByteWriter();
        header.Byte(Posting.List);
        header.Varint(Count);
        var listLength = header.Length + _length;
        var bitmapLength = (Last / 8) + 1;
        if (Count == 0 || bitmapLength + 4 >= listLength)
        {
            var list = new byte[listLength];
            header.ToArray().CopyTo(list, 0);
            Array.Copy(_bytes, 0, list, header.Length, _length);
            return list;
        }

        var bits = new byte[bitmapLength];
        var offset = 0;
        var id = 0;
        for (var i = 0; i < Count; i++)
        {
            var delta = (int)Posting.ReadVarint(_bytes, ref offset);
            id = i == 0 ? delta : id + delta;
            bits[id / 8] |= (byte)(1 << (id % 8));
        }

        var bitmap = new ByteWriter();
        bitmap.Byte(Posting.Bitmap);
        bitmap.Varint(bitmapLength);
        bitmap.Bytes(bits);
        return bitmap.ToArray();
    }
}
