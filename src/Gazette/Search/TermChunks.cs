namespace Gazette.Search;

/// <summary>
/// Writes the term chunks of the index, and the postings too large to stay in them, from the shards of its two term indexes:
/// the terms of everything a document is found by (<c>all</c>) and those of its title and number (<c>title</c>, whose terms are
/// all in <c>all</c> too, in the shard of the same number). docs/search-index.md gives the format.
/// </summary>
internal static class TermChunks
{
    /// <summary>How many terms ahead of the one being written a term's entries are fetched.</summary>
    private const int EntryAhead = 8;

    /// <summary>How many terms ahead of the one being written a term's postings are fetched.</summary>
    private const int PostingAhead = 4;

    /// <summary>Writes the chunks, and the postings that leave them, to <paramref name="write"/> (from several threads at once).</summary>
    /// <param name="save">given every term with its postings, when the index's state is kept for the next build.</param>
    /// <param name="recall">the last build's file of the same content, for a chunk or posting file, which is then not compressed again.</param>
    public static IndexTable Write(IReadOnlyList<TermIndex> all, IReadOnlyList<TermIndex> title, Action<IndexFile> write, SearchStateWriter? save = null, GzipRecall? recall = null)
    {
        // The chunk count follows from the bytes that stay inline: measured first, without encoding anything.
        var entries = new Entry[all.Sum(a => a.Count)];
        var inline = 0L;
        var n = 0;
        for (var shard = 0; shard < all.Count; shard++)
        {
            foreach (var (key, slot) in all[shard].Keys())
            {
                var titleSlot = title[shard].Find(key);
                var bytes = (int)TermBytes(key.Utf8Length, InlineLength(all[shard], slot), InlineLength(title[shard], titleSlot));
                inline += bytes;
                entries[n++] = new Entry(key, shard, slot, titleSlot, bytes);
            }
        }

        var count = ChunkCount(inline);

        // A term is in chunk FNV-1a(UTF-8) mod count: the entries are sorted by chunk, chunk c being entries[starts[c]..starts[c + 1]].
        var chunkOf = new int[entries.Length];
        var utf8 = new byte[64];
        for (var i = 0; i < entries.Length; i++)
        {
            var length = entries[i].Key.Utf8Length;
            if (length > utf8.Length)
            {
                utf8 = new byte[length];
            }

            entries[i].Key.WriteUtf8(utf8);
            chunkOf[i] = SearchIndexWriter.ChunkOf(utf8.AsSpan(0, length), count);
        }

        Array.Sort(chunkOf, entries);
        var starts = Starts(chunkOf, count);

        // Each chunk is encoded and written on its own, its terms sorted by their UTF-8 bytes; a large posting goes to its own
        // file, once.
        var externals = new HashSet<string>(StringComparer.Ordinal);

        // Writes the posting of slot (or the empty one) where the chunk holds it; gives its bytes when they went to a file of their own.
        byte[]? Inline(TermIndex index, int slot, ByteWriter writer)
        {
            if (slot < 0)
            {
                writer.Byte(Posting.List);
                writer.Byte(0);
                return null;
            }

            var length = index.EncodedLength(slot);
            if (length <= SearchIndexWriter.ExternalThreshold)
            {
                index.EncodeTo(slot, writer.Append(length));
                return null;
            }

            var bytes = index.Encode(slot);
            External(bytes, index.CountOf(slot), writer, externals, write, recall);
            return bytes;
        }

        return IndexTable.Write("terms", ".bin", count, c =>
        {
            var chunk = entries[starts[c]..starts[c + 1]].Select(e => (Utf8: e.Key.ToUtf8(), Entry: e)).ToArray();
            Array.Sort(chunk, (a, b) => a.Utf8.AsSpan().SequenceCompareTo(b.Utf8));
            var writer = new ByteWriter(2 * SearchIndexWriter.ChunkTarget);
            var saved = save is null ? null : new ByteWriter(2 * SearchIndexWriter.ChunkTarget);
            writer.Varint(chunk.Length);
            var chunkInline = 0;
            for (var k = 0; k < chunk.Length; k++)
            {
                // The entries of the terms some places ahead, and the postings of those nearer, are fetched before they are needed,
                // so that their cache misses overlap the work on the terms before them (the postings lie anywhere in the store)
                if (k + EntryAhead < chunk.Length)
                {
                    var ahead = chunk[k + EntryAhead].Entry;
                    all[ahead.Shard].PrefetchSlot(ahead.All);
                    title[ahead.Shard].PrefetchSlot(ahead.Title);
                }

                if (k + PostingAhead < chunk.Length)
                {
                    var ahead = chunk[k + PostingAhead].Entry;
                    all[ahead.Shard].PrefetchPosting(ahead.All);
                    title[ahead.Shard].PrefetchPosting(ahead.Title);
                }

                var (bytes, entry) = chunk[k];
                chunkInline += entry.Inline;
                writer.Varint(bytes.Length);
                writer.Bytes(bytes);
                var allStart = writer.Length;
                var allBytes = Inline(all[entry.Shard], entry.All, writer);
                var titleStart = writer.Length;
                var titleBytes = Inline(title[entry.Shard], entry.Title, writer);
                if (saved is not null)
                {
                    var written = writer.Written;
                    TermRecord.Write(
                        saved,
                        bytes,
                        allBytes ?? written[allStart..titleStart],
                        all[entry.Shard].CountOf(entry.All),
                        titleBytes ?? written[titleStart..],
                        entry.Title < 0 ? 0 : title[entry.Shard].CountOf(entry.Title));
                }
            }

            save?.Chunk(c, saved!.Written, chunkInline);
            return writer.ToArray();
        }, write, recall, keyed: save is null ? null : save.Key);
    }

    /// <summary>
    /// Puts a posting too large for its chunk in a file of its own, named by its hash (written once, whichever term has it), and
    /// writes the reference to it into the chunk. A posting <paramref name="recall"/> finds the last build's file of is neither
    /// compressed nor copied.
    /// </summary>
    internal static void External(ReadOnlySpan<byte> posting, int count, ByteWriter writer, HashSet<string> externals, Action<IndexFile> write, GzipRecall? recall)
    {
        var file = IndexFile.Hashed("postings", "p", ".bin", posting, recall);
        var path = $"postings/{IndexFile.Hex(file.Hash)}.bin";
        bool isNew;
        lock (externals)
        {
            isNew = externals.Add(path);
        }

        if (isNew)
        {
            write(file with { Path = path });
        }

        writer.Byte(Posting.External);
        writer.Varint(count);
        writer.Bytes(file.Hash);
    }

    /// <summary>
    /// The bytes a term takes in its chunk, as the chunk count is reckoned: its UTF-8, the bytes its postings of all and title take
    /// there (<see cref="InlineLength(int, int)"/>), and 2 for its length.
    /// </summary>
    internal static long TermBytes(int utf8Length, int allInline, int titleInline) => utf8Length + allInline + titleInline + 2;

    /// <summary>
    /// How many chunks the terms go into: the first count of a ladder at which their <see cref="TermBytes"/> fill no chunk beyond
    /// <see cref="SearchIndexWriter.ChunkTarget"/> on average. The ladder has every count up to 32, then steps of a sixteenth
    /// (34, 36, … 3,043, 3,233, …). A term's chunk follows from the count, so a count that changes moves nearly every term and
    /// makes every chunk anew: with one count for each <see cref="SearchIndexWriter.ChunkTarget"/> of bytes, a change of a few
    /// hundred bytes to one body crossed to another count as often as its bytes are to 8 KB (at 50,000 documents, 3,227 chunks
    /// made and renamed instead of some thirty: the index's end 1.55 s instead of 0.3-0.5 s); on the ladder, 200 times less
    /// often at that size.
    /// </summary>
    internal static int ChunkCount(long termBytes)
    {
        var needed = Math.Max(1, (termBytes + SearchIndexWriter.ChunkTarget - 1) / SearchIndexWriter.ChunkTarget);
        var count = 1L;
        while (count < needed)
        {
            count += Math.Max(1, count / 16);
        }

        return (int)count;
    }

    /// <summary>The bytes a posting of <paramref name="length"/> bytes and <paramref name="count"/> documents takes in its chunk.</summary>
    internal static int InlineLength(int length, int count) =>
        length <= SearchIndexWriter.ExternalThreshold ? length : 1 + ByteWriter.VarintLength((ulong)count) + IndexFile.HashBytes;

    /// <summary>The bytes a posting takes in its term chunk: itself, or the reference to its own file when it is large.</summary>
    private static int InlineLength(TermIndex index, int slot)
    {
        if (slot < 0)
        {
            return 2;
        }

        return InlineLength(index.EncodedLength(slot), index.CountOf(slot));
    }

    /// <summary>
    /// A term of the index: its key, its shard, the slots of its postings in that shard of all and of title (or -1), and the
    /// bytes it takes in its chunk as the chunk count is reckoned (<see cref="TermBytes"/>).
    /// </summary>
    private readonly record struct Entry(TermKey Key, int Shard, int All, int Title, int Inline);

    /// <summary>Where each chunk's terms start in <paramref name="chunkOf"/>, sorted by chunk (and where the last one ends): <paramref name="count"/> + 1 offsets.</summary>
    internal static int[] Starts(int[] chunkOf, int count)
    {
        var starts = new int[count + 1];
        foreach (var c in chunkOf)
        {
            starts[c + 1]++;
        }

        for (var c = 0; c < count; c++)
        {
            starts[c + 1] += starts[c];
        }

        return starts;
    }
}
