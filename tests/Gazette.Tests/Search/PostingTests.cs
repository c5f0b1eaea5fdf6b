using Gazette.Search;

namespace Gazette.Tests.Search;

public sealed class PostingTests
{
    private static List<int> RoundTrip(IEnumerable<int> ids)
    {
        var builder = new PostingBuilder();
        foreach (var id in ids)
        {
            builder.Add(id);
        }

        var bytes = builder.Encode();
        var offset = 0;
        var decoded = Posting.Decode(bytes, ref offset);
        Assert.Equal(bytes.Length, offset);
        return decoded;
    }

    [Fact]
    public void A_sparse_posting_is_a_delta_list()
    {
        var builder = new PostingBuilder();
        builder.Add(3);
        builder.Add(700);
        builder.Add(70_000);
        var bytes = builder.Encode();
        Assert.Equal(Posting.List, bytes[0]);
        Assert.Equal([Posting.List, 3, 3, 0xB9, 0x05, 0xB4, 0x9D, 0x04], bytes); // 3, then +697, then +69,300
        Assert.Equal([3, 700, 70_000], RoundTrip([3, 700, 70_000]));
    }

    [Fact]
    public void A_dense_posting_is_a_bitmap_with_the_least_significant_bit_first()
    {
        var ids = Enumerable.Range(0, 1000).Where(i => i % 3 != 0).ToList();
        var builder = new PostingBuilder();
        ids.ForEach(builder.Add);
        var bytes = builder.Encode();
        Assert.Equal(Posting.Bitmap, bytes[0]);
        Assert.Equal(0b1011_0110, bytes[2]); // ids 1, 2, 4, 5, 7 of the first byte
        Assert.Equal(ids, RoundTrip(ids));
    }

    [Fact]
    public void An_empty_posting_is_an_empty_list()
    {
        Assert.Equal([Posting.List, 0], new PostingBuilder().Encode());
    }

    [Fact]
    public void Repeated_ids_are_kept_once_and_decreasing_ids_are_refused()
    {
        var builder = new PostingBuilder();
        builder.Add(5);
        builder.Add(5);
        Assert.Equal(1, builder.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(4));
    }

    [Fact]
    public void The_builder_and_the_list_encoder_agree()
    {
        var ids = new[] { 0, 1, 2, 130, 20_000 };
        var builder = new PostingBuilder();
        foreach (var id in ids)
        {
            builder.Add(id);
        }

        Assert.Equal(Posting.Encode(ids), builder.Encode());
    }

    [Fact]
    public void The_chunk_hash_is_32_bit_FNV_1a()
    {
        Assert.Equal(2166136261u, SearchIndexWriter.Fnv1a([]));
        Assert.Equal(0xE40C292Cu, SearchIndexWriter.Fnv1a("a"u8));
        Assert.Equal(0xBF9CF968u, SearchIndexWriter.Fnv1a("foobar"u8));
    }
}
