using System.Buffers;

namespace Gazette.Content;

/// <summary>
/// A file's bytes, read whole into a buffer of the shared pool, given back when disposed: a build reads every document's file
/// twice (its front matter, then its body when it is rendered), and a new array for each read was a tenth of what the
/// collector cleared at 10,000 documents.
/// </summary>
internal readonly struct PooledFile : IDisposable
{
    private readonly byte[] _buffer;

    private PooledFile(byte[] buffer, int length, long size) => (_buffer, Length, Size) = (buffer, length, size);

    /// <summary>How many bytes were read: the file's length when it was read to its end.</summary>
    public int Length { get; }

    /// <summary>The file's size when it was opened (less than <see cref="Length"/> when it grew while it was read).</summary>
    public long Size { get; }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    /// <summary>Reads the file at <paramref name="path"/> to its end; throws what opening or reading it throws.</summary>
    public static PooledFile Read(string path)
    {
        using var handle = File.OpenHandle(path);
        var size = RandomAccess.GetLength(handle);
        if (size > Array.MaxLength - 1)
        {
            throw new IOException("the file is too large");
        }

        // One byte more than the size, so a file that grew is seen to have
        var buffer = ArrayPool<byte>.Shared.Rent((int)size + 1);
        var length = 0;
        try
        {
            for (int read; (read = RandomAccess.Read(handle, buffer.AsSpan(length), length)) > 0;)
            {
                length += read;
                if (length == buffer.Length)
                {
                    if (buffer.Length >= Array.MaxLength)
                    {
                        throw new IOException("the file is too large");
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, 2L * buffer.Length));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new PooledFile(buffer, length, size);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
