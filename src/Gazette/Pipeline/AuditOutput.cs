using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Gazette.Audit;
using Gazette.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>
/// The last check before a site is put in place: reads every file written to <paramref name="folder"/> — inflating the
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

    /// <returns>the number of files read.</returns>
    public int Run(string folder, WithheldText withheld, DiagnosticBag diagnostics)
    {
        var finder = withheld.Finder();
        if (finder.IsEmpty)
        {
            return 0;
        }

        var paths = withheld.Unshared().Where(p => p.InPaths).ToList();
        var hits = new ConcurrentDictionary<WithheldPassage, ConcurrentBag<string>>();
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
        // One file per core at a time, read and inflated into buffers each thread keeps: the audit runs at the end of a build,
        // when the heap is fullest, and reads the whole site (2 GB at 100,000 documents) without making garbage of it.
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new Buffers(), (file, _, buffers) =>
        {
            var name = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            foreach (var passage in paths.Where(p => name.Contains(p.Text, StringComparison.Ordinal)))
            {
                hits.GetOrAdd(passage, _ => []).Add(name);
            }

            if (!Binary.Contains(Path.GetExtension(file)))
            {
                foreach (var passage in finder.In(buffers.Text(file)))
                {
                    hits.GetOrAdd(passage, _ => []).Add(name);
                }
            }

            return buffers;
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

    /// <summary>A thread's buffers: the file's bytes, their inflated bytes when they are gzip data, and their text.</summary>
    private sealed class Buffers
    {
        private byte[] _bytes = new byte[64 * 1024];
        private byte[] _inflated = new byte[64 * 1024];
        private char[] _chars = new char[64 * 1024];

        public ReadOnlySpan<char> Text(string file)
        {
            var length = Read(file);
            var bytes = _bytes.AsSpan(0, length);
            if (length > 2 && _bytes[0] == 0x1f && _bytes[1] == 0x8b && Inflate(length) is { } inflated)
            {
                bytes = _inflated.AsSpan(0, inflated);
            }

            var chars = Utf8.GetMaxCharCount(bytes.Length);
            if (_chars.Length < chars)
            {
                _chars = new char[chars];
            }

            return _chars.AsSpan(0, Utf8.GetChars(bytes, _chars));
        }

        private int Read(string file)
        {
            using var stream = File.OpenRead(file);
            var length = (int)stream.Length;
            if (_bytes.Length < length)
            {
                _bytes = new byte[length];
            }

            stream.ReadExactly(_bytes, 0, length);
            return length;
        }

        /// <summary>Inflates the gzip data of the first buffer into the second; null when it is not gzip data after all.</summary>
        private int? Inflate(int length)
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(_bytes, 0, length, writable: false), CompressionMode.Decompress);
                var total = 0;
                for (int read; (read = gzip.Read(_inflated, total, _inflated.Length - total)) > 0;)
                {
                    total += read;
                    if (total == _inflated.Length)
                    {
                        Array.Resize(ref _inflated, _inflated.Length * 2);
                    }
                }

                return total;
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..38] + "……";
}
