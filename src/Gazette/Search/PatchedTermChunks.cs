using System.IO.Hashing;

namespace Gazette.Search;

/// <summary>
/// Writes the term chunks of an index patched from the last build's (<see cref="SearchState"/>): every saved term keeps its
/// postings as they were, but one the changed documents (indexed anew, alone, in <c>all</c> and <c>title</c>) had and no longer
/// have, or have and did not have: the ids of the changed documents go, and those that have it now come in; a term no document
/// has any more goes. The chunks are
/// then made from the terms as <see cref="TermChunks"/> makes them from term indexes — same count, same order, same bytes — so
/// the index is the one a build from scratch writes.
/// </summary>
internal static class PatchedTermChunks
{
    /// <param name="saved">the saved term records (<see cref="SearchState.ReadTerms"/>).</param>
    /// <param name="changed">for each document id, whether its terms were indexed anew in <paramref name="all"/> and <paramref name="title"/>.</param>
    /// <param name="save">given every term with its postings, for the next build.</param>
    /// <param name="recall">the last build's file of the same content, for a chunk or posting file, which is then not compressed again.</param>
    public static IndexTable Write(byte[] saved, bool[] changed, IReadOnlyList<TermIndex> all, IReadOnlyList<TermIndex> title, Action<IndexFile> write, SearchStateWriter? save, GzipRecall? recall = null)
    {
        var fresh = FreshTerms(all, title);
        int[] changedIds = [.. Enumerable.Range(0, changed.Length).Where(id => changed[id])];
        var patch = new ByteWriter();
        var records = new List<int>(); // offsets: below saved.Length in saved, the others in patch
        var inline = 0L;
        void Add(ReadOnlySpan<byte> data, int at, int offset)
        {
            var r = TermRecord.Read(data, at);
            inline += TermChunks.TermBytes(r.TermLength, TermChunks.InlineLength(r.AllLength, r.AllCount), TermChunks.InlineLength(r.TitleLength, r.TitleCount));
            records.Add(offset);
        }

        void Patched(ReadOnlySpan<byte> term, List<int> allIds, List<int> titleIds)
        {
            if (allIds.Count == 0)
            {
                return; // no document has it any more
            }

            var at = patch.Length;
            TermRecord.Write(patch, term, Posting.Encode(allIds), allIds.Count, Posting.Encode(titleIds), titleIds.Count);
            Add(patch.Written, at, saved.Length + at);
        }

        var heldAll = new List<int>();
        var heldTitle = new List<int>();
        for (var at = 0; at < saved.Length;)
        {
            var r = TermRecord.Read(saved, at);
            var term = saved.AsSpan(r.Term, r.TermLength);
            var added = fresh.TryGetValue(XxHash3.HashToUInt64(term), out var candidates) ? Same(candidates, term) : null;
            Held(saved.AsSpan(r.All, r.AllLength), changedIds, heldAll);
            Held(saved.AsSpan(r.Title, r.TitleLength), changedIds, heldTitle);

            // The changed documents that had the term are those that have it now (most of a changed document's terms, or none of
            // its terms): the postings are the saved ones.
            if (added is null ? heldAll.Count == 0 && heldTitle.Count == 0 : heldAll.SequenceEqual(added.All) && heldTitle.SequenceEqual(added.Title))
            {
                Add(saved, at, at);
                if (added is not null)
                {
                    added.Seen = true;
                }
            }
            else
            {
                Patched(term, Merge(saved.AsSpan(r.All, r.AllLength), changed, added?.All), Merge(saved.AsSpan(r.Title, r.TitleLength), changed, added?.Title));
                if (added is not null)
                {
                    added.Seen = true;
                }
            }

            at = r.End;
        }

        foreach (var added in fresh.Values.SelectMany(f => f).Where(f => !f.Seen))
        {
            Patched(added.Term, added.All, added.Title);
        }

        var patched = patch.ToArray();
        ReadOnlySpan<byte> DataOf(int offset) => offset < saved.Length ? saved : patched;
        int At(int offset) => offset < saved.Length ? offset : offset - saved.Length;

        // As TermChunks: a term is in chunk FNV-1a(UTF-8) mod count, the chunk count following from the bytes that stay inline.
        var count = TermChunks.ChunkCount(inline);
        var offsets = records.ToArray();
        var chunkOf = new int[offsets.Length];
        for (var i = 0; i < offsets.Length; i++)
        {
            var r = TermRecord.Read(DataOf(offsets[i]), At(offsets[i]));
            chunkOf[i] = (int)(SearchIndexWriter.Fnv1a(DataOf(offsets[i]).Slice(r.Term, r.TermLength)) % (uint)count);
        }

        Array.Sort(chunkOf, offsets);
        var starts = TermChunks.Starts(chunkOf, count);

        var externals = new HashSet<string>(StringComparer.Ordinal);
        void Inline(ReadOnlySpan<byte> posting, int documents, ByteWriter writer)
        {
            if (posting.Length <= SearchIndexWriter.ExternalThreshold)
            {
                writer.Bytes(posting);
                return;
            }

            TermChunks.External(posting.ToArray(), documents, writer, externals, write, recall);
        }

        return IndexTable.Write("terms", ".bin", count, c =>
        {
            var chunk = offsets[starts[c]..starts[c + 1]].Select(o => (Offset: o, Record: TermRecord.Read(DataOf(o), At(o)))).ToArray();
            Array.Sort(chunk, (a, b) => DataOf(a.Offset).Slice(a.Record.Term, a.Record.TermLength).SequenceCompareTo(DataOf(b.Offset).Slice(b.Record.Term, b.Record.TermLength)));
            var writer = new ByteWriter(2 * SearchIndexWriter.ChunkTarget);
            var kept = save is null ? null : new ByteWriter(2 * SearchIndexWriter.ChunkTarget);
            writer.Varint(chunk.Length);
            foreach (var (offset, r) in chunk)
            {
                var data = DataOf(offset);
                writer.Varint(r.TermLength);
                writer.Bytes(data.Slice(r.Term, r.TermLength));
                Inline(data.Slice(r.All, r.AllLength), r.AllCount, writer);
                Inline(data.Slice(r.Title, r.TitleLength), r.TitleCount, writer);
                kept?.Bytes(data[(r.Term - ByteWriter.VarintLength((ulong)r.TermLength))..r.End]);
            }

            save?.Terms(kept!.Written);
            return writer.ToArray();
        }, write, recall);
    }

    /// <summary>The term of <paramref name="candidates"/> that is <paramref name="term"/>, or null.</summary>
    private static FreshTerm? Same(List<FreshTerm> candidates, ReadOnlySpan<byte> term)
    {
        foreach (var candidate in candidates)
        {
            if (term.SequenceEqual(candidate.Term))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The ids of <paramref name="changed"/> (the changed documents', in order) that a posting (list or bitmap) holds, in order, into <paramref name="held"/>.</summary>
    private static void Held(ReadOnlySpan<byte> posting, int[] changed, List<int> held)
    {
        held.Clear();
        if (changed.Length == 0)
        {
            return;
        }

        var at = 1;
        if (posting[0] == Posting.Bitmap)
        {
            var length = (int)Posting.ReadVarint(posting, ref at);
            var bits = posting.Slice(at, length);
            foreach (var id in changed)
            {
                if (id >= length * 8)
                {
                    return;
                }

                if ((bits[id >> 3] & (1 << (id & 7))) != 0)
                {
                    held.Add(id);
                }
            }

            return;
        }

        // A list: its ids against the changed ones, both in order, until either ends.
        var count = (int)Posting.ReadVarint(posting, ref at);
        var doc = 0;
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            doc = i == 0 ? (int)Posting.ReadVarint(posting, ref at) : doc + (int)Posting.ReadVarint(posting, ref at);
            while (changed[next] < doc)
            {
                if (++next == changed.Length)
                {
                    return;
                }
            }

            if (changed[next] == doc)
            {
                held.Add(doc);
            }
        }
    }

    /// <summary>The ids of a saved posting but the changed documents', with the ids of <paramref name="added"/>, in order.</summary>
    private static List<int> Merge(ReadOnlySpan<byte> posting, bool[] changed, List<int>? added)
    {
        var at = 0;
        var ids = Posting.Decode(posting, ref at);
        ids.RemoveAll(id => id < changed.Length && changed[id]);
        if (added is { Count: > 0 })
        {
            ids.AddRange(added);
            ids.Sort();
        }

        return ids;
    }

    /// <summary>The terms of the changed documents with their ids, by the XXH3 of their UTF-8.</summary>
    private static Dictionary<ulong, List<FreshTerm>> FreshTerms(IReadOnlyList<TermIndex> all, IReadOnlyList<TermIndex> title)
    {
        var fresh = new Dictionary<ulong, List<FreshTerm>>();
        for (var shard = 0; shard < all.Count; shard++)
        {
            foreach (var (key, slot) in all[shard].Keys())
            {
                var at = 0;
                var titleSlot = title[shard].Find(key);
                var titleAt = 0;
                var term = new FreshTerm(
                    key.ToUtf8(),
                    Posting.Decode(all[shard].Encode(slot), ref at),
                    titleSlot < 0 ? [] : Posting.Decode(title[shard].Encode(titleSlot), ref titleAt));
                var hash = XxHash3.HashToUInt64(term.Term);
                if (!fresh.TryGetValue(hash, out var list))
                {
                    fresh[hash] = list = [];
                }

                list.Add(term);
            }
        }

        return fresh;
    }

    /// <summary>A term of the changed documents, with their ids in all and title, and whether a saved term is the same.</summary>
    private sealed record FreshTerm(byte[] Term, List<int> All, List<int> Title)
    {
        public bool Seen { get; set; }
    }
}
