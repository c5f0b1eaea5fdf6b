using System.Buffers;
using Gazette.Diagnostics;
using Gazette.Integrity;
using Gazette.Model;

namespace Gazette.Audit;

/// <summary>
/// The passages of the withheld documents (依申请公开, 不予公开, drafts) that the audit of the built site looks for. A passage
/// that a published document also holds — the same title, a number it cites, a sentence it quotes — is set aside while the
/// published documents are rendered (<see cref="SetAsideShared"/>): it may appear in the site, as part of that document. What is
/// left after that is text only a withheld document holds, and its appearance in any output file is a leak.
/// </summary>
public sealed class WithheldText
{
    /// <summary>Body sentences shorter than this are too common to tell one document from another.</summary>
    public const int MinimumSentence = 16;

    /// <summary>Sentences looked for per withheld document: the longest ones.</summary>
    public const int SentencesPerDocument = 8;

    private const int MinimumTitle = 6;
    private const int MinimumNumber = 5;

    // Characters HTML, JSON or CSV escape; a passage is cut at them so that it reads the same in every output format.
    private static readonly SearchValues<char> Escaped = SearchValues.Create("\"'&<>\\\r\n\t");
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？；!?;\n");

    private readonly WithheldPassage[] _passages;
    private readonly Dictionary<char, int[]> _byFirst;
    private readonly Dictionary<string, int> _byText;
    private readonly int[] _shared;
    private int _sharedCount;

    // A published text is looked through as UTF-8 bytes for the passages that have a UTF-8 form without U+FFFD (as the audit
    // looks through files: Utf8PassageSearch, many times faster on Chinese than SearchValues<string>, which looks up each
    // non-ASCII character in a dictionary), and as text for the others (usually none). Made when a text is first looked
    // through: a build that recalls every document from the build cache looks through none.
    private readonly Lazy<Searches> _searches;

    public WithheldText(IEnumerable<WithheldPassage> passages)
    {
        // One passage per text: the first document that holds it names it.
        _passages = passages.DistinctBy(p => p.Text, StringComparer.Ordinal).ToArray();
        _shared = new int[_passages.Length];
        _byText = _passages.Select((p, i) => (p.Text, i)).ToDictionary(x => x.Text, x => x.i, StringComparer.Ordinal);
        _byFirst = _passages.Select((p, i) => (p.Text[0], i)).GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
        _searches = new(() => new Searches(_passages), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static WithheldText None { get; } = new([]);

    /// <summary>The passages no published document holds: the ones whose appearance in the site is a leak.</summary>
    public IReadOnlyList<WithheldPassage> Unshared() => _passages.Where((_, i) => Volatile.Read(ref _shared[i]) == 0).ToList();

    /// <summary>
    /// The SHA-256 of what the audit looks for (the unshared passages' texts and whether file names are checked for them, in
    /// order): a file audited against the same digest need not be read again.
    /// </summary>
    public Sha256Digest Digest()
    {
        using var sha256 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var passage in Unshared().OrderBy(p => p.Text, StringComparer.Ordinal))
        {
            sha256.AppendData(System.Text.Encoding.UTF8.GetBytes(passage.Text + (passage.InPaths ? "\0p\n" : "\0\n")));
        }

        var digest = default(Sha256Digest);
        sha256.GetHashAndReset(digest);
        return digest;
    }

    /// <summary>The passages of one withheld document: title, numbers, and its longest sentences from summary and body text.</summary>
    /// <param name="bodyMarkdown">the body as written, to find the line of a sentence.</param>
    /// <param name="bodyText">the body as plain text (what the search index and pages show).</param>
    public static IEnumerable<WithheldPassage> Of(Document document, string bodyMarkdown, string bodyText)
    {
        if (LongestSegment(document.Title) is { Length: >= MinimumTitle } title)
        {
            yield return new WithheldPassage(title, document.Id, "title", document.At("title"));
        }

        if (document.DocNumber is { } number && LongestSegment(number) is { Length: >= MinimumNumber } n)
        {
            yield return new WithheldPassage(n, document.Id, "document number", document.At("doc_number"));
        }

        if (document.IndexNumber is { Length: >= MinimumNumber } index && LongestSegment(index) == index)
        {
            yield return new WithheldPassage(index, document.Id, "index number", document.At("index_number"), InPaths: true);
        }

        var sentences = Sentences(document.Summary ?? "").Select(s => (s, At: document.At("summary")))
            .Concat(Sentences(bodyText).Select(s => (s, At: BodyLocation(document, bodyMarkdown, s))))
            .DistinctBy(x => x.s, StringComparer.Ordinal)
            .OrderByDescending(x => x.s.Length).ThenBy(x => x.s, StringComparer.Ordinal)
            .Take(SentencesPerDocument);
        foreach (var (sentence, at) in sentences)
        {
            yield return new WithheldPassage(sentence, document.Id, "sentence", at);
        }
    }

    /// <summary>Sets aside every passage that <paramref name="text"/>, the text of a published document, holds. Thread-safe.</summary>
    public void SetAsideShared(string? text) => SetAside(text, found: null);

    /// <summary>
    /// Sets aside the passages a published document holds: in its metadata, body text or text attachments. Thread-safe.
    /// Returns their texts, which <see cref="SetAside(IEnumerable{string})"/> sets aside again in a build that does not read the document.
    /// </summary>
    public string[] SetAsideShared(PublishedDocument document, RenderedBody body, IReadOnlyList<byte[]?> textAttachments)
    {
        if (_passages.Length == 0)
        {
            return [];
        }

        var found = new HashSet<int>();
        var d = document.Source;
        SetAside(string.Join('\n', d.Title, d.DocNumber, document.IndexNumber, d.Summary), found);
        SetAside(body.Text, found);
        foreach (var bytes in textAttachments)
        {
            SetAside(bytes is null ? null : System.Text.Encoding.UTF8.GetString(bytes), found);
        }

        return [.. found.Order().Select(i => _passages[i].Text)];
    }

    /// <summary>Sets aside the passages of these texts (as <see cref="SetAsideShared(PublishedDocument, RenderedBody, IReadOnlyList{byte[]})"/> returned them); a text no passage has is passed over. Thread-safe.</summary>
    public void SetAside(IEnumerable<string> passages)
    {
        foreach (var text in passages)
        {
            if (_byText.TryGetValue(text, out var i))
            {
                MarkShared(i);
            }
        }
    }

    private void SetAside(string? text, HashSet<int>? found)
    {
        if (_passages.Length == 0 || string.IsNullOrEmpty(text))
        {
            return;
        }

        var hits = new HashSet<int>();
        var searches = _searches.Value;
        if (searches.Bytes is not null)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
            var length = System.Text.Encoding.UTF8.GetBytes(text, buffer);
            var inBytes = new HashSet<int>();
            searches.Bytes.Find(buffer.AsSpan(0, length), inBytes);
            ArrayPool<byte>.Shared.Return(buffer);
            hits.UnionWith(inBytes.Select(b => searches.ByBytes[b]));
        }

        if (searches.Decoded is not null)
        {
            hits.UnionWith(Find(text, searches.Decoded));
        }

        foreach (var i in hits)
        {
            MarkShared(i);
            found?.Add(i);
        }
    }

    private void MarkShared(int i)
    {
        if (Interlocked.Exchange(ref _shared[i], 1) == 0)
        {
            Interlocked.Increment(ref _sharedCount);
        }
    }

    /// <summary>How many passages have been set aside so far: a published document holds them.</summary>
    public int SharedCount => Volatile.Read(ref _sharedCount);

    /// <summary>Whether no published document seen so far holds <paramref name="passage"/>'s text.</summary>
    public bool IsUnshared(WithheldPassage passage) => _byText.TryGetValue(passage.Text, out var i) && Volatile.Read(ref _shared[i]) == 0;

    /// <summary>A finder of the passages no published document holds, once every published text has been seen.</summary>
    public PassageFinder Finder() => new(Unshared());

    /// <summary>The indexes of the passages found in <paramref name="text"/> (each once).</summary>
    private HashSet<int> Find(ReadOnlySpan<char> text, SearchValues<string> search)
    {
        var found = new HashSet<int>();
        for (var from = 0; from < text.Length;)
        {
            var at = text[from..].IndexOfAny(search);
            if (at < 0)
            {
                break;
            }

            at += from;
            foreach (var i in _byFirst[text[at]])
            {
                if (text[at..].StartsWith(_passages[i].Text, StringComparison.Ordinal))
                {
                    found.Add(i);
                }
            }

            from = at + 1;
        }

        return found;
    }

    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        foreach (var range in text.AsSpan().SplitAny(SentenceEnds))
        {
            sentences.AddRange(Segments(text[range]).Where(s => s.Length >= MinimumSentence));
        }

        return sentences;
    }

    private static string? LongestSegment(string text) => Segments(text).MaxBy(s => s.Length);

    /// <summary>The runs of a text between characters an output format would escape, trimmed.</summary>
    private static List<string> Segments(string text)
    {
        var segments = new List<string>();
        foreach (var range in text.AsSpan().SplitAny(Escaped))
        {
            var segment = text[range].Trim();
            if (segment.Length > 0)
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    private static SourceLocation BodyLocation(Document document, string markdown, string sentence)
    {
        var at = markdown.IndexOf(sentence, StringComparison.Ordinal);
        if (at < 0)
        {
            return document.Source with { Line = document.BodyLine, Column = 1 };
        }

        var lineStart = markdown.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var line = markdown.AsSpan(0, at).Count('\n');
        return document.Source with { Line = document.BodyLine + line, Column = at - lineStart + 1 };
    }

    /// <summary>The searches a text is looked through with for the passages (see <see cref="_searches"/>).</summary>
    private sealed class Searches
    {
        public Searches(WithheldPassage[] passages)
        {
            var utf8 = passages.Select(p => p.Text.Contains('\uFFFD', StringComparison.Ordinal) ? null : PassageFinder.StrictUtf8(p.Text)).ToArray();
            ByBytes = [.. Enumerable.Range(0, passages.Length).Where(i => utf8[i] is not null)];
            Bytes = ByBytes.Length == 0 ? null : new Utf8PassageSearch([.. ByBytes.Select(i => utf8[i]!)]);
            var decoded = Enumerable.Range(0, passages.Length).Where(i => utf8[i] is null).Select(i => passages[i].Text).ToArray();
            Decoded = decoded.Length == 0 ? null : SearchValues.Create(decoded, StringComparison.Ordinal);
        }

        /// <summary>The passages' UTF-8 forms, searched for together; null when none has one.</summary>
        public Utf8PassageSearch? Bytes { get; }

        /// <summary>Which passage each of <see cref="Bytes"/>'s strings is.</summary>
        public int[] ByBytes { get; }

        /// <summary>The passages with no UTF-8 form (holding U+FFFD), searched for as text; null when there are none.</summary>
        public SearchValues<string>? Decoded { get; }
    }
}
