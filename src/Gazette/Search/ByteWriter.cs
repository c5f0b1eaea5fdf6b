namespace Gazette.Search;

/// <summary>Appends bytes and LEB128 varints (7 bits a byte, least significant first) to a growing buffer.</summary>
internal sealed class ByteWriter
{
    /// <summary>The most bytes a varint of 64 bits takes.</summary>
    public const int VarintMaxLength = 10;

    private byte[] _buffer;

    public ByteWriter(int capacity = 256)
    {
        _buffer = new byte[Math.Max(16, capacity)];
    }

    public int Length { get; private set; }

    /// <summary>The bytes written so far; valid until the next write.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Byte(byte value) => Append(1)[0] = value;

    public void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Append(bytes.Length));

    public void Varint(long value)
    {
        var room = Append(VarintMaxLength);
        Length -= VarintMaxLength - WriteVarint(room, (ulong)value);
    }

    /// <summary>Makes room for <paramref name="length"/> more bytes and gives them, to be filled by the caller.</summary>
    public Span<byte> Append(int length)
    {
        if (Length + length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + length));
        }

        var span = _buffer.AsSpan(Length, length);
        Length += length;
        return span;
    }

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => Length = 0;

    public byte[] ToArray() => Written.ToArray();

    /// <summary>Writes <paramref name="value"/> as a varint at the start of <paramref name="destination"/>; gives how many bytes it took.</summary>
    public static int WriteVarint(Span<byte> destination, ulong value)
    {
        var length = 0;
        while (value >= 0x80)
        {
            destination[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[length++] = (byte)value;
        return length;
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
}
