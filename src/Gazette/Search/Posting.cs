using System.Runtime.CompilerServices;

namespace Gazette.Search;

/// <summary>Encodes a sorted list of document ids as a list of deltas or a bitmap, whichever is smaller (docs/search-index.md).</summary>
internal static class Posting
{
    public const byte List = 0;
    public const byte Bitmap = 1;
    public const byte External = 2;

    public static byte[] Encode(IReadOnlyList<int> ids)
    {
        var list = new ByteWriter();
        list.Byte(List);
        list.Varint(ids.Count);
        var previous = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            list.Varint(i == 0 ? ids[0] : ids[i] - previous);
            previous = ids[i];
        }

        if (ids.Count == 0)
        {
            return list.ToArray();
        }

        var bitmapLength = (ids[^1] / 8) + 1;
        if (bitmapLength + 4 >= list.Length)
        {
            return list.ToArray();
        }

        var bits = new byte[bitmapLength];
        foreach (var id in ids)
        {
            bits[id / 8] |= (byte)(1 << (id % 8));
        }

        var bitmap = new ByteWriter();
        bitmap.Byte(Bitmap);
        bitmap.Varint(bitmapLength);
        bitmap.Bytes(bits);
        return bitmap.ToArray();
    }

    /// <summary>Reads a list or bitmap posting back into ids (for tests and tools).</summary>
    public static List<int> Decode(ReadOnlySpan<byte> data, ref int offset)
    {
        var kind = data[offset++];
        var ids = new List<int>();
        if (kind == List)
        {
            var count = (int)ReadVarint(data, ref offset);
            var id = 0;
            for (var i = 0; i < count; i++)
            {
                id = i == 0 ? (int)ReadVarint(data, ref offset) : id + (int)ReadVarint(data, ref offset);
                ids.Add(id);
            }
        }
        else if (kind == Bitmap)
        {
            var length = (int)ReadVarint(data, ref offset);
            for (var i = 0; i < length * 8; i++)
            {
                if ((data[offset + (i / 8)] & (1 << (i % 8))) != 0)
                {
                    ids.Add(i);
                }
            }

            offset += length;
        }
        else
        {
            throw new InvalidDataException($"posting kind {kind} cannot be decoded inline");
        }

        return ids;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimized at once: run for each of 200,000 saved terms at every build
    public static long ReadVarint(ReadOnlySpan<byte> data, ref int offset)
    {
        ulong value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = data[offset++];
            value |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);

        return (long)value;
    }
}
