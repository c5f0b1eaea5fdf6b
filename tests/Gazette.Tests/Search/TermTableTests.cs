using Gazette.Search;

namespace Gazette.Tests.Search;

public sealed class TermTableTests
{
    [Fact]
    public void Every_key_keeps_its_slot_and_posting_as_the_table_grows()
    {
        var table = new TermTable();
        var store = new PostingStore();

        // Keys that share their low bits, their high bits, or neither, well past the first sizes of the table.
        var keys = Enumerable.Range(1, 20_000).Select(i => (long)i << (i % 3 * 20)).Distinct().ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            store.Add(ref table.GetOrAdd(keys[i]).Posting, i);
            store.Add(ref table.GetOrAdd(keys[i / 2]).Posting, i);
        }

        Assert.Equal(keys.Count, table.Count);
        Assert.Equal(keys.Select((k, slot) => (k, slot)), table.Entries());
        for (var i = 0; i < keys.Count; i++)
        {
            var slot = table.Find(keys[i]);
            Assert.Equal(i, slot);
            var offset = 0;
            var expected = new[] { i, 2 * i, 2 * i + 1 }.Where(id => id < keys.Count).Distinct();
            Assert.Equal(expected, Posting.Decode(store.Encode(table[slot].Posting), ref offset));
        }

        Assert.Equal(-1, table.Find(1L << 50));
    }
}
