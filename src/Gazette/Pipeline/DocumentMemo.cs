using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Gazette.Integrity;
using Gazette.Model;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// What the batch stages of the last build made of each published document — its page's render key, the SHA-256 of its text,
/// its search digest and snippet, and the withheld passages it holds — kept in the build cache, so that a document whose file
/// and whose surroundings are as they were is neither read, screened, converted, planned nor keyed again. A document's page is
/// made from its file, from its surroundings (its own metadata and that of the documents its page shows: <see cref="Metadata"/>)
/// and from the rest of the build: the addresses of the published documents (its body's <c>doc:</c> links), the other files of
/// content/, the theme, the date the privacy screen judges by, the withheld passages and Gazette itself. These make the memo's
/// context (<see cref="Context"/>): when it differs from the recorded one nothing recorded is used. Within it a document is
/// known by the digest of its file and of its surroundings (<see cref="Combine"/>), so a change to one document's metadata
/// makes only the pages that show it again. A document whose batch stages reported anything, or with text attachments, is not
/// recorded: it is made each time, so its diagnostics are always reported.
/// </summary>
public sealed class DocumentMemo
{
    private const string Magic = "GAZETTE-MEMO-3";

    private readonly string _file;
    private readonly Digest128 _context;
    private readonly Dictionary<string, Entry> _previous;
    private readonly Dictionary<string, Entry> _now = new(StringComparer.Ordinal);

    private DocumentMemo(string file, Digest128 context, Dictionary<string, Entry> previous)
    {
        _file = file;
        _context = context;
        _previous = previous;
    }

    /// <summary>What one document's batch stages gave: enough to keep its page, and to index and list it unread.</summary>
    /// <param name="Digest">the digest of the document file's bytes this was made from (in the memo's context: a memo of another is not read).</param>
    /// <param name="Shared">the withheld passages the document holds (its metadata or body text), set aside from the audit.</param>
    public sealed record Entry(Digest128 Digest, RenderKey PageKey, string TextSha256, Digest128 SearchDigest, string Snippet, string[] Shared);

    /// <summary>The digest of this build's context (<see cref="Context"/>), which the memo was opened in.</summary>
    public Digest128 ContextDigest => _context;

    /// <summary>How many documents were taken from the memo rather than made.</summary>
    public int Recalled { get; private set; }

    /// <summary>
    /// The memo of the site whose content/ is <paramref name="contentDirectory"/>, for a build whose <see cref="Context"/> is
    /// <paramref name="context"/>: empty when there is none, it cannot be read, or it was made in another context.
    /// </summary>
    public static DocumentMemo Open(string cacheDirectory, string contentDirectory, Digest128 context) =>
        Open(Read(cacheDirectory, contentDirectory), context);

    /// <summary>The memo <see cref="Read"/> read (on another thread, while the context was made), if it was made in <paramref name="context"/>.</summary>
    public static DocumentMemo Open(Recorded recorded, Digest128 context) =>
        new(recorded.File, context, recorded.Context == context ? recorded.Entries : new(StringComparer.Ordinal));

    /// <summary>
    /// Reads the memo of the site whose content/ is <paramref name="contentDirectory"/> whatever its context, for <see cref="Open(Recorded, Digest128)"/>
    /// once the context is known; nothing when there is none or it cannot be read.
    /// </summary>
    public static Recorded Read(string cacheDirectory, string contentDirectory)
    {
        var file = CacheWriting.FileFor(cacheDirectory, "memo", contentDirectory);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var context = Digest128.Zero;
        try
        {
            if (File.Exists(file))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
                var reader = new CacheReader(stream);
                if (reader.ReadString() == Magic)
                {
                    context = reader.ReadDigest();
                    var count = reader.ReadCount();
                    entries.EnsureCapacity(count);
                    for (; count > 0; count--)
                    {
                        var path = reader.ReadString();
                        var (digest, key, text, search, snippet) = (reader.ReadDigest(), new RenderKey(reader.ReadDigest()), reader.ReadString(), reader.ReadDigest(), reader.ReadString());
                        var passages = reader.ReadCount();
                        var shared = passages == 0 ? [] : new string[passages]; // most share none: one empty array for all
                        for (var k = 0; k < shared.Length; k++)
                        {
                            shared[k] = reader.ReadString();
                        }

                        entries[path] = new Entry(digest, key, text, search, snippet, shared);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException or FormatException)
        {
            entries.Clear(); // a cache is only a cache: without it every document is made
        }

        return new Recorded(file, entries.Count == 0 ? Digest128.Zero : context, entries);
    }

    /// <summary>A memo as <see cref="Read"/> read it: its file, the context it was made in, and its entries by path.</summary>
    public sealed record Recorded(string File, Digest128 Context, Dictionary<string, Entry> Entries);

    /// <summary>
    /// The context of a build's documents: everything but a document's own file and its surroundings (<see cref="Metadata"/>)
    /// that its batch stages depend on.
    /// </summary>
    /// <param name="content">the digest of the files of content/ other than the documents' (<see cref="ParsedDocumentCache.Context"/>).</param>
    /// <param name="pages">what every page shares (<see cref="KeyPages.Shared"/>: Gazette, the theme, the asset addresses, the site).</param>
    /// <param name="archive">the published documents: the id and address of each, which a body's <c>doc:</c> links are made from.</param>
    /// <param name="today">the date the privacy screen judges birth dates by.</param>
    /// <param name="withheld">the digest of the withheld passages, before any is set aside.</param>
    public static Digest128 Context(Digest128 content, ReadOnlySpan<byte> pages, Archive archive, DateOnly today, Sha256Digest withheld)
    {
        var hash = new XxHash128();
        hash.Append(BuildIdentity.Bytes);
        content.AppendTo(hash);
        hash.Append(pages);
        Span<byte> day = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(day, today.DayNumber);
        hash.Append(day);
        hash.Append(withheld);
        foreach (var document in archive.Documents)
        {
            hash.Append(Encoding.UTF8.GetBytes(document.Id + "\0" + document.Url + "\0"));
        }

        return Digest128.Of(hash);
    }

    /// <summary>
    /// The metadata of each published document, in the archive's order: the digest of its own (<see cref="DocumentCodec"/>, its
    /// 索引号 and address), and the digest of its surroundings — its own and that of every document its page shows (the policy it
    /// interprets, its interpretations, the documents that repealed or amended it, its successor). A document whose file and
    /// surroundings are as they were is the same in its memo's context (<see cref="Combine"/>); the pages that list documents
    /// depend on every document's own (<see cref="Listings"/>).
    /// </summary>
    /// <param name="parsed">
    /// the digest of a document's metadata as it was parsed, by its file (<see cref="ParsedDocumentCache.MetadataOf"/>): its own
    /// digest is made of that, its 索引号 and its address instead of all its metadata serialized again (which it is when there
    /// is none). In the memo's
    /// context (the rest of content/, Gazette and the date) its metadata follows from those alone: the 索引号 assigned to it is
    /// in it, and the privacy screen's masks follow from the parse and the date.
    /// </param>
    public static (Digest128[] Own, Digest128[] Surroundings) Metadata(Archive archive, Func<string, Digest128?> parsed)
    {
        var documents = archive.Documents;
        var own = new Digest128[documents.Count];
        Parallel.For(0, documents.Count, () => new MemoryStream(), (i, _, buffer) =>
        {
            buffer.SetLength(0);
            var document = documents[i];
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                if (parsed(document.Source.Source.Path) is { } metadata)
                {
                    writer.Write((byte)1);
                    writer.Write(metadata);
                }
                else
                {
                    writer.Write((byte)0);
                    DocumentCodec.Write(writer, document.Source);
                }

                writer.Write(document.IndexNumber);
                writer.Write(document.Url);
            }

            own[i] = Digest128.Of(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            return buffer;
        }, _ => { });

        var surroundings = new Digest128[documents.Count];
        Parallel.For(0, documents.Count, () => new XxHash128(), (i, _, hash) =>
        {
            var source = documents[i].Source;
            hash.Reset();
            void Add(Digest128 value) => value.AppendTo(hash);

            void AddFound(string? id)
            {
                Add(id is not null && archive.Find(id) is { } found ? own[archive.IndexOf(found)] : Digest128.Zero);
            }

            void AddAll(IEnumerable<PublishedDocument> related)
            {
                foreach (var document in related)
                {
                    Add(own[archive.IndexOf(document)]);
                }

                Add(Digest128.MaxValue); // the end of a list
            }

            Add(own[i]);
            AddFound(source.Interprets);
            AddAll(archive.InterpretationsOf(source.Id));
            AddAll(archive.SupersededBy(source.Id));
            AddFound(source.Validity.SuccessorId);
            surroundings[i] = Digest128.Of(hash);
            return hash;
        }, _ => { });

        return (own, surroundings);
    }

    /// <summary>The digest the memo knows a document by: that of its file's bytes and that of its surroundings (<see cref="Metadata"/>).</summary>
    public static Digest128 Combine(Digest128 file, Digest128 surroundings)
    {
        Span<byte> bytes = stackalloc byte[32];
        file.WriteLittleEndian(bytes);
        surroundings.WriteLittleEndian(bytes[16..]);
        return Digest128.Of(bytes);
    }

    /// <summary>
    /// The context of the pages that list documents, the sitemap, the feeds and Netlify's files (<see cref="ContextOutputs"/>):
    /// this memo's, every published document's own metadata (<see cref="Metadata"/>), in order, and the theme's response
    /// headers (<c>theme/_headers</c>, which Netlify's <c>_headers</c> is made from and no page shows).
    /// </summary>
    public Digest128 Listings(Digest128[] own, string? themeHeaders)
    {
        var hash = new XxHash128();
        _context.AppendTo(hash);
        hash.Append(MemoryMarshal.AsBytes(own.AsSpan()));
        hash.Append(themeHeaders is null ? [0] : Encoding.UTF8.GetBytes("\u0001" + themeHeaders));
        return Digest128.Of(hash);
    }

    /// <summary>
    /// The key of an output made from the document file at <paramref name="path"/> alone, whose bytes have <paramref name="digest"/>,
    /// in this memo's context (its open data: <paramref name="output"/> names which): the same in a build of the same context and
    /// file, another when either differs. Kept with the file it keys (<see cref="WriteSite.Reuse"/>), not in the memo.
    /// </summary>
    public RenderKey KeyOf(string path, Digest128 digest, string output)
    {
        // The context, the digest, then output + "\0" + path in UTF-8, hashed at once (a key for each of 100,000 documents)
        var length = 32 + Encoding.UTF8.GetByteCount(output) + 1 + Encoding.UTF8.GetByteCount(path);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var bytes = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
        _context.WriteLittleEndian(bytes);
        digest.WriteLittleEndian(bytes[16..]);
        var at = 32 + Encoding.UTF8.GetBytes(output, bytes[32..]);
        bytes[at] = 0;
        Encoding.UTF8.GetBytes(path, bytes[(at + 1)..]);
        var value = Digest128.Of(bytes);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return new RenderKey(value.NotZero);
    }

    /// <summary>What the document file at <paramref name="path"/>, whose bytes have <paramref name="digest"/>, gave in the last build, or null.</summary>
    public Entry? Find(string path, Digest128 digest) =>
        _previous.TryGetValue(path, out var entry) && entry.Digest == digest ? entry : null;

    /// <summary>Keeps for the next build an entry <see cref="Find"/> gave, which this build used instead of making the document. From one thread.</summary>
    public void Keep(string path, Entry entry)
    {
        _now[path] = entry;
        Recalled++;
    }

    /// <summary>Records what the document file at <paramref name="path"/>, whose bytes have <paramref name="digest"/>, gave. From one thread.</summary>
    public void Remember(string path, Digest128 digest, RenderKey pageKey, string textSha256, Digest128 searchDigest, string snippet, string[] shared) =>
        _now[path] = new Entry(digest, pageKey, textSha256, searchDigest, snippet, shared);

    /// <summary>
    /// Writes the memo of this build — the documents recalled or recorded — once its site is in place (to a new file, then moved
    /// over the old one). A memo that cannot be written is left out.
    /// </summary>
    public void Save()
    {
        if (Recalled == _now.Count && _now.Count == _previous.Count)
        {
            return; // every document as it was
        }

        CacheWriting.Replace(_file, writer =>
        {
            writer.Write(Magic);
            writer.Write(_context);
            writer.Write(_now.Count);
            foreach (var (path, entry) in _now.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.Write(path);
                writer.Write(entry.Digest);
                writer.Write(entry.PageKey.Value);
                writer.Write(entry.TextSha256);
                writer.Write(entry.SearchDigest);
                writer.Write(entry.Snippet);
                writer.Write(entry.Shared.Length);
                foreach (var passage in entry.Shared)
                {
                    writer.Write(passage);
                }
            }
        });
    }
}
