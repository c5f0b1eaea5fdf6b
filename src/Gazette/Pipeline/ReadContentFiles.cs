using System.Text;
using System.Text.Unicode;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// Reads every file under content/: text files are decoded strictly as UTF-8, others are only listed. Of a Markdown file only
/// the front matter is kept (see <see cref="ContentFile"/>); its body is read again by <see cref="ReadDocumentBodies"/>.
/// With a <see cref="ParsedDocumentCache"/>, the other files are read first, and a document's file whose parse the cache holds
/// for its size and time is only listed (<see cref="ContentFile.Known"/>).
/// </summary>
public sealed class ReadContentFiles
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".yml", ".yaml" };

    public ContentSet Run(BuildOptions options, DiagnosticBag diagnostics, ParsedDocumentCache? parsed = null) =>
        Run(options, diagnostics, parsed is null ? null : Task.FromResult(parsed));

    /// <inheritdoc cref="Run(BuildOptions, DiagnosticBag, ParsedDocumentCache?)"/>
    /// <param name="opening">the cache of parsed documents being read: the other files are read and the documents' sizes and
    /// times taken meanwhile, and it is waited for only then.</param>
    public ContentSet Run(BuildOptions options, DiagnosticBag diagnostics, Task<ParsedDocumentCache>? opening)
    {
        var prefix = options.Relative(options.ContentDirectory).TrimEnd('/') + "/";
        if (!Directory.Exists(options.ContentDirectory))
        {
            diagnostics.Error(new SourceLocation(prefix), Codes.MissingFile, "the content folder does not exist",
                "run gazette from the folder that holds content/ and theme/, or pass --root");
            return new ContentSet(prefix, []);
        }

        // Each file's full path, and its path as diagnostics print it
        var paths = Directory.EnumerateFiles(options.ContentDirectory, "*", SearchOption.AllDirectories).Select(p => (Full: p, Path: options.Relative(p))).ToList();
        if (opening is null)
        {
            using var all = ReadAhead.Start(paths.ConvertAll(p => p.Full));
            return new ContentSet(prefix, diagnostics.MapInParallel(paths.Count, (i, local) => Read(paths[i].Full, paths[i].Path, null, local)));
        }

        var documents = prefix + "documents/";
        var split = paths.ToLookup(p => IsDocument(p.Path, documents));
        var others = split[false].ToList();
        var read = diagnostics.MapInParallel(others.Count, (i, local) => Read(others[i].Full, others[i].Path, null, local));

        // The documents' sizes and times while the cache is read (a file that cannot be looked at is read below, and reported)
        var markdown = split[true].ToList();
        var stats = new (long Size, long Modified)?[markdown.Count];
        using (var folder = new FileStat.Folder(options.ContentDirectory))
        {
            var under = options.ContentDirectory.TrimEnd('/') + "/"; // each file's path from content/, as the folder was listed
            Parallel.For(0, markdown.Count, i => stats[i] = markdown[i].Full.StartsWith(under, StringComparison.Ordinal)
                ? FileStat.Of(folder, markdown[i].Full[under.Length..]) : FileStat.Of(markdown[i].Full));
        }

        var parsed = opening.GetAwaiter().GetResult();
        parsed.Begin(read);

        // Those whose parse the cache does not hold for their size and time are read: ahead, many at once
        using var ahead = ReadAhead.Start([.. markdown.Where((p, i) => stats[i] is not { } stat || !parsed.Knows(p.Path, stat.Size, stat.Modified)).Select(p => p.Full)]);
        return new ContentSet(prefix, [.. read, .. diagnostics.MapInParallel(markdown.Count, (i, local) => Read(markdown[i].Full, markdown[i].Path, parsed, local, stats[i]))]);
    }

    /// <summary>A document's Markdown file: a .md file under content/documents/.</summary>
    private static bool IsDocument(string path, string documents) =>
        path.StartsWith(documents, StringComparison.Ordinal) && path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <param name="path">its path relative to the site root, as diagnostics print it.</param>
    /// <param name="parsed">the cache of parsed documents, for a document's file; null for any other.</param>
    /// <param name="stat">the file's size and time, taken already; null: taken here.</param>
    private static ContentFile Read(string fullPath, string path, ParsedDocumentCache? parsed, DiagnosticBag diagnostics, (long Size, long Modified)? stat = null)
    {
        if (stat is { } taken && parsed is not null && parsed.Knows(path, taken.Size, taken.Modified))
        {
            return new ContentFile(path, fullPath, taken.Size, null) { Modified = taken.Modified, Known = true };
        }

        var info = new FileInfo(fullPath);
        string? text = null;
        long size = 0;
        long modified = 0;
        var digest = Digest128.Zero;
        try
        {
            size = info.Length;
            modified = info.LastWriteTimeUtc.Ticks;
            if (parsed is not null && parsed.Knows(path, size, modified))
            {
                return new ContentFile(path, fullPath, size, null) { Modified = modified, Known = true };
            }

            if (TextExtensions.Contains(info.Extension))
            {
                using var file = PooledFile.Read(fullPath);
                var bytes = file.Bytes;
                if (parsed is not null)
                {
                    digest = Digest128.Of(bytes);
                    if (parsed.Knows(path, digest))
                    {
                        return new ContentFile(path, fullPath, size, null) { Modified = modified, Digest = digest, Known = true };
                    }
                }

                text = info.Extension.Equals(".md", StringComparison.OrdinalIgnoreCase) ? FrontMatterOf(bytes, path, diagnostics) : Decode(bytes, path, diagnostics);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone since it was listed, a link to nothing, or not readable: reported, never a crash.
            diagnostics.Error(new SourceLocation(path), Codes.FileUnreadable, "the file cannot be read: " + e.Message,
                "check that the file exists and can be read, and build again");
        }

        return new ContentFile(path, fullPath, size, text) { Modified = modified, Digest = digest };
    }

    /// <summary>
    /// A Markdown file's text up to the end of its front matter (all of it when it has none, or none closed), after the whole file
    /// was found to be UTF-8 (<see cref="Decode"/> reports where it is not): only as much is decoded as holds the front matter,
    /// a few kilobytes, where the body may be megabytes (it is read again, batch by batch, to be rendered).
    /// </summary>
    private static string? FrontMatterOf(ReadOnlySpan<byte> bytes, string path, DiagnosticBag diagnostics)
    {
        if (!Utf8.IsValid(bytes))
        {
            return Decode(bytes, path, diagnostics);
        }

        // First the text up to the first line that may close the front matter (a front matter is some hundreds of bytes): when
        // it does, that is all; otherwise prefixes of 4 KB, 8 KB, ...
        if (ClosingLineEnd(bytes) is { } closed)
        {
            var text = Decode(bytes[..closed], path, diagnostics)!;
            if (FrontMatter.Split(text) is ({ } frontMatter, _))
            {
                return text[..frontMatter.BodyStart]; // the closing line ends the text, so the body starts where it ends
            }
        }

        for (var length = 4096; ; length *= 2)
        {
            if (length >= bytes.Length)
            {
                return Cut(Decode(bytes, path, diagnostics)!);
            }

            var end = CharacterStart(bytes, length);

            // A closing line ended within the prefix is the file's; one at its very end may go on after it
            var prefix = Decode(bytes[..end], path, diagnostics)!;
            switch (FrontMatter.Split(prefix))
            {
                case ({ } frontMatter, _) when frontMatter.BodyStart < prefix.Length:
                    return prefix[..frontMatter.BodyStart];
                case (_, FrontMatter.Problem.Missing):
                    return Decode(bytes, path, diagnostics);
            }
        }

        // Where the line after the first line of the file that begins "---" or "..." ends (after its line feed), if it has one
        static int? ClosingLineEnd(ReadOnlySpan<byte> bytes)
        {
            var start = bytes.IndexOf((byte)'\n') + 1;
            while (start > 0 && start < bytes.Length)
            {
                var line = bytes[start..];
                var end = line.IndexOf((byte)'\n');
                if (end < 0)
                {
                    return null;
                }

                if (line.StartsWith("---"u8) || line.StartsWith("..."u8))
                {
                    return start + end + 1;
                }

                start += end + 1;
            }

            return null;
        }

        static string Cut(string text) => FrontMatter.Split(text).Result is { } frontMatter ? text[..frontMatter.BodyStart] : text;
    }

    /// <summary>Strict UTF-8 with the BOM dropped and CRLF or CR turned into LF; null (after a GZ0001) when the bytes are not UTF-8.</summary>
    internal static string? Decode(ReadOnlySpan<byte> bytes, string path, DiagnosticBag diagnostics)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var start = ByteOrderMarkLength(bytes);
        try
        {
            var text = strict.GetString(bytes[start..]);
            return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
        }
        catch (DecoderFallbackException e)
        {
            var offset = start + Math.Max(0, e.Index);
            var line = 1 + bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n');
            diagnostics.Error(new SourceLocation(path, line, 1), Codes.FileUnreadable, "the file is not valid UTF-8 text",
                "save the file as UTF-8 (in most editors: Save with Encoding → UTF-8); GBK files must be converted");
            return null;
        }
    }

    /// <summary>How many bytes of UTF-8's byte order mark <paramref name="bytes"/> begin with: 3 or 0.</summary>
    internal static int ByteOrderMarkLength(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;

    /// <summary>Where the character of UTF-8 <paramref name="bytes"/> that byte <paramref name="at"/> is part of begins: a cut there is before a character, not inside one (a continuation byte is 10xxxxxx).</summary>
    internal static int CharacterStart(ReadOnlySpan<byte> bytes, int at)
    {
        while (at > 0 && (bytes[at] & 0xC0) == 0x80)
        {
            at--;
        }

        return at;
    }
}
