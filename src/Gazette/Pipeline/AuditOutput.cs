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
        Parallel.ForEach(files, file =>
        {
            var name = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            foreach (var passage in paths.Where(p => name.Contains(p.Text, StringComparison.Ordinal)))
            {
                hits.GetOrAdd(passage, _ => []).Add(name);
            }

            if (Binary.Contains(Path.GetExtension(file)))
            {
                return;
            }

            foreach (var passage in finder.In(Text(file)))
            {
                hits.GetOrAdd(passage, _ => []).Add(name);
            }
        });

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

    private static string Text(string file)
    {
        var bytes = File.ReadAllBytes(file);
        if (bytes is [0x1f, 0x8b, ..])
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var inflated = new MemoryStream();
                gzip.CopyTo(inflated);
                bytes = inflated.ToArray();
            }
            catch (InvalidDataException)
            {
                // Not gzip after all: read as it is.
            }
        }

        return Utf8.GetString(bytes);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..38] + "……";
}
