using System.Buffers.Binary;
using System.IO.Hashing;
using Gazette.Model;
using Gazette.Output;

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
    private readonly Dictionary<int, (long Offset, int Length, int Inline)> _chunks = [];
    private readonly Dictionary<int, RenderKey> _keys = [];
    private long _recordsLength;
    private bool _ended;
    private bool _kept;

    /// <summary>Starts the state of the index of <paramref name="documents"/> written into <paramref name="outputDirectory"/>.</summary>
    /// <param name="digests">each document's <see cref="SearchState.DigestOf"/>, in id order.</param>
    public SearchStateWriter(string cacheDirectory, string outputDirectory, IReadOnlyList<PublishedDocument> documents, IReadOnlyList<Digest128> digests)
    {
        Directory.CreateDirectory(cacheDirectory);
        _file = SearchState.FileFor(cacheDirectory, outputDirectory);
        _temporary = _file + $".{Guid.NewGuid():N}.tmp";
        _stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        Append(SearchState.Header(outputDirectory, documents));
        var perDocument = new byte[SearchState.DocumentBytes];
        for (var id = 0; id < documents.Count; id++)
        {
            digests[id].WriteLittleEndian(perDocument);
            Append(perDocument);
        }
    }

    /// <summary>
    /// Adds the term records (<see cref="TermRecord"/>) of chunk <paramref name="index"/>, sorted by their UTF-8, with the bytes
    /// its terms take in it as the chunk count is reckoned; from several threads at once.
    /// </summary>
    public void Chunk(int index, ReadOnlySpan<byte> records, int inline)
    {
        lock (_stream)
        {
            var at = _recordsLength;
            Append(records);
            _recordsLength += records.Length;
            _chunks.Add(index, (at, records.Length, inline));
        }
    }

    /// <summary>The key of chunk <paramref name="index"/>'s content (<see cref="IndexFile.KeyOf"/>); from several threads at once.</summary>
    public void Key(int index, RenderKey key)
    {
        lock (_stream)
        {
            _keys[index] = key;
        }
    }

    /// <summary>Closes the file with the table of its chunks and its checksum: every chunk has been added.</summary>
    public void End()
    {
        var chunks = _chunks.Count;
        var entry = new byte[SearchState.ChunkBytes];
        for (var c = 0; c < chunks; c++)
        {
            if (!_chunks.TryGetValue(c, out var chunk))
            {
                throw new InvalidOperationException($"the search index's state has no records for term chunk {c}");
            }

            BinaryPrimitives.WriteInt64LittleEndian(entry, chunk.Offset);
            BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(8), chunk.Length);
            BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(12), chunk.Inline);
            _keys.GetValueOrDefault(c).Value.WriteLittleEndian(entry.AsSpan(16));
            Append(entry);
        }

        BinaryPrimitives.WriteInt32LittleEndian(entry, chunks);
        Append(entry.AsSpan(0, 4));
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
