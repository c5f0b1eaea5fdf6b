using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Gazette.Audit;
using Gazette.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>
/// The last check before a site is put in place: reads every file of the finished site it is given (<see cref="WriteSite.FilesToAudit"/>) — inflating the
/// gzip-compressed search index files — and looks for the passages only withheld documents hold (<see cref="WithheldText"/>),
/// in the files and in their names. A passage found is an error at the withheld document, naming the file: the build fails
/// and the previous site stays.
/// </summary>
public sealed class AuditOutput
{
    /// <summary>Files that hold no text to look through (their passages could only be found by chance).</summary>
    private static readonly HashSet<string> Binary = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".pdf", ".zip", ".doc", ".docx",
        ".xls", ".xlsx", ".ppt", ".pptx", ".ofd", ".wps", ".et", ".rar", ".7z",
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <param name="files">each file's path in the site (forward slashes) and where it is on disk.</param>
    /// <returns>the number of files read.</returns>
    public int Run(IReadOnlyList<(string Name, string File)> files, WithheldText withheld, DiagnosticBag diagnostics)
    {
        var finder = withheld.Finder();
        if (finder.IsEmpty)
        {
            return 0;
        }

        var paths = withheld.Unshared().Where(p => p.InPaths).ToList();
        var hits = new ConcurrentDictionary<WithheldPassage, ConcurrentBag<string>>();
        // One file per core at a time, read (and inflated) a megabyte at a time into buffers each thread keeps: the audit runs at the
        // end of a build, when the heap is fullest, and reads the whole site (2 GB at 100,000 documents, files of up to 100 MB)
        // without making garbage of it or holding any file whole.
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new PieceReader(finder.Longest), (entry, _, reader) =>
        {
            var (name, file) = entry;
            foreach (var passage in paths.Where(p => name.Contains(p.Text, StringComparison.Ordinal)))
            {
                hits.GetOrAdd(passage, _ => []).Add(name);
            }

            if (!Binary.Contains(Path.GetExtension(file)))
            {
                foreach (var passage in reader.Find(file, finder))
                {
                    hits.GetOrAdd(passage, _ => []).Add(name);
                }
            }

            return reader;
        }, _ => { });

        foreach (var (passage, names) in hits.OrderBy(h => h.Key.At.Path, StringComparer.Ordinal).ThenBy(h => h.Key.At.Line))
        {
            var sorted = names.Distinct().Order(StringComparer.Ordinal).ToList();
            var others = sorted.Count > 1 ? $" and {sorted.Count - 1} other file(s)" : "";
            diagnostics.Error(passage.At, Codes.WithheldTextPublished,
                $"the {passage.What} of this document, which is not published, appears in the built site: \"{Shorten(passage.Text)}\" in {sorted[0]}{others}",
                "a theme file, a copied file or a template put it there: remove it; the site was not replaced");
        }

        return files.Count;
    }

    /// <summary>
    /// A thread's reader: looks through a file's text a piece at a time — gzip data inflated — each piece starting with the end
    /// of the one before, as long as the longest passage less one, so that a passage across two pieces is found too.
    /// </summary>
    private sealed class PieceReader(int longest)
    {
        private const int Piece = 1 << 20;

        private readonly byte[] _bytes = new byte[Piece];
        private readonly char[] _chars = new char[Utf8.GetMaxCharCount(Piece) + longest];
        private readonly int _overlap = Math.Max(0, longest - 1);

        public HashSet<WithheldPassage> Find(string file, WithheldText.PassageFinder finder)
        {
            var found = new HashSet<WithheldPassage>();
            try
            {
                Scan(file, finder, found, inflate: true);
            }
            catch (InvalidDataException)
            {
                Scan(file, finder, found, inflate: false); // it only began like gzip data: its bytes are the text
            }

            return found;
        }

        private void Scan(string file, WithheldText.PassageFinder finder, HashSet<WithheldPassage> found, bool inflate)
        {
            using var stream = File.OpenRead(file);
            var gzip = inflate && stream.ReadByte() == 0x1f && stream.ReadByte() == 0x8b;
            stream.Position = 0;
            using var text = gzip ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : (Stream)stream;
            var decoder = Utf8.GetDecoder();
            var kept = 0;
            while (true)
            {
                var read = text.Read(_bytes, 0, _bytes.Length);
                var total = kept + decoder.GetChars(_bytes, 0, read, _chars, kept, flush: read == 0);
                found.UnionWith(finder.In(_chars.AsSpan(0, total)));
                if (read == 0)
                {
                    return;
                }

                kept = Math.Min(_overlap, total);
                Array.Copy(_chars, total - kept, _chars, 0, kept);
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..38] + "……";
}
