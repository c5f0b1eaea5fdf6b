namespace Gazette.Search;

/// <summary>Appends bytes and LEB128 varints (7 bits a byte, least significant first) to a growing buffer.</summary>
internal sealed class ByteWriter
{
    private readonly MemoryStream _stream = new();

    public int Length => (int)_stream.Length;

    public void Byte(byte value) => _stream.WriteByte(value);

    public void Bytes(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    public void Varint(long value)
    {
        var v = (ulong)value;
        while (v >= 0x80)
        {
            _stream.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        _stream.WriteByte((byte)v);
    }

    /// <summary>How many bytes <see cref="Varint"/> writes for <paramref name="value"/>.</summary>
    public static int VarintLength(ulong value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }

    public byte[] ToArray() => _stream.ToArray();
}
