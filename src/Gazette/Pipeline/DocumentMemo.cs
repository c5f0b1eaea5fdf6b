using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Gazette.Integrity;
using Gazette.Model;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// What the batch stages of the last build made of each published document that only its own file decides — its page's
/// render key, the SHA-256 of its text, its search digest and snippet, and the withheld passages it holds — kept in the build
/// cache, so that a document whose file and whose surroundings are as they were is neither read, screened, converted, planned
/// nor keyed again. A document's body is rendered from its file and from the rest of the build: every document's metadata
/// (links, the pages that show it), the other files of content/, the theme, the date the privacy screen judges by, the
/// withheld passages and Gazette itself; all of these make the memo's context (<see cref="Context"/>), and when it differs
/// from the recorded one nothing recorded is used. A document whose batch stages reported anything, or with text attachments,
/// is not recorded: it is made each time, so its diagnostics are always reported.
/// </summary>
public sealed class DocumentMemo
{
    private const string Magic = "GAZETTE-MEMO-2";

    private readonly string _file;
    private readonly UInt128 _context;
    private readonly Dictionary<string, Entry> _previous;
    private readonly Dictionary<string, Entry> _now = new(StringComparer.Ordinal);

    private DocumentMemo(string file, UInt128 context, Dictionary<string, Entry> previous)
    {
        _file = file;
        _context = context;
        _previous = previous;
    }

    /// <summary>What one document's batch stages gave: enough to keep its page and text file, and to index and list it unread.</summary>
    /// <param name="Digest">the digest of the document file's bytes this was made from (in the memo's context: a memo of another is not read).</param>
    /// <param name="Shared">the withheld passages the document holds (its metadata or body text), set aside from the audit.</param>
    public sealed record Entry(UInt128 Digest, RenderKey PageKey, string TextSha256, UInt128 SearchDigest, string Snippet, string[] Shared);

    /// <summary>The digest of this build's context (<see cref="Context"/>), which the memo was opened in.</summary>
    public UInt128 ContextDigest => _context;

    /// <summary>How many documents were taken from the memo rather than made.</summary>
    public int Recalled { get; private set; }

    /// <summary>
    /// The memo of the site whose content/ is <paramref name="contentDirectory"/>, for a build whose <see cref="Context"/> is
    /// <paramref name="context"/>: empty when there is none, it cannot be read, or it was made in another context.
    /// </summary>
    public static DocumentMemo Open(string cacheDirectory, string contentDirectory, UInt128 context)
    {
        var file = Path.Combine(cacheDirectory, $"memo-{OutputRecord.KeyOf(Path.GetFullPath(contentDirectory)):x16}.bin");
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(file))
            {
                var reader = new CacheReader(File.ReadAllBytes(file));
                if (reader.ReadString() == Magic && reader.ReadUInt128() == context)
                {
                    for (var count = reader.ReadInt32(); count > 0; count--)
                    {
                        var path = reader.ReadString();
                        var (digest, key, text, search, snippet) = (reader.ReadUInt128(), new RenderKey(reader.ReadUInt128()), reader.ReadString(), reader.ReadUInt128(), reader.ReadString());
                        var shared = new string[reader.ReadInt32()];
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

        return new DocumentMemo(file, context, entries);
    }

    /// <summary>
    /// The context of a build's documents: everything but a document's own file that its batch stages depend on.
    /// </summary>
    /// <param name="content">the digest of the files of content/ other than the documents' (<see cref="ParsedDocumentCache.Context"/>).</param>
    /// <param name="pages">what every page shares (<see cref="KeyPages.Shared"/>: Gazette, the theme, the asset addresses, the site).</param>
    /// <param name="documents">every document read, published or not: their metadata.</param>
    /// <param name="today">the date the privacy screen judges birth dates by.</param>
    /// <param name="withheld">the digest of the withheld passages, before any is set aside.</param>
    public static UInt128 Context(UInt128 content, ReadOnlySpan<byte> pages, IReadOnlyList<Document> documents, DateOnly today, Sha256Digest withheld)
    {
        var metadata = new HashingStream(Stream.Null);
        using (var writer = new BinaryWriter(metadata, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(documents.Count);
            foreach (var document in documents)
            {
                DocumentCodec.Write(writer, document);
            }
        }

        var hash = new XxHash128();
        hash.Append(BuildIdentity.Bytes);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, content);
        hash.Append(bytes);
        hash.Append(pages);
        var metadataDigest = metadata.Hash();
        hash.Append(metadataDigest);
        BinaryPrimitives.WriteInt32LittleEndian(bytes, today.DayNumber);
        hash.Append(bytes[..4]);
        hash.Append(withheld);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>
    /// The key of an output made from the document file at <paramref name="path"/> alone, whose bytes have <paramref name="digest"/>,
    /// in this memo's context (its open data: <paramref name="output"/> names which): the same in a build of the same context and
    /// file, another when either differs. Kept with the file it keys (<see cref="WriteSite.Reuse"/>), not in the memo.
    /// </summary>
    public RenderKey KeyOf(string path, UInt128 digest, string output)
    {
        var hash = new XxHash128();
        Span<byte> bytes = stackalloc byte[32];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, _context);
        BinaryPrimitives.WriteUInt128LittleEndian(bytes[16..], digest);
        hash.Append(bytes);
        hash.Append(Encoding.UTF8.GetBytes(output + "\0" + path));
        var value = hash.GetCurrentHashAsUInt128();
        return new RenderKey(value == UInt128.Zero ? UInt128.One : value);
    }

    /// <summary>What the document file at <paramref name="path"/>, whose bytes have <paramref name="digest"/>, gave in the last build, or null.</summary>
    public Entry? Find(string path, UInt128 digest) =>
        _previous.TryGetValue(path, out var entry) && entry.Digest == digest ? entry : null;

    /// <summary>Keeps for the next build an entry <see cref="Find"/> gave, which this build used instead of making the document. From one thread.</summary>
    public void Keep(string path, Entry entry)
    {
        _now[path] = entry;
        Recalled++;
    }

    /// <summary>Records what the document file at <paramref name="path"/>, whose bytes have <paramref name="digest"/>, gave. From one thread.</summary>
    public void Remember(string path, UInt128 digest, RenderKey pageKey, string textSha256, UInt128 searchDigest, string snippet, string[] shared) =>
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
