using System.Buffers.Binary;
using System.IO.Hashing;
using Gazette.Model;

namespace Gazette.Search;

/// <summary>
/// Writes the <see cref="SearchState"/> of the index being finished into a new file of the build cache as the term chunks are
/// made (so the postings are never held a second time), and puts it in place only at <see cref="Keep"/>, once the site it
/// describes is committed: disposed before, it deletes the file, and the state of the last successful build stays.
/// </summary>
internal sealed class SearchStateWriter : IDisposable
{
    private readonly string _file;
    private readonly string _temporary;
    private readonly FileStream _stream;
    private readonly XxHash3 _checksum = new();
    private bool _ended;
    private bool _kept;

    /// <summary>Starts the state of the index of <paramref name="documents"/> written into <paramref name="outputDirectory"/>.</summary>
    /// <param name="digests">each document's <see cref="SearchState.DigestOf"/>, in id order.</param>
    /// <param name="textHashes">each document's SHA-256 of its compressed searchable text (32 bytes), in id order.</param>
    public SearchStateWriter(string cacheDirectory, string outputDirectory, IReadOnlyList<PublishedDocument> documents, IReadOnlyList<UInt128> digests, ReadOnlyMemory<byte> textHashes)
    {
        Directory.CreateDirectory(cacheDirectory);
        _file = SearchState.FileFor(cacheDirectory, outputDirectory);
        _temporary = _file + $".{Guid.NewGuid():N}.tmp";
        _stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        Append(SearchState.Header(outputDirectory, documents));
        var perDocument = new byte[SearchState.DocumentBytes];
        for (var id = 0; id < documents.Count; id++)
        {
            BinaryPrimitives.WriteUInt128LittleEndian(perDocument, digests[id]);
            textHashes.Span.Slice(id * 32, 32).CopyTo(perDocument.AsSpan(16));
            Append(perDocument);
        }
    }

    /// <summary>Adds term records (<see cref="TermRecord"/>); from several threads at once.</summary>
    public void Terms(ReadOnlySpan<byte> records)
    {
        lock (_stream)
        {
            Append(records);
        }
    }

    /// <summary>Closes the file with its checksum: every term has been added.</summary>
    public void End()
    {
        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, _checksum.GetCurrentHashAsUInt64());
        _stream.Write(checksum);
        _stream.Dispose();
        _ended = true;
    }

    /// <summary>Puts the state in place of the last one: the site it describes has been committed.</summary>
    public void Keep()
    {
        if (!_ended)
        {
            throw new InvalidOperationException("the search index's state is not complete");
        }

        File.Move(_temporary, _file, overwrite: true);
        _kept = true;
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (!_kept && File.Exists(_temporary))
        {
            File.Delete(_temporary);
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        _checksum.Append(bytes);
    }
}
