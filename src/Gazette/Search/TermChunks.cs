namespace Gazette.Search;

/// <summary>
/// Writes the term chunks of the index, and the postings too large to stay in them, from the shards of its two term indexes:
/// the terms of everything a document is found by (<c>all</c>) and those of its title and number (<c>title</c>, whose terms are
/// all in <c>all</c> too, in the shard of the same number). docs/search-index.md gives the format.
/// </summary>
internal static class TermChunks
{
    /// <summary>Writes the chunks, and the postings that leave them, to <paramref name="write"/> (from several threads at once).</summary>
    public static IndexTable Write(IReadOnlyList<TermIndex> all, IReadOnlyList<TermIndex> title, Action<IndexFile> write)
    {
        // The chunk count follows from the bytes that stay inline: measured first, without encoding anything.
        var entries = new Entry[all.Sum(a => a.Count)];
        var inline = 0L;
        var n = 0;
        for (var shard = 0; shard < all.Count; shard++)
        {
            foreach (var (key, slot) in all[shard].Keys())
            {
                var entry = new Entry(key, shard, slot, title[shard].Find(key));
                inline += key.Utf8Length + InlineLength(all[shard], entry.All) + InlineLength(title[shard], entry.Title) + 2;
                entries[n++] = entry;
            }
        }

        var count = (int)Math.Max(1, (inline + SearchIndexWriter.ChunkTarget - 1) / SearchIndexWriter.ChunkTarget);

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
            chunkOf[i] = (int)(SearchIndexWriter.Fnv1a(utf8.AsSpan(0, length)) % (uint)count);
        }

        Array.Sort(chunkOf, entries);
        var starts = new int[count + 1];
        foreach (var c in chunkOf)
        {
            starts[c + 1]++;
        }

        for (var c = 0; c < count; c++)
        {
            starts[c + 1] += starts[c];
        }

        // Each chunk is encoded and written on its own, its terms sorted by their UTF-8 bytes; a large posting goes to its own
        // file, once.
        var externals = new HashSet<string>(StringComparer.Ordinal);
        void Inline(TermIndex index, int slot, ByteWriter writer)
        {
            if (slot < 0)
            {
                writer.Byte(Posting.List);
                writer.Byte(0);
                return;
            }

            var length = index.EncodedLength(slot);
            if (length <= SearchIndexWriter.ExternalThreshold)
            {
                index.EncodeTo(slot, writer.Append(length));
                return;
            }

            var file = IndexFile.Hashed("postings", "p", ".bin", index.Encode(slot));
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
            writer.Varint(index.CountOf(slot));
            writer.Bytes(file.Hash);
        }

        return IndexTable.Write("terms", ".bin", count, c =>
        {
            var chunk = entries[starts[c]..starts[c + 1]].Select(e => (Utf8: e.Key.ToUtf8(), Entry: e)).ToArray();
            Array.Sort(chunk, (a, b) => a.Utf8.AsSpan().SequenceCompareTo(b.Utf8));
            var writer = new ByteWriter(2 * SearchIndexWriter.ChunkTarget);
            writer.Varint(chunk.Length);
            foreach (var (bytes, entry) in chunk)
            {
                writer.Varint(bytes.Length);
                writer.Bytes(bytes);
                Inline(all[entry.Shard], entry.All, writer);
                Inline(title[entry.Shard], entry.Title, writer);
            }

            return writer.ToArray();
        }, write);
    }

    /// <summary>The bytes a posting takes in its term chunk: itself, or the reference to its own file when it is large.</summary>
    private static int InlineLength(TermIndex index, int slot)
    {
        if (slot < 0)
        {
            return 2;
        }

        var length = index.EncodedLength(slot);
        return length <= SearchIndexWriter.ExternalThreshold ? length : 1 + ByteWriter.VarintLength((ulong)index.CountOf(slot)) + IndexFile.HashBytes;
    }

    /// <summary>A term of the index: its key, its shard, and the slots of its postings in that shard of all and of title (or -1).</summary>
    private readonly record struct Entry(TermKey Key, int Shard, int All, int Title);
}
