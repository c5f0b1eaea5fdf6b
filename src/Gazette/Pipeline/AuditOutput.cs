using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Gazette.Audit;
using Gazette.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>
/// The last check before a site is put in place: reads every file of the finished site it is given (<see cref="WriteSite.FilesToAudit"/>) — inflating the
/// gzip-compressed search index files, and a text in UTF-16 (a copied attachment or theme file) taken in UTF-8 — and looks for the passages only withheld documents hold (<see cref="WithheldText"/>),
/// in the files and in their names. A file's bytes are looked through as they are, not decoded (<see cref="PassageFinder"/>), but for UTF-16's.
/// A passage found is an error at the withheld document, naming the file: the build fails and the previous site stays.
/// </summary>
public sealed class AuditOutput
{
    /// <summary>Files that hold no text to look through (their passages could only be found by chance).</summary>
    private static readonly HashSet<string> Binary = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".pdf", ".zip", ".doc", ".docx",
        ".xls", ".xlsx", ".ppt", ".pptx", ".ofd", ".wps", ".et", ".rar", ".7z",
    };

    /// <param name="files">each file's path in the site (forward slashes) and where it is on disk.</param>
    /// <returns>the number of files read.</returns>
    public int Run(IEnumerable<(string Name, string File)> files, WithheldText withheld, DiagnosticBag diagnostics)
    {
        var finder = withheld.Finder();
        if (finder.IsEmpty)
        {
            return 0;
        }

        var read = 0;
        var hits = new ConcurrentDictionary<WithheldPassage, ConcurrentBag<string>>();
        // One file per core at a time, read (and inflated) a megabyte at a time into the buffers each thread keeps: the audit
        // runs at the end of a build, when the heap is fullest, and reads the whole site (2 GB at 100,000 documents, files of up
        // to 100 MB) without making garbage of it or holding any file whole.
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new Reader(finder), (entry, _, reader) =>
        {
            var (name, file) = entry;
            Interlocked.Increment(ref read);
            foreach (var passage in finder.InName(name))
            {
                hits.GetOrAdd(passage, _ => []).Add(name);
            }

            if (!Binary.Contains(Path.GetExtension(file)))
            {
                foreach (var passage in reader.Find(file))
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

        return read;
    }

    /// <summary>A thread's scan, and the buffer for a file of gzip data read whole before it is inflated.</summary>
    private sealed class Reader(PassageFinder finder)
    {
        private readonly PassageScan _scan = finder.NewScan();
        /// <summary>The UTF-16 bytes taken at a time: even, and at most two thirds of a piece (three UTF-8 bytes for two).</summary>
        private const int WidePiece = PassageScan.PieceSize / 3 * 2 - 16;

        private readonly byte[] _packed = new byte[PassageScan.PieceSize];
        private readonly byte[] _wide = new byte[WidePiece];
        private readonly char[] _chars = new char[WidePiece / 2 + 2];
        private readonly Decoder _decoder = Encoding.Unicode.GetDecoder();
        private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();

        /// <summary>The passages in a file's text: its bytes, or the data they inflate to when they are gzip data.</summary>
        public IReadOnlyList<WithheldPassage> Find(string file)
        {
            try
            {
                Scan(file, inflate: true);
            }
            catch (InvalidDataException)
            {
                Scan(file, inflate: false); // it only began like gzip data: its bytes are the text
            }

            return _scan.TakeFound();
        }

        private void Scan(string file, bool inflate)
        {
            // FileShare.ReadWrite: no lock is taken (nothing else writes the staging folder now).
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            _scan.Begin();
            var read = RandomAccess.Read(handle, _scan.Space, 0);
            if (inflate && read >= 2 && _scan.Space[0] == 0x1f && _scan.Space[1] == 0x8b)
            {
                // Inflated from the bytes just read when they are the whole file (they nearly always are), else from the file
                _scan.Space[..read].CopyTo(_packed);
                var whole = read < _packed.Length && RandomAccess.Read(handle, _packed.AsSpan(read), read) == 0;
                using var packed = whole ? new MemoryStream(_packed, 0, read, writable: false) : (Stream)new FileStream(handle, FileAccess.Read, bufferSize: 0);
                Inflate(packed);
                return;
            }

            if (read >= 2 && _scan.Space is [0xFF, 0xFE, ..])
            {
                using var wide = new FileStream(handle, FileAccess.Read, bufferSize: 0) { Position = 2 };
                ScanWide(wide);
                return;
            }

            for (long at = 0; read > 0; at += read, read = RandomAccess.Read(handle, _scan.Space, at))
            {
                _scan.Take(read);
            }

            _scan.Take(0);
        }

        private void Inflate(Stream packed)
        {
            using var gzip = new GZipStream(packed, CompressionMode.Decompress);
            var start = gzip.ReadAtLeast(_scan.Space[..2], 2, throwOnEndOfStream: false);
            if (start == 2 && _scan.Space is [0xFF, 0xFE, ..])
            {
                ScanWide(gzip);
                return;
            }

            for (var filled = -1; filled != 0;)
            {
                filled = start;
                start = 0;
                try
                {
                    int read;
                    do
                    {
                        read = gzip.Read(_scan.Space[filled..]);
                        filled += read;
                    }
                    while (read > 0 && filled < PassageScan.PieceSize);
                }
                finally
                {
                    _scan.Take(filled); // what was inflated before the data turned out broken is looked through too
                }
            }
        }

        /// <summary>
        /// Looks through a text in UTF-16 (little-endian, after its byte order mark: a copied attachment or theme file) in UTF-8,
        /// as the passages are: <see cref="WidePiece"/> bytes at a time, which make at most a piece in UTF-8.
        /// </summary>
        private void ScanWide(Stream input)
        {
            _decoder.Reset();
            _encoder.Reset();
            for (var last = false; !last;)
            {
                var filled = 0;
                try
                {
                    int read;
                    do
                    {
                        read = input.Read(_wide, filled, WidePiece - filled);
                        filled += read;
                    }
                    while (read > 0 && filled < WidePiece);
                    last = read == 0;
                }
                finally
                {
                    // what was read before the data turned out broken is looked through too
                    var chars = _decoder.GetChars(_wide, 0, filled, _chars, 0, flush: last);
                    var bytes = _encoder.GetBytes(_chars.AsSpan(0, chars), _scan.Space, flush: last);
                    if (bytes > 0)
                    {
                        _scan.Take(bytes);
                    }
                }
            }

            _scan.Take(0);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..38] + "……";
}
