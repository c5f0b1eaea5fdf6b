using System.Runtime.CompilerServices;

namespace Gazette.Search;

/// <summary>
/// Writes the term chunks of an index patched from the last build's (<see cref="SearchState"/>): every saved term keeps its
/// postings as they were, but one the changed documents (indexed anew, alone, in <c>all</c> and <c>title</c>) had and no longer
/// have, or have and did not have: the ids of the changed documents go, and those that have it now come in; a term no document
/// has any more goes. The chunks are then made from the terms as <see cref="TermChunks"/> makes them from term indexes — same
/// count, same order, same bytes — so the index is the one a build from scratch writes.
/// <para>
/// The saved terms are kept chunk by chunk. While the chunk count stays what it was, a chunk none of whose terms changed is the
/// chunk the last build wrote: its file is kept by the key of its content, without making it, and its records go to the next
/// state as they are; only the chunks a change reached are made. When the count changes, every term goes to its chunk anew.
/// </para>
/// </summary>
internal static class PatchedTermChunks
{
    /// <param name="saved">the saved term records, chunk by chunk (<see cref="SearchState.ReadTerms"/>).</param>
    /// <param name="changed">for each document id, whether its terms were indexed anew in <paramref name="all"/> and <paramref name="title"/>.</param>
    /// <param name="save">given every chunk's terms with their postings, for the next build.</param>
    /// <param name="recall">the last build's file of the same content, for a chunk or posting file, which is then not made again.</param>
    public static IndexTable Write(SavedTerms saved, bool[] changed, IReadOnlyList<TermIndex> all, IReadOnlyList<TermIndex> title, Action<IndexFile> write, SearchStateWriter? save, GzipRecall? recall = null)
    {
        var records = saved.Records;
        var chunks = saved.Chunks;
        var fresh = FreshTerms(all, title, chunks.Length);
        int[] changedIds = [.. Enumerable.Range(0, changed.Length).Where(id => changed[id])];

        // Each saved chunk against the changed documents, several chunks at a time: null when none of its terms changed (at
        // 50,000 documents, scanning every chunk for a changed document takes about 0.15 s)
        var patches = new ChunkPatch?[chunks.Length];
        Parallel.For(
            0,
            chunks.Length,
            () => (All: new List<int>(), Title: new List<int>()),
            (c, _, held) =>
            {
                patches[c] = Scan(records, chunks[c], fresh[c], changed, changedIds, held.All, held.Title);
                return held;
            },
            _ => { });

        // A term no saved chunk has: in the chunk its hash gives at the saved count
        for (var c = 0; c < chunks.Length; c++)
        {
            foreach (var added in fresh[c]?.Where(f => !f.Seen) ?? [])
            {
                (patches[c] ??= ChunkPatch.Until(records, chunks[c].Offset, chunks[c].End)).Add(added.Term, added.All, added.Title);
            }
        }

        var inline = 0L;
        for (var c = 0; c < chunks.Length; c++)
        {
            inline += patches[c]?.Inline ?? chunks[c].Inline;
        }

        var externals = new HashSet<string>(StringComparer.Ordinal);
        var count = TermChunks.ChunkCount(inline);
        return count == chunks.Length
            ? Patched(saved, patches, write, save, recall, externals)
            : Regrouped(saved, patches, count, write, save, recall, externals);
    }

    /// <summary>
    /// The chunks at the saved count: those a change reached made from their patched terms, the others kept by their key (made
    /// from their saved records only when the output folder does not hold them as they were).
    /// </summary>
    private static IndexTable Patched(SavedTerms saved, ChunkPatch?[] patches, Action<IndexFile> write, SearchStateWriter? save, GzipRecall? recall, HashSet<string> externals)
    {
        var (records, chunks) = (saved.Records, saved.Chunks);
        var made = new Encoded?[chunks.Length];
        Parallel.For(0, chunks.Length, c =>
        {
            if (patches[c] is { } patch)
            {
                made[c] = Encode(patch.Sorted(), write, recall, externals);
            }
        });

        // The next state: a chunk's records as they were, or as patched
        for (var c = 0; c < chunks.Length; c++)
        {
            save?.Chunk(c, made[c] is { } encoded ? encoded.Records : records.Span.Slice(chunks[c].Offset, chunks[c].Length), made[c]?.Inline ?? chunks[c].Inline);
        }

        // A kept chunk's postings in files of their own are kept too (named by their hash, found by the key of their content)
        Parallel.For(0, chunks.Length, c =>
        {
            if (patches[c] is null)
            {
                var reference = new ByteWriter();
                foreach (var (at, length, count) in Large(records, chunks[c]))
                {
                    TermChunks.External(records.Span.Slice(at, length), count, reference, externals, write, recall);
                    reference.Clear();
                }
            }
        });

        return IndexTable.Write(
            "terms",
            ".bin",
            chunks.Length,
            c => made[c]?.Chunk ?? Encode([.. Refs(records, chunks[c].Offset, chunks[c].End)], write, recall, externals).Chunk,
            write,
            recall,
            known: c => patches[c] is null ? chunks[c].Key : default,
            keyed: save is null ? null : save.Key);
    }

    /// <summary>The chunks at a new count: every term, as it was or as patched, in the chunk its hash gives now.</summary>
    private static IndexTable Regrouped(SavedTerms saved, ChunkPatch?[] patches, int count, Action<IndexFile> write, SearchStateWriter? save, GzipRecall? recall, HashSet<string> externals)
    {
        var (records, chunks) = (saved.Records, saved.Chunks);
        var terms = new List<Ref>();
        for (var c = 0; c < chunks.Length; c++)
        {
            terms.AddRange(patches[c]?.Records ?? Refs(records, chunks[c].Offset, chunks[c].End));
        }

        // As TermChunks: a term is in chunk FNV-1a(UTF-8) mod count.
        var refs = terms.ToArray();
        var chunkOf = refs.Select(r => SearchIndexWriter.ChunkOf(r.Term, count)).ToArray();
        Array.Sort(chunkOf, refs);
        var starts = TermChunks.Starts(chunkOf, count);
        return IndexTable.Write("terms", ".bin", count, c =>
        {
            var chunk = refs[starts[c]..starts[c + 1]];
            Array.Sort(chunk, Ref.ByTerm);
            var encoded = Encode(chunk, write, recall, externals);
            save?.Chunk(c, encoded.Records, encoded.Inline);
            return encoded.Chunk;
        }, write, recall, keyed: save is null ? null : save.Key);
    }

    /// <summary>
    /// A saved chunk's terms against the changed documents: null when each term's postings stay as they are (the changed documents
    /// that had it are those that have it now); else its terms as they are now, the changed ones patched, in the saved order and
    /// those no document has any more left out. The fresh terms it has are marked seen.
    /// </summary>
    /// <param name="fresh">the fresh terms of this chunk, sorted by their UTF-8 as its records are (a merge of the two finds those it has); null: none.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimized at once: run for each of 200,000 saved terms at every build
    private static ChunkPatch? Scan(ReadOnlyMemory<byte> records, SavedChunk chunk, List<FreshTerm>? fresh, bool[] changed, int[] changedIds, List<int> heldAll, List<int> heldTitle)
    {
        ChunkPatch? patch = null;
        var next = 0;
        var bytes = records.Span;
        for (var at = chunk.Offset; at < chunk.End;)
        {
            var r = TermRecord.Read(bytes, at);
            var term = bytes.Slice(r.Term, r.TermLength);
            FreshTerm? added = null;
            if (fresh is not null)
            {
                while (next < fresh.Count && fresh[next].Term.AsSpan().SequenceCompareTo(term) < 0)
                {
                    next++;
                }

                if (next < fresh.Count && term.SequenceEqual(fresh[next].Term))
                {
                    added = fresh[next++];
                    added.Seen = true;
                }
            }

            Held(bytes.Slice(r.All, r.AllLength), changedIds, heldAll);
            Held(bytes.Slice(r.Title, r.TitleLength), changedIds, heldTitle);
            if (added is null ? heldAll.Count == 0 && heldTitle.Count == 0 : heldAll.SequenceEqual(added.All) && heldTitle.SequenceEqual(added.Title))
            {
                patch?.Keep(records, at);
            }
            else
            {
                patch ??= ChunkPatch.Until(records, chunk.Offset, at);
                patch.Add(term.ToArray(), Merge(bytes.Slice(r.All, r.AllLength), changed, added?.All), Merge(bytes.Slice(r.Title, r.TitleLength), changed, added?.Title));
            }

            at = r.End;
        }

        return patch;
    }

    /// <summary>
    /// A chunk's file and its state records made from its terms (sorted by their UTF-8), with the bytes they take as the chunk
    /// count is reckoned; a posting too large for the chunk goes to its own file.
    /// </summary>
    private static Encoded Encode(Ref[] terms, Action<IndexFile> write, GzipRecall? recall, HashSet<string> externals)
    {
        var writer = new ByteWriter(2 * SearchIndexWriter.ChunkTarget);
        var kept = new ByteWriter(2 * SearchIndexWriter.ChunkTarget);
        var inline = 0;
        writer.Varint(terms.Length);
        foreach (var term in terms)
        {
            var data = term.Data.Span;
            var r = TermRecord.Read(data, term.At);
            writer.Varint(r.TermLength);
            writer.Bytes(data.Slice(r.Term, r.TermLength));
            Inline(data.Slice(r.All, r.AllLength), r.AllCount, writer, write, recall, externals);
            Inline(data.Slice(r.Title, r.TitleLength), r.TitleCount, writer, write, recall, externals);
            kept.Bytes(data.Slice(term.At, r.End - term.At));
            inline += Inline(r);
        }

        return new Encoded(writer.ToArray(), kept.ToArray(), inline);
    }

    /// <summary>Writes a posting where the chunk holds it, or the reference to its own file when it is large.</summary>
    private static void Inline(ReadOnlySpan<byte> posting, int documents, ByteWriter writer, Action<IndexFile> write, GzipRecall? recall, HashSet<string> externals)
    {
        if (posting.Length <= SearchIndexWriter.ExternalThreshold)
        {
            writer.Bytes(posting);
            return;
        }

        TermChunks.External(posting, documents, writer, externals, write, recall);
    }

    /// <summary>The bytes a term record takes in its chunk as the chunk count is reckoned (<see cref="TermChunks.TermBytes"/>).</summary>
    private static int Inline(in TermRecord r) =>
        (int)TermChunks.TermBytes(r.TermLength, TermChunks.InlineLength(r.AllLength, r.AllCount), TermChunks.InlineLength(r.TitleLength, r.TitleCount));

    /// <summary>Where the postings of a saved chunk too large for it are in <paramref name="records"/>, with their document counts.</summary>
    private static List<(int At, int Length, int Count)> Large(ReadOnlyMemory<byte> records, SavedChunk chunk)
    {
        var large = new List<(int, int, int)>();
        var bytes = records.Span;
        for (var at = chunk.Offset; at < chunk.End;)
        {
            var r = TermRecord.Read(bytes, at);
            if (r.AllLength > SearchIndexWriter.ExternalThreshold)
            {
                large.Add((r.All, r.AllLength, r.AllCount));
            }

            if (r.TitleLength > SearchIndexWriter.ExternalThreshold)
            {
                large.Add((r.Title, r.TitleLength, r.TitleCount));
            }

            at = r.End;
        }

        return large;
    }

    /// <summary>The records of <paramref name="records"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    private static List<Ref> Refs(ReadOnlyMemory<byte> records, int start, int end)
    {
        var refs = new List<Ref>();
        for (var at = start; at < end; at = TermRecord.Read(records.Span, at).End)
        {
            refs.Add(new Ref(records, at));
        }

        return refs;
    }

    /// <summary>The ids of <paramref name="changed"/> (the changed documents', in order) that a posting (list or bitmap) holds, in order, into <paramref name="held"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimized at once: run for each of 200,000 saved terms at every build
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

    /// <summary>The terms of the changed documents with their ids, by the chunk of <paramref name="count"/> each is in, sorted by their UTF-8 (null: none).</summary>
    private static List<FreshTerm>?[] FreshTerms(IReadOnlyList<TermIndex> all, IReadOnlyList<TermIndex> title, int count)
    {
        var fresh = new List<FreshTerm>?[count];
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
                (fresh[SearchIndexWriter.ChunkOf(term.Term, count)] ??= []).Add(term);
            }
        }

        foreach (var terms in fresh)
        {
            terms?.Sort((a, b) => a.Term.AsSpan().SequenceCompareTo(b.Term));
        }

        return fresh;
    }

    /// <summary>A term of the changed documents, with their ids in all and title, and whether a saved term is the same.</summary>
    private sealed record FreshTerm(byte[] Term, List<int> All, List<int> Title)
    {
        // Set from the threads that scan the saved chunks: only ever to true, and read once they have all ended.
        public bool Seen { get; set; }
    }

    /// <summary>A term record where it is: in the saved records or in bytes of its own.</summary>
    private readonly record struct Ref(ReadOnlyMemory<byte> Data, int At)
    {
        public static readonly Comparison<Ref> ByTerm = (a, b) => a.Term.SequenceCompareTo(b.Term);

        /// <summary>The term's UTF-8.</summary>
        public ReadOnlySpan<byte> Term
        {
            get
            {
                var data = Data.Span;
                var r = TermRecord.Read(data, At);
                return data.Slice(r.Term, r.TermLength);
            }
        }
    }

    /// <summary>A chunk's file, its state records, and the bytes its terms take as the chunk count is reckoned.</summary>
    private sealed record Encoded(byte[] Chunk, byte[] Records, int Inline);

    /// <summary>The terms of a chunk a change reached: those kept as they were and those patched or added, with the bytes they take.</summary>
    private sealed class ChunkPatch
    {
        private readonly List<Ref> _records = [];

        public IReadOnlyList<Ref> Records => _records;

        public int Inline { get; private set; }

        /// <summary>A patch holding the saved records from <paramref name="start"/> to <paramref name="end"/>, as they are.</summary>
        public static ChunkPatch Until(ReadOnlyMemory<byte> records, int start, int end)
        {
            var patch = new ChunkPatch();
            for (var at = start; at < end; at = TermRecord.Read(records.Span, at).End)
            {
                patch.Keep(records, at);
            }

            return patch;
        }

        /// <summary>Keeps the saved record at <paramref name="at"/>.</summary>
        public void Keep(ReadOnlyMemory<byte> records, int at)
        {
            _records.Add(new Ref(records, at));
            Inline += PatchedTermChunks.Inline(TermRecord.Read(records.Span, at));
        }

        /// <summary>Adds a term with its postings now; none when no document has it any more.</summary>
        public void Add(byte[] term, List<int> allIds, List<int> titleIds)
        {
            if (allIds.Count == 0)
            {
                return;
            }

            var writer = new ByteWriter();
            TermRecord.Write(writer, term, Posting.Encode(allIds), allIds.Count, Posting.Encode(titleIds), titleIds.Count);
            var data = writer.ToArray();
            _records.Add(new Ref(data, 0));
            Inline += PatchedTermChunks.Inline(TermRecord.Read(data, 0));
        }

        /// <summary>The records, sorted by their terms' UTF-8.</summary>
        public Ref[] Sorted()
        {
            var sorted = _records.ToArray();
            Array.Sort(sorted, Ref.ByTerm);
            return sorted;
        }
    }
}
