using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Gazette.Model;
using Gazette.Output;

namespace Gazette.Search;

/// <summary>
/// What the last successful build's search index was made from, as the build cache keeps it, so that the next build patches the
/// index instead of indexing every document again: for each document, the digest of its searchable text and title line
/// (<see cref="DigestOf"/>); and every term with its two postings in the
/// index format, chunk by chunk, with what each term chunk file was made from. Written by <see cref="SearchStateWriter"/>; used
/// only when it was written by this very build of Gazette and runtime (<see cref="BuildIdentity"/>), for the same output
/// folder and the same documents in the same order.
/// </summary>
/// <remarks>
/// The file: <see cref="Magic"/>, the build identity (16 bytes), the digest of the output folder's path (16), the digest of
/// the document ids in order (16), the document count (4), for each document its digest (16); then term
/// records (<see cref="TermRecord"/>), the records of each term chunk one after the other, sorted by their UTF-8 as the chunk
/// has them (the chunks in any order); then for each chunk in order its records' offset from the first record (8 bytes) and
/// length (4), the bytes its terms take in it as the chunk count is reckoned (<see cref="TermChunks.TermBytes"/>, 4) and the
/// key of its content (<see cref="IndexFile.KeyOf"/>, 16; 0 when it was not keyed); the chunk count (4); and the XXH3 of
/// everything before (8). The terms are read only when the index is finished (<see cref="ReadTerms"/>), from the file opened
/// at <see cref="Load"/>, so that a build holds them only while it writes the term chunks.
/// </remarks>
internal sealed class SearchState : IDisposable
{
    public const int DocumentBytes = 16;

    /// <summary>The bytes of a chunk in the table after the records.</summary>
    public const int ChunkBytes = 8 + 4 + 4 + 16;

    private static readonly byte[] Magic = "GAZETTE-SEARCH-3"u8.ToArray();
    private static readonly int HeaderBytes = Magic.Length + 16 + 16 + 16 + 4;

    private readonly FileStream _file;
    private readonly byte[] _documents;
    private readonly long _termsStart;
    private readonly long _termsEnd;
    private readonly SavedChunk[] _chunks;

    private SearchState(FileStream file, byte[] documents, long termsStart, long termsEnd, SavedChunk[] chunks)
    {
        _file = file;
        _documents = documents;
        _termsStart = termsStart;
        _termsEnd = termsEnd;
        _chunks = chunks;
    }

    /// <summary>How many documents the last build indexed.</summary>
    public int Count => _documents.Length / DocumentBytes;

    /// <summary>The digest document <paramref name="id"/> had (<see cref="DigestOf"/>).</summary>
    public Digest128 Digest(int id) => Digest128.ReadLittleEndian(_documents.AsSpan(id * DocumentBytes, 16));


    /// <summary>Where the state of the index written into <paramref name="outputDirectory"/> is kept in <paramref name="cacheDirectory"/>.</summary>
    public static string FileFor(string cacheDirectory, string outputDirectory) =>
        Path.Combine(cacheDirectory, $"search-{Convert.ToHexStringLower(Digest(Path.GetFullPath(outputDirectory)))[..16]}.bin");

    /// <summary>
    /// The state kept for <paramref name="outputDirectory"/>, or null when there is none, or it is unreadable, damaged, written by
    /// another build of Gazette, or of other documents or another order of them than <paramref name="documents"/>.
    /// </summary>
    public static SearchState? Load(string cacheDirectory, string outputDirectory, IReadOnlyList<PublishedDocument> documents)
    {
        FileStream? file = null;
        try
        {
            var path = FileFor(cacheDirectory, outputDirectory);
            if (!File.Exists(path))
            {
                return null;
            }

            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16);
            var length = file.Length;
            if (length < HeaderBytes + 8 || !Intact(file, length))
            {
                file.Dispose();
                return null;
            }

            file.Position = 0;
            var header = new byte[HeaderBytes];
            file.ReadExactly(header);
            var count = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(HeaderBytes - 4));
            if (!header.AsSpan(0, Magic.Length).SequenceEqual(Magic)
                || !header.AsSpan(Magic.Length, 16).SequenceEqual(BuildIdentity.Bytes)
                || !header.AsSpan(Magic.Length + 16, 16).SequenceEqual(Digest(Path.GetFullPath(outputDirectory)))
                || !header.AsSpan(Magic.Length + 32, 16).SequenceEqual(SequenceOf(documents))
                || count != documents.Count
                || HeaderBytes + ((long)count * DocumentBytes) > length - 8)
            {
                file.Dispose();
                return null;
            }

            var perDocument = new byte[count * DocumentBytes];
            file.ReadExactly(perDocument);
            var termsStart = HeaderBytes + perDocument.LongLength;
            if (Chunks(file, termsStart, length - 8) is not ({ } chunks, var termsEnd))
            {
                file.Dispose();
                return null;
            }

            return new SearchState(file, perDocument, termsStart, termsEnd, chunks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file?.Dispose();
            return null; // a cache is only a cache: without it the index is made anew
        }
    }

    /// <summary>
    /// Every term record of the last build's index, chunk by chunk (taken once: the file is closed when they are disposed). They
    /// are mapped from the file, not read into memory (<see cref="MappedBytes"/>).
    /// </summary>
    public SavedTerms ReadTerms()
    {
        if (_termsEnd == _termsStart)
        {
            _file.Dispose();
            return new SavedTerms(ReadOnlyMemory<byte>.Empty, _chunks, null);
        }

        var mapped = new MappedBytes(_file, _termsStart, checked((int)(_termsEnd - _termsStart)));
        return new SavedTerms(mapped.Memory, _chunks, mapped);
    }

    /// <summary>The table of chunks that ends before <paramref name="end"/>, and where the records before it end; null when it does not fit them.</summary>
    private static (SavedChunk[] Chunks, long TermsEnd)? Chunks(FileStream file, long termsStart, long end)
    {
        if (end - termsStart < 4)
        {
            return null;
        }

        Span<byte> countBytes = stackalloc byte[4];
        file.Position = end - 4;
        file.ReadExactly(countBytes);
        var count = BinaryPrimitives.ReadInt32LittleEndian(countBytes);
        var termsEnd = end - 4 - ((long)count * ChunkBytes);
        if (count < 1 || termsEnd < termsStart)
        {
            return null;
        }

        var table = new byte[count * ChunkBytes];
        file.Position = termsEnd;
        file.ReadExactly(table);
        var chunks = new SavedChunk[count];
        for (var c = 0; c < count; c++)
        {
            var entry = table.AsSpan(c * ChunkBytes, ChunkBytes);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(entry);
            var length = BinaryPrimitives.ReadInt32LittleEndian(entry[8..]);
            if (offset < 0 || length < 0 || offset + length > termsEnd - termsStart)
            {
                return null;
            }

            chunks[c] = new SavedChunk((int)offset, length, BinaryPrimitives.ReadInt32LittleEndian(entry[12..]), new RenderKey(Digest128.ReadLittleEndian(entry[16..])));
        }

        return (chunks, termsEnd);
    }

    public void Dispose() => _file.Dispose();

    private static readonly byte[] LineBreak = [(byte)'\n', 0]; // '\n' in UTF-16, as the searchable text's parts are joined

    /// <summary>
    /// The digest of what a document gives the index's terms: its searchable text and its title line (its snippet
    /// is made again each build, not kept).
    /// </summary>
    public static Digest128 DigestOf(string searchable, string titleLine) => DigestOf([searchable], titleLine);

    /// <summary>As <see cref="DigestOf(string, string)"/> of <paramref name="searchable"/> joined by line breaks (null: empty), without joining them.</summary>
    public static Digest128 DigestOf(ReadOnlySpan<string?> searchable, string titleLine)
    {
        var digest = new XxHash128();
        for (var i = 0; i < searchable.Length; i++)
        {
            if (i > 0)
            {
                digest.Append(LineBreak);
            }

            digest.Append(MemoryMarshal.AsBytes(searchable[i].AsSpan()));
        }

        digest.Append([0, 0]);
        digest.Append(MemoryMarshal.AsBytes(titleLine.AsSpan()));
        var value = Digest128.Of(digest);
        return value.NotZero; // never RenderKey.None
    }

    /// <summary>The digest of the documents' ids, in order.</summary>
    public static byte[] SequenceOf(IReadOnlyList<PublishedDocument> documents)
    {
        var digest = new XxHash128();
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(count, documents.Count);
        digest.Append(count);
        foreach (var document in documents)
        {
            digest.Append(MemoryMarshal.AsBytes(document.Id.AsSpan()));
            digest.Append([0, 0]);
        }

        return digest.GetCurrentHash();
    }

    /// <summary>The header of a state file, <see cref="HeaderBytes"/> long.</summary>
    public static byte[] Header(string outputDirectory, IReadOnlyList<PublishedDocument> documents)
    {
        var header = new byte[HeaderBytes];
        Magic.CopyTo(header, 0);
        BuildIdentity.Bytes.CopyTo(header, Magic.Length);
        Digest(Path.GetFullPath(outputDirectory)).CopyTo(header, Magic.Length + 16);
        SequenceOf(documents).CopyTo(header, Magic.Length + 32);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(HeaderBytes - 4), documents.Count);
        return header;
    }

    private static byte[] Digest(string text) => XxHash128.Hash(Encoding.UTF8.GetBytes(text));

    /// <summary>Whether the file's last 8 bytes are the XXH3 of the others.</summary>
    private static bool Intact(FileStream file, long length)
    {
        var hash = new XxHash3();
        var buffer = new byte[1 << 20];
        file.Position = 0;
        var left = length - 8;
        while (left > 0)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                return false;
            }

            hash.Append(buffer.AsSpan(0, read));
            left -= read;
        }

        Span<byte> stored = stackalloc byte[8];
        file.ReadExactly(stored);
        return BinaryPrimitives.ReadUInt64LittleEndian(stored) == hash.GetCurrentHashAsUInt64();
    }
}

/// <summary>The term records of a <see cref="SearchState"/>, and where each term chunk's are in them; valid until disposed.</summary>
internal sealed class SavedTerms(ReadOnlyMemory<byte> records, SavedChunk[] chunks, IDisposable? mapping) : IDisposable
{
    public ReadOnlyMemory<byte> Records => records;

    public SavedChunk[] Chunks => chunks;

    public void Dispose() => mapping?.Dispose();
}

/// <summary>
/// A term chunk of a <see cref="SearchState"/>: where its records are, the bytes its terms take in it as the chunk count is
/// reckoned (<see cref="TermChunks.TermBytes"/>), and the key of its content (<see cref="IndexFile.KeyOf"/>; none when it was
/// not keyed).
/// </summary>
internal readonly record struct SavedChunk(int Offset, int Length, int Inline, RenderKey Key)
{
    /// <summary>Where the chunk's records end.</summary>
    public int End => Offset + Length;
}
