using Gazette.Search;

namespace Gazette.Tests.Search;

public sealed class PostingTests
{
    /// <summary>A store with one posting of the ids, and that posting.</summary>
    private static (PostingStore Store, PostingStore.Chain Posting) Store(IEnumerable<int> ids)
    {
        var store = new PostingStore();
        var posting = default(PostingStore.Chain);
        foreach (var id in ids)
        {
            store.Add(ref posting, id);
        }

        return (store, posting);
    }

    private static byte[] Encode(IEnumerable<int> ids)
    {
        var (store, posting) = Store(ids);
        var bytes = store.Encode(posting);
        Assert.Equal(bytes.Length, PostingStore.EncodedLength(posting));
        return bytes;
    }

    private static List<int> RoundTrip(IEnumerable<int> ids)
    {
        var bytes = Encode(ids);
        var offset = 0;
        var decoded = Posting.Decode(bytes, ref offset);
        Assert.Equal(bytes.Length, offset);
        return decoded;
    }

    [Fact]
    public void A_sparse_posting_is_a_delta_list()
    {
        var bytes = Encode([3, 700, 70_000]);
        Assert.Equal(Posting.List, bytes[0]);
        Assert.Equal([Posting.List, 3, 3, 0xB9, 0x05, 0xB4, 0x9D, 0x04], bytes); // 3, then +697, then +69,300
        Assert.Equal([3, 700, 70_000], RoundTrip([3, 700, 70_000]));
    }

    [Fact]
    public void A_dense_posting_is_a_bitmap_with_the_least_significant_bit_first()
    {
        var ids = Enumerable.Range(0, 1000).Where(i => i % 3 != 0).ToList();
        var bytes = Encode(ids);
        Assert.Equal(Posting.Bitmap, bytes[0]);
        Assert.Equal(0b1011_0110, bytes[2]); // ids 1, 2, 4, 5, 7 of the first byte
        Assert.Equal(ids, RoundTrip(ids));
    }

    [Fact]
    public void An_empty_posting_is_an_empty_list()
    {
        Assert.Equal([Posting.List, 0], Encode([]));
    }

    [Fact]
    public void Repeated_ids_are_kept_once_and_decreasing_ids_are_refused()
    {
        var (store, posting) = Store([5, 5]);
        Assert.Equal(1, posting.Documents);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Add(ref posting, 4));
    }

    [Fact]
    public void The_builder_and_the_list_encoder_agree()
    {
        var ids = new[] { 0, 1, 2, 130, 20_000 };
        Assert.Equal(Posting.Encode(ids), Encode(ids));
    }

    [Fact]
    public void Many_interleaved_postings_of_every_length_keep_their_ids_across_blocks_and_pages()
    {
        // Enough postings and ids to chain blocks up to the largest size and fill several of the store's pages.
        var store = new PostingStore();
        var postings = new PostingStore.Chain[600];
        var expected = postings.Select(_ => new List<int>()).ToList();
        for (var id = 0; id < 40_000; id++)
        {
            for (var p = 0; p < 600; p += 1 + (id % 7))
            {
                if ((id * 31 + p) % (p + 1) == 0)
                {
                    store.Add(ref postings[p], id);
                    expected[p].Add(id);
                }
            }
        }

        for (var p = 0; p < 600; p++)
        {
            var bytes = store.Encode(postings[p]);
            Assert.Equal(bytes.Length, PostingStore.EncodedLength(postings[p]));
            var offset = 0;
            Assert.Equal(expected[p], Posting.Decode(bytes, ref offset));
            Assert.Equal(Posting.Encode(expected[p]), bytes);
        }
    }

    [Fact]
    public void Blocks_fill_a_page_exactly_and_the_next_block_starts_a_new_page()
    {
        // 300,000 one-id postings take 300,000 first blocks of 16 bytes: more than four 1 MB pages, each filled to its last byte.
        var store = new PostingStore();
        var postings = new PostingStore.Chain[300_000];
        for (var p = 0; p < postings.Length; p++)
        {
            store.Add(ref postings[p], p);
        }

        Assert.Equal(Posting.Encode([262_143]), store.Encode(postings[262_143]));
        Assert.Equal(Posting.Encode([262_144]), store.Encode(postings[262_144]));
        Assert.Equal(Posting.Encode([299_999]), store.Encode(postings[299_999]));
    }

    [Fact]
    public void Deltas_of_every_varint_length_are_written_alike_in_a_block_and_across_the_end_of_one()
    {
        // Gaps of 1 to 5 varint bytes, in every position relative to the end of a block, in one posting and in many.
        int[] gaps = [1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456];
        var ids = new List<int>();
        var id = 0;
        for (var i = 0; i < 200 && id < int.MaxValue - 268_435_456; i++)
        {
            id += gaps[(i * 7) % gaps.Length];
            ids.Add(id);
        }

        Assert.Equal(Posting.Encode(ids), Encode(ids));
        for (var skip = 0; skip < 12; skip++)
        {
            Assert.Equal(Posting.Encode(ids[skip..]), Encode(ids[skip..]));
        }
    }

    [Fact]
    public void The_chunk_hash_is_32_bit_FNV_1a()
    {
        Assert.Equal(2166136261u, SearchIndexWriter.Fnv1a([]));
        Assert.Equal(0xE40C292Cu, SearchIndexWriter.Fnv1a("a"u8));
        Assert.Equal(0xBF9CF968u, SearchIndexWriter.Fnv1a("foobar"u8));
    }
}
