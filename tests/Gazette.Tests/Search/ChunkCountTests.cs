using Gazette.Search;

namespace Gazette.Tests.Search;

/// <summary>The term chunk count's ladder (TermChunks.ChunkCount): every count to 32, then steps of a sixteenth.</summary>
public sealed class ChunkCountTests
{
    private const int Target = SearchIndexWriter.ChunkTarget;

    [Theory]
    [InlineData(0L, 1)]
    [InlineData(1L, 1)]
    [InlineData(Target, 1)]
    [InlineData(Target + 1L, 2)]
    [InlineData(32L * Target, 32)]
    [InlineData(32L * Target + 1, 34)]
    [InlineData(3_043L * Target + 1, 3_233)]
    [InlineData(3_233L * Target, 3_233)]
    public void The_count_is_the_first_on_the_ladder_at_which_chunks_hold_the_target_or_less(long bytes, int count) =>
        Assert.Equal(count, TermChunks.ChunkCount(bytes));

    [Fact]
    public void Chunks_hold_the_target_or_less_on_average_and_the_rung_below_would_hold_more()
    {
        // The ladder as docs/search-index.md gives it: 1, 2, … 32, then each count the one before plus a sixteenth, rounded down
        var rungs = new List<long> { 1 };
        while (rungs[^1] < 100_000)
        {
            rungs.Add(rungs[^1] + Math.Max(1, rungs[^1] / 16));
        }

        for (var bytes = 1L; bytes < 60_000L * Target; bytes = (bytes * 17 / 16) + 1)
        {
            var count = TermChunks.ChunkCount(bytes);
            var rung = rungs.IndexOf(count);
            Assert.True(rung >= 0, $"{count} chunks is not on the ladder");
            Assert.True(bytes <= count * (long)Target, $"{bytes} bytes in {count} chunks");
            var below = rung == 0 ? 0 : rungs[rung - 1];
            Assert.True(bytes > below * Target, $"{bytes} bytes would fit in {below} chunks");
        }
    }

    [Fact]
    public void At_fifty_thousand_documents_a_change_of_a_kilobyte_keeps_the_count_nearly_always()
    {
        // The bench's 50,000 documents have some 26 MB of terms and inline postings: a change of 1 KB crosses to another count
        // only where a rung's bytes lie within it
        var (changed, tried) = (0, 0);
        for (var bytes = 25_000_000L; bytes < 27_000_000L; bytes += 997, tried++)
        {
            if (TermChunks.ChunkCount(bytes) != TermChunks.ChunkCount(bytes + 1024))
            {
                changed++;
            }
        }

        Assert.True(changed * 1000 < tried, $"{changed} of {tried} changes of 1 KB changed the count");
    }
}
