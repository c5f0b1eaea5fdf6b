using System.Text;
using Gazette.Output;

namespace Gazette.Tests.Stages;

/// <summary>
/// The build cache's reader, from bytes held whole and from a stream through its own buffer: the same values either way, an
/// item longer than the buffer or across its end included, and a file that ends early is an <see cref="EndOfStreamException"/>.
/// </summary>
public sealed class CacheReaderTests
{
    private static readonly string Long = string.Concat(Enumerable.Repeat("政府信息公开目录", 200_000)); // 4.8 MB of UTF-8

    private static byte[] Written()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            for (var i = 0; i < 60_000; i++)
            {
                writer.Write($"content/documents/{i}.md");
                writer.Write((long)i * 7);
                writer.Write(new Digest128((ulong)i << 6, 0));
                writer.Write(i % 3 == 0);
            }

            writer.Write(Long);
            writer.Write(42);
        }

        return buffer.ToArray();
    }

    private static void ReadAll(CacheReader reader)
    {
        for (var i = 0; i < 60_000; i++)
        {
            Assert.Equal($"content/documents/{i}.md", reader.ReadString());
            Assert.Equal((long)i * 7, reader.ReadInt64());
            Assert.Equal(new Digest128((ulong)i << 6, 0), reader.ReadDigest());
            Assert.Equal(i % 3 == 0, reader.ReadBoolean());
        }

        Assert.Equal(Long, reader.ReadString());
        Assert.Equal(42, reader.ReadInt32());
        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void A_stream_reads_as_the_bytes_held_whole_do()
    {
        var bytes = Written();
        Assert.True(bytes.Length > 2 << 20, "the file is longer than the reader's buffer");

        ReadAll(new CacheReader(bytes));
        ReadAll(new CacheReader(new MemoryStream(bytes)));
    }

    [Fact]
    public void A_stream_that_ends_early_is_an_end_of_stream()
    {
        var bytes = Written();
        var reader = new CacheReader(new MemoryStream(bytes[..^3]));

        Assert.Throws<EndOfStreamException>(() => ReadAll(reader));
    }
}
