using System.Buffers;
using Gazette.Output;

namespace Gazette.Search;

/// <summary>
/// Where postings are stored while the index is built: the ids of one term's documents in increasing order, kept as they will
/// be written (LEB128 deltas, about one byte a posting for common terms).
/// </summary>
/// <remarks>
/// An archive has hundreds of thousands of terms, most of them in a handful of documents, so a posting is not an object: its
/// bytes live in a chain of blocks inside the store's large pages (each block ends with the address of the next; sizes double
/// from <see cref="FirstBlock"/> to <see cref="LastBlock"/>), and what the posting holds and where its blocks are is a
/// <see cref="Chain"/>, a small struct that its owner keeps where it finds the term (<see cref="TermTable"/>), so that adding an
/// id touches that struct and the block being written, nothing else. Nothing grows by copying, and the garbage collector sees
/// a few hundred arrays.
/// </remarks>
internal sealed class PostingStore
{
    private const int PageBits = 20;
    private const int PageSize = 1 << PageBits;
    private const int FirstBlock = 16;
    private const int LastBlock = 4096;
    private const int LinkBytes = sizeof(long);

    /// <summary>The most bytes the varint of an id's delta takes.</summary>
    private const int DeltaMaxLength = 5;

    private readonly List<byte[]> _pages = [];
    private long _used; // where the next block goes

    /// <summary>Adds a document id to a posting of this store (<c>default</c> is a new, empty one); ids must not decrease, and a repeated id is ignored.</summary>
    public void Add(ref Chain chain, int id)
    {
        if (chain.Count > 0)
        {
            if (id == chain.Last)
            {
                return;
            }

            if (id < chain.Last)
            {
                throw new ArgumentOutOfRangeException(nameof(id), "document ids must be added in increasing order");
            }
        }

        var delta = (uint)(chain.Count == 0 ? id : id - chain.Last);
        chain.Last = id;
        chain.Count++;
        if (chain.Room < DeltaMaxLength)
        {
            WriteVarintAcrossBlocks(ref chain, delta);
            return;
        }

        // The block has room for any varint: written in place.
        var at = chain.Next;
        var page = _pages[(int)(at >> PageBits)];
        var offset = (int)(at & (PageSize - 1));
        int length;
        if (delta < 0x80)
        {
            page[offset] = (byte)delta;
            length = 1;
        }
        else
        {
            length = ByteWriter.WriteVarint(page.AsSpan(offset, DeltaMaxLength), delta);
        }

        chain.Next = at + length;
        chain.Room -= length;
        chain.Length += length;
    }

    /// <summary>Asks the processor to bring the first block of <paramref name="chain"/> into the cache, not waiting for it. Changes nothing.</summary>
    public void PrefetchHead(in Chain chain)
    {
        if (chain.Length > 0)
        {
            CacheHint.Prefetch(ref _pages[(int)(chain.Head >> PageBits)][(int)(chain.Head & (PageSize - 1))]);
        }
    }

    /// <summary>Asks the processor to bring the block the next id of <paramref name="chain"/> goes into into the cache, not waiting for it. Changes nothing.</summary>
    public void PrefetchNext(in Chain chain)
    {
        if (chain.Room > 0)
        {
            CacheHint.Prefetch(ref _pages[(int)(chain.Next >> PageBits)][(int)(chain.Next & (PageSize - 1))]);
        }
    }

    /// <summary>How many bytes <see cref="Encode"/> gives, without encoding.</summary>
    public static int EncodedLength(in Chain chain)
    {
        var (listLength, bitmapLength) = Lengths(chain);
        return IsList(chain, listLength, bitmapLength) ? listLength : 1 + ByteWriter.VarintLength((uint)bitmapLength) + bitmapLength;
    }

    /// <summary>A posting of this store in the index format: a delta list or a bitmap, whichever is smaller.</summary>
    public byte[] Encode(in Chain chain)
    {
        var bytes = new byte[EncodedLength(chain)];
        EncodeTo(chain, bytes);
        return bytes;
    }

    /// <summary>Writes <see cref="Encode"/>'s bytes into <paramref name="destination"/>, which is <see cref="EncodedLength"/> long.</summary>
    public void EncodeTo(in Chain chain, Span<byte> destination)
    {
        var (listLength, bitmapLength) = Lengths(chain);
        if (IsList(chain, listLength, bitmapLength))
        {
            destination[0] = Posting.List;
            var header = 1 + ByteWriter.WriteVarint(destination[1..], (uint)chain.Count);
            CopyBytes(chain, destination.Slice(header, chain.Length));
            return;
        }

        destination[0] = Posting.Bitmap;
        var bits = destination.Slice(1 + ByteWriter.WriteVarint(destination[1..], (uint)bitmapLength), bitmapLength);
        bits.Clear();
        var deltas = ArrayPool<byte>.Shared.Rent(chain.Length);
        try
        {
            CopyBytes(chain, deltas.AsSpan(0, chain.Length));
            var id = 0;
            var at = 0;
            for (var i = 0; i < chain.Count; i++)
            {
                var delta = (int)Posting.ReadVarint(deltas, ref at);
                id = i == 0 ? delta : id + delta;
                bits[id >> 3] |= (byte)(1 << (id & 7));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(deltas);
        }
    }

    private static (int List, int Bitmap) Lengths(in Chain chain) =>
        (1 + ByteWriter.VarintLength((uint)chain.Count) + chain.Length, chain.Count == 0 ? 1 : (chain.Last / 8) + 1);

    private static bool IsList(in Chain chain, int listLength, int bitmapLength) => chain.Count == 0 || bitmapLength + 4 >= listLength;

    /// <summary>Copies the posting's delta bytes, block after block, into <paramref name="destination"/>.</summary>
    private void CopyBytes(in Chain chain, Span<byte> destination)
    {
        var at = chain.Head;
        var size = FirstBlock;
        var done = 0;
        while (done < destination.Length)
        {
            var take = Math.Min(destination.Length - done, size - LinkBytes);
            _pages[(int)(at >> PageBits)].AsSpan((int)(at & (PageSize - 1)), take).CopyTo(destination[done..]);
            done += take;
            if (done < destination.Length)
            {
                // The address of the next block is in the last bytes of this one.
                at = ReadLink(at + size - LinkBytes);
                size = Math.Min(size * 2, LastBlock);
            }
        }
    }

    /// <summary>Writes a varint byte by byte, starting a new block when the current one is full.</summary>
    private void WriteVarintAcrossBlocks(ref Chain chain, uint value)
    {
        while (value >= 0x80)
        {
            WriteByte(ref chain, (byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte(ref chain, (byte)value);
    }

    private void WriteByte(ref Chain chain, byte value)
    {
        if (chain.Room == 0)
        {
            NewBlock(ref chain);
        }

        var at = chain.Next;
        _pages[(int)(at >> PageBits)][at & (PageSize - 1)] = value;
        chain.Next = at + 1;
        chain.Room--;
        chain.Length++;
    }

    /// <summary>
    /// Chains a new block to the posting: twice the size of the one before, up to <see cref="LastBlock"/>. A block is its data
    /// followed by the address of the next block, written when that block is made.
    /// </summary>
    private void NewBlock(ref Chain chain)
    {
        var size = BlockSize(chain.Length);
        if (_used + size > (long)_pages.Count << PageBits)
        {
            _pages.Add(new byte[PageSize]);
            _used = (long)(_pages.Count - 1) << PageBits;
        }

        var block = _used;
        _used += size;
        if (chain.Length == 0)
        {
            chain.Head = block;
        }
        else
        {
            WriteLink(chain.Next, block); // the full block's last bytes, kept for this link
        }

        chain.Next = block;
        chain.Room = size - LinkBytes;
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

    /// <summary>
    /// One posting of a store: what it holds and where its blocks are. <c>default</c> is an empty posting; only
    /// <see cref="PostingStore"/> reads or writes the fields.
    /// </summary>
    public struct Chain
    {
        /// <summary>The address of the first block, once <see cref="Length"/> is not 0.</summary>
        internal long Head;

        /// <summary>Where the next byte goes.</summary>
        internal long Next;

        /// <summary>The bytes left for data in the current block.</summary>
        internal int Room;

        /// <summary>The bytes of data written.</summary>
        internal int Length;

        /// <summary>The ids added.</summary>
        internal int Count;

        /// <summary>The last id added, once <see cref="Count"/> is not 0.</summary>
        internal int Last;

        /// <summary>How many documents the posting has.</summary>
        public readonly int Documents => Count;
    }
}
