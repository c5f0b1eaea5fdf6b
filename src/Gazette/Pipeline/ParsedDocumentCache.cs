using System.IO.Hashing;
using System.Text;
using Gazette.Audit;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// What <see cref="ParseDocuments"/> made of each document file in the last build — the <see cref="Document"/> (or none) and
/// the diagnostics of its front matter — kept in the build cache, so that a build reads and parses only the documents that
/// changed. A file is taken as unchanged when its size and time of last writing are those recorded (as git does), or, when
/// they are not (a fresh clone, a restored cache), when its bytes have the recorded 128-bit digest. A document's parse depends
/// on its own file and on the rest of content/ (the vocabularies of site.yml, organs.yml, topics, genres and catalogue, and
/// the files an attachment names): when any file of content/ but a document's Markdown changes, or Gazette itself, every
/// document is parsed again. The copy is one binary file (<see cref="DocumentCodec"/>), rewritten only when something changed.
/// </summary>
public sealed class ParsedDocumentCache
{
    private const string Magic = "GAZETTE-PARSED-5";

    /// <summary>Entries a segment of the file has: the segments are read on several threads.</summary>
    private const int SegmentSize = 4096;

    /// <summary>
    /// A file written this close to the build's start may be written again within the same tick of the file system's clock
    /// (a few milliseconds here) and keep its size: its time is not trusted next time, its bytes are compared (git's "racy" files).
    /// </summary>
    private static readonly long Racy = TimeSpan.FromSeconds(2).Ticks;

    /// <summary>This build of Gazette (<see cref="BuildIdentity"/>): a parse recorded by another is not used.</summary>
    private static readonly Digest128 ThisBuild = Digest128.ReadLittleEndian(BuildIdentity.Bytes);

    private readonly long _started = DateTime.UtcNow.Ticks;

    private readonly string _file;
    private readonly Dictionary<string, Entry> _previous;
    private readonly Dictionary<string, Entry> _now = new(StringComparer.Ordinal);
    private Digest128 _recordedContext;
    private Digest128 _context;
    private bool _changed;

    private ParsedDocumentCache(string file, Digest128 recordedContext, Dictionary<string, Entry> previous)
    {
        _file = file;
        _recordedContext = recordedContext;
        _previous = previous;
    }

    /// <summary>The cache of the site whose content/ is <paramref name="contentDirectory"/>, empty when there is none or it cannot be read.</summary>
    public static ParsedDocumentCache Open(string cacheDirectory, string contentDirectory)
    {
        var file = CacheWriting.FileFor(cacheDirectory, "documents", contentDirectory);
        var empty = new ParsedDocumentCache(file, Digest128.Zero, new Dictionary<string, Entry>(StringComparer.Ordinal));
        try
        {
            if (!File.Exists(file))
            {
                return empty;
            }

            Digest128 context;
            (long Offset, int Count)[] segments;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
            {
                var reader = new CacheReader(stream, 4096);
                if (reader.ReadString() != Magic || reader.ReadDigest() != ThisBuild)
                {
                    return empty;
                }

                context = reader.ReadDigest();
                segments = Segments(stream.SafeFileHandle, stream.Length);
            }

            // The segments on several threads, each from its own reader
            var read = new Entry[segments.Length][];
            Parallel.For(0, segments.Length, i => read[i] = ReadSegment(file, segments[i].Offset, segments[i].Count));
            var entries = new Dictionary<string, Entry>(read.Sum(r => r.Length), StringComparer.Ordinal);
            foreach (var entry in read.SelectMany(r => r))
            {
                entries[entry.Path] = entry;
            }

            return new ParsedDocumentCache(file, context, entries);
        }
        catch (Exception e) when (Unreadable(e) || e is AggregateException all && all.Flatten().InnerExceptions.All(Unreadable))
        {
            return empty; // a cache is only a cache: without it every document is parsed
        }

        static bool Unreadable(Exception e) => e is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException or FormatException;
    }

    /// <summary>The table of the segments of the entries (where each begins, how many entries it has), from the end of the file.</summary>
    private static (long Offset, int Count)[] Segments(Microsoft.Win32.SafeHandles.SafeFileHandle file, long length)
    {
        Span<byte> trailer = stackalloc byte[8];
        if (length < trailer.Length || RandomAccess.Read(file, trailer, length - trailer.Length) != trailer.Length)
        {
            throw new EndOfStreamException("the cache file ends early");
        }

        var tableAt = BitConverter.ToInt64(trailer);
        if (tableAt < 0 || tableAt > length - trailer.Length || length - trailer.Length - tableAt > 1 << 24)
        {
            throw new FormatException("the cache file's table of segments is not in it");
        }

        var bytes = new byte[length - trailer.Length - tableAt];
        if (RandomAccess.Read(file, bytes, tableAt) != bytes.Length)
        {
            throw new EndOfStreamException("the cache file ends early");
        }

        var table = new CacheReader(bytes);
        var segments = new (long Offset, int Count)[table.ReadCount()];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = (table.ReadInt64(), table.ReadCount());
            if (segments[i].Offset < 0 || segments[i].Offset >= tableAt)
            {
                throw new FormatException("a segment of the cache file is not in it");
            }
        }

        return segments;
    }

    /// <summary>The <paramref name="count"/> entries of the segment of the cache file that begins at <paramref name="offset"/>.</summary>
    private static Entry[] ReadSegment(string file, long offset, int count)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        stream.Position = offset;
        var reader = new CacheReader(stream, 1 << 18);
        var shared = new SharedTexts();
        var entries = new Entry[count];
        for (var i = 0; i < count; i++)
        {
            var path = reader.ReadString();
            var (size, modified, digest, metadata) = (reader.ReadInt64(), reader.ReadInt64(), reader.ReadDigest(), reader.ReadDigest());
            var document = reader.ReadBoolean() ? DocumentCodec.ReadDocument(reader, shared) : null;
            var diagnostics = reader.ReadCount() is var reported and > 0 ? new Diagnostic[reported] : [];
            for (var k = 0; k < diagnostics.Length; k++)
            {
                diagnostics[k] = DocumentCodec.ReadDiagnostic(reader);
            }

            var passages = reader.ReadBoolean() ? new WithheldPassage[reader.ReadCount()] : null;
            for (var k = 0; k < passages?.Length; k++)
            {
                passages[k] = DocumentCodec.ReadPassage(reader);
            }

            path = document?.Source.Path == path ? document.Source.Path : path; // one string of the path, the document's
            entries[i] = new Entry(path, size, modified, digest, document, diagnostics) { Passages = passages, Metadata = metadata };
        }

        return entries;
    }

    /// <summary>
    /// Takes the files of content/ other than the documents' Markdown (read whole, before the documents): when any differs
    /// from the last build's, no recorded parse is used.
    /// </summary>
    public void Begin(IEnumerable<ContentFile> others)
    {
        var hash = new XxHash128();
        foreach (var file in others.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            hash.Append(Encoding.UTF8.GetBytes(file.Path + "\n" + file.Size + "\n" + file.Text + "\n\0"));
        }

        _context = Digest128.Of(hash);
        _changed |= _context != _recordedContext;
    }

    /// <summary>The digest of the files of content/ other than the documents' (<see cref="Begin"/>).</summary>
    public Digest128 Context => _context;

    /// <summary>The digest of the bytes of the document file at <paramref name="path"/> as this build parsed it, or null when it did not.</summary>
    public Digest128? DigestOf(string path) => _now.TryGetValue(path, out var entry) ? entry.Digest : null;

    /// <summary>Whether the document file at <paramref name="path"/> was parsed before as it is now, by its size and time.</summary>
    public bool Knows(string path, long size, long modified) =>
        _context == _recordedContext && _previous.TryGetValue(path, out var entry) && entry.Size == size && entry.Modified == modified;

    /// <summary>Whether the document file at <paramref name="path"/> was parsed before as it is now, by the digest of its bytes.</summary>
    public bool Knows(string path, Digest128 digest) =>
        _context == _recordedContext && _previous.TryGetValue(path, out var entry) && entry.Digest == digest;

    /// <summary>
    /// The recorded parse of a file <see cref="Knows(string, long, long)"/> holds (the same size and time now: so the new copy
    /// records the file as it is now). Its diagnostics go to <paramref name="diagnostics"/>; the document is returned.
    /// </summary>
    public Document? Recall(ContentFile file, DiagnosticBag diagnostics)
    {
        var entry = _previous[file.Path];
        if (entry.Size != file.Size || entry.Modified != Trusted(file.Modified))
        {
            entry = entry with { Size = file.Size, Modified = Trusted(file.Modified) };
            _changed = true;
        }

        _now[file.Path] = entry;
        diagnostics.AddRange(entry.Diagnostics);
        return entry.Document;
    }

    /// <summary>Records what parsing <paramref name="file"/> gave.</summary>
    public void Remember(ContentFile file, Document? document, IReadOnlyList<Diagnostic> diagnostics)
    {
        _now[file.Path] = new Entry(file.Path, file.Size, Trusted(file.Modified), file.Digest, document, [.. diagnostics])
        {
            Metadata = document is null ? Digest128.Zero : DocumentCodec.Digest(document),
        };
        _changed = true;
    }

    /// <summary>
    /// The digest of the metadata of the document this build parsed or recalled from the file at <paramref name="path"/>, as it
    /// was parsed (<see cref="DocumentCodec.Digest"/>), or null when there is none.
    /// </summary>
    public Digest128? MetadataOf(string path) => _now.TryGetValue(path, out var entry) && entry.Document is not null ? entry.Metadata : null;

    /// <summary>
    /// What the audit looks for of the withheld document file at <paramref name="path"/> (<see cref="WithheldText.Of"/>), as
    /// recorded with the parse this build recalled; null when none was (the file changed, or its passages were never taken).
    /// </summary>
    public IReadOnlyList<WithheldPassage>? PassagesOf(string path) => _now.TryGetValue(path, out var entry) ? entry.Passages : null;

    /// <summary>Records the passages taken from the withheld document file at <paramref name="path"/>, parsed by this build.</summary>
    public void RememberPassages(string path, IEnumerable<WithheldPassage> passages)
    {
        if (_now.TryGetValue(path, out var entry))
        {
            _now[path] = entry with { Passages = [.. passages] };
            _changed = true;
        }
    }

    /// <summary>
    /// Writes the new copy — the documents of this build, as recorded or parsed — when anything changed (written to a new
    /// file, then moved over the old one, so the copy is never half-written). A cache that cannot be written is left out.
    /// </summary>
    public void Save()
    {
        if (!_changed && _now.Count == _previous.Count)
        {
            return;
        }

        var saved = CacheWriting.Replace(_file, writer =>
        {
            writer.Write(Magic);
            writer.Write(ThisBuild);
            writer.Write(_context);

            // The entries in segments, read back on several threads, then the table of the segments and where it begins
            var segments = new List<(long Offset, int Count)>();
            foreach (var segment in _now.Values.OrderBy(e => e.Path, StringComparer.Ordinal).Chunk(SegmentSize))
            {
                writer.Flush();
                segments.Add((writer.BaseStream.Position, segment.Length));
                foreach (var entry in segment)
                {
                    Write(writer, entry);
                }
            }

            writer.Flush();
            var tableAt = writer.BaseStream.Position;
            writer.Write(segments.Count);
            foreach (var (offset, count) in segments)
            {
                writer.Write(offset);
                writer.Write(count);
            }

            writer.Write(tableAt);
        });
        if (saved)
        {
            _previous.Clear();
            _recordedContext = _context;
            _changed = false;
        }
    }

    private static void Write(BinaryWriter writer, Entry entry)
    {
        writer.Write(entry.Path);
        writer.Write(entry.Size);
        writer.Write(entry.Modified);
        writer.Write(entry.Digest);
        writer.Write(entry.Metadata);
        writer.Write(entry.Document is not null);
        if (entry.Document is not null)
        {
            DocumentCodec.Write(writer, entry.Document);
        }

        writer.Write(entry.Diagnostics.Length);
        foreach (var diagnostic in entry.Diagnostics)
        {
            DocumentCodec.Write(writer, diagnostic);
        }

        writer.Write(entry.Passages is not null);
        if (entry.Passages is not null)
        {
            writer.Write(entry.Passages.Length);
            foreach (var passage in entry.Passages)
            {
                DocumentCodec.Write(writer, passage);
            }
        }
    }

    /// <summary>The time of last writing to record for a file: none (<see cref="long.MinValue"/>, never matched) when it is racy.</summary>
    private long Trusted(long modified) => modified > _started - Racy ? long.MinValue : modified;

    /// <summary>
    /// One document file: its size, time of last writing (ticks, UTC) and digest when parsed, what the parse gave and, for a
    /// withheld document, what the audit looks for of it (none until taken), and the digest of the document's metadata.
    /// </summary>
    private sealed record Entry(string Path, long Size, long Modified, Digest128 Digest, Document? Document, Diagnostic[] Diagnostics)
    {
        public WithheldPassage[]? Passages { get; init; }

        /// <summary>The digest of the document's metadata as parsed (<see cref="DocumentCodec.Digest"/>); 0 without a document.</summary>
        public Digest128 Metadata { get; init; }
    }
}
