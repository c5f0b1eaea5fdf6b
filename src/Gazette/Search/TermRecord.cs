using System.Runtime.CompilerServices;

namespace Gazette.Search;

/// <summary>
/// One term of a <see cref="SearchState"/> with its two postings, as the state file holds it: varint length and UTF-8 bytes of
/// the term, then for the postings of all and of title each a varint count of documents, a varint length and the posting in the
/// index format (docs/search-index.md; never external, and an empty title posting is the empty list). The fields are offsets
/// into the bytes the record was read from.
/// </summary>
internal readonly record struct TermRecord(int Term, int TermLength, int All, int AllLength, int AllCount, int Title, int TitleLength, int TitleCount, int End)
{
    /// <summary>The record that starts at <paramref name="at"/> in <paramref name="data"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // optimized at once: run for each of 200,000 saved terms at every build
    public static TermRecord Read(ReadOnlySpan<byte> data, int at)
    {
        var termLength = (int)Posting.ReadVarint(data, ref at);
        var term = at;
        at += termLength;
        var allCount = (int)Posting.ReadVarint(data, ref at);
        var allLength = (int)Posting.ReadVarint(data, ref at);
        var all = at;
        at += allLength;
        var titleCount = (int)Posting.ReadVarint(data, ref at);
        var titleLength = (int)Posting.ReadVarint(data, ref at);
        var title = at;
        at += titleLength;
        if (at > data.Length)
        {
            throw new InvalidDataException("a term record of the search index's state runs past its end");
        }

        return new TermRecord(term, termLength, all, allLength, allCount, title, titleLength, titleCount, at);
    }

    /// <summary>Appends a record to <paramref name="writer"/>.</summary>
    public static void Write(ByteWriter writer, ReadOnlySpan<byte> term, ReadOnlySpan<byte> all, int allCount, ReadOnlySpan<byte> title, int titleCount)
    {
        writer.Varint(term.Length);
        writer.Bytes(term);
        writer.Varint(allCount);
        writer.Varint(all.Length);
        writer.Bytes(all);
        writer.Varint(titleCount);
        writer.Varint(title.Length);
        writer.Bytes(title);
    }
}
