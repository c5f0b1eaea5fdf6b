using System.Buffers.Binary;
using System.Text;

namespace Gazette.Output;

/// <summary>
/// Reads what a <see cref="BinaryWriter"/> wrote (little-endian numbers, strings as a 7-bit length and UTF-8) from bytes held
/// whole, or from a stream through a buffer of its own. Faster than a <see cref="BinaryReader"/> for the many short strings of
/// a cache (no decoder state, no copy through a character buffer). A read past the end throws <see cref="EndOfStreamException"/>.
/// </summary>
internal sealed class CacheReader
{
    private readonly Stream? _stream;
    private byte[] _buffer;
    private int _at;
    private int _end;

    /// <summary>Reads <paramref name="bytes"/>.</summary>
    public CacheReader(byte[] bytes)
    {
        _buffer = bytes;
        _end = bytes.Length;
    }

    /// <summary>
    /// Reads <paramref name="stream"/> (a cache file) through a buffer of <paramref name="bufferSize"/> bytes (1 MB unless
    /// told), grown only for a longer item: the file is never held whole (cache files of 30–50 MB read whole at 50,000
    /// documents were each a large object, and each set off a full collection).
    /// </summary>
    public CacheReader(Stream stream, int bufferSize = 1 << 20)
    {
        _stream = stream;
        _buffer = new byte[bufferSize];
    }

    public bool AtEnd
    {
        get
        {
            Fill(1);
            return _at >= _end;
        }
    }

    public bool ReadBoolean() => Take(1)[0] != 0;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>A 128-bit number as <see cref="CacheWriting.Write(BinaryWriter, Digest128)"/> wrote it.</summary>
    public Digest128 ReadDigest() => new(ReadUInt64(), ReadUInt64());

    public string ReadString() => Encoding.UTF8.GetString(Take(ReadLength()));

    /// <summary>A string many records hold, kept once in <paramref name="shared"/>: one read before is not made again.</summary>
    public string ReadShared(SharedTexts shared) => shared.Text(Take(ReadLength()));

    /// <summary>
    /// The number of items of a list that follows (a 32-bit number): a negative one, or one above 2^24 (no list of a record is
    /// that long; a damaged file's would be made room for before it was found short), is refused as not a count.
    /// </summary>
    public int ReadCount() => ReadInt32() is >= 0 and <= 1 << 24 and var count ? count : throw new FormatException("a list's length is not a count");

    /// <summary>A string's length in bytes, as a 7-bit encoded number.</summary>
    private int ReadLength()
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = Take(1)[0];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }

            if (shift >= 28)
            {
                throw new EndOfStreamException("a string's length is not a 7-bit encoded number");
            }
        }

        return length;
    }

    /// <summary>The next <paramref name="count"/> bytes as they are (a digest), valid until the next read.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0)
        {
            throw new EndOfStreamException("the cache file ends early");
        }

        if (count > _end - _at)
        {
            Fill(count);
            if (count > _end - _at)
            {
                throw new EndOfStreamException("the cache file ends early");
            }
        }

        var span = _buffer.AsSpan(_at, count);
        _at += count;
        return span;
    }

    /// <summary>From a stream, makes the buffer hold at least <paramref name="count"/> unread bytes, or all that are left.</summary>
    private void Fill(int count)
    {
        if (_stream is null || count <= _end - _at)
        {
            return;
        }

        var left = _end - _at;
        var buffer = count > _buffer.Length ? new byte[Math.Max(count, _buffer.Length * 2)] : _buffer;
        _buffer.AsSpan(_at, left).CopyTo(buffer);
        (_buffer, _at, _end) = (buffer, 0, left);
        while (_end < _buffer.Length && _stream.Read(_buffer, _end, _buffer.Length - _end) is > 0 and var read)
        {
            _end += read;
        }
    }
}

/// <summary>What the build cache files write beside <see cref="BinaryWriter"/>'s own, as <see cref="CacheReader"/> reads it.</summary>
internal static class CacheWriting
{
    /// <summary>
    /// Writes a cache file whole with <paramref name="write"/>: to a new file beside it, then moved over the old one, so the file is
    /// never half-written. False when it cannot be written (a cache is only a cache: the build goes on without it).
    /// </summary>
    public static bool Replace(string file, Action<BinaryWriter> write) => Prepare(file, write) is { } written && Put(written, file);

    /// <summary>
    /// Writes what is to become the cache file <paramref name="file"/> with <paramref name="write"/>, into a new file beside it,
    /// for <see cref="Put"/> to put in place later.
    /// </summary>
    /// <returns>the new file, or null when it cannot be written (nothing is left behind).</returns>
    public static string? Prepare(string file, Action<BinaryWriter> write)
    {
        var temporary = file + $".{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using (var writer = new BinaryWriter(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), Encoding.UTF8))
            {
                write(writer);
            }

            return temporary;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return null;
        }
    }

    /// <summary>Moves a file <see cref="Prepare"/> wrote over the cache file <paramref name="file"/>; false (and the new file deleted) when it cannot.</summary>
    public static bool Put(string written, string file)
    {
        try
        {
            File.Move(written, file, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(written);
            return false;
        }
    }

    /// <summary>
    /// The build cache file <paramref name="name"/> of the folder <paramref name="folder"/> (the output or content folder it
    /// describes): <c>{name}-{key of the folder's full path}.bin</c>, so that the caches of several sites or outputs sit side by side.
    /// </summary>
    public static string FileFor(string cacheDirectory, string name, string folder) =>
        Path.Combine(cacheDirectory, $"{name}-{OutputRecord.KeyOf(Path.GetFullPath(folder)):x16}.bin");

    /// <summary>A 128-bit number (a digest), high half first.</summary>
    public static void Write(this BinaryWriter writer, Digest128 value)
    {
        writer.Write(value.Upper);
        writer.Write(value.Lower);
    }
}
