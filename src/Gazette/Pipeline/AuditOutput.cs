using System.Collections.Concurrent;
using Gazette.Audit;
using Gazette.Diagnostics;

namespace Gazette.Pipeline;

/// <summary>
/// The last check before a site is put in place: reads every file of the finished site it is given (<see cref="WriteSite.FilesToAudit"/>: those not looked
/// through as they were written, by <see cref="WrittenAudit"/>, whose findings it reports with its own) — inflating the
/// gzip-compressed search index files, and a text in UTF-16 (a copied attachment or theme file) taken in UTF-8 — and looks for the passages only withheld documents hold (<see cref="WithheldText"/>),
/// in the files and in their names. A file's bytes are looked through as they are, not decoded (<see cref="PassageFinder"/>), but for UTF-16's.
/// A passage found is an error at the withheld document, naming the file: the build fails and the previous site stays.
/// </summary>
public sealed class AuditOutput
{
    /// <param name="files">each file's path in the site (forward slashes) and where it is on disk.</param>
    /// <param name="written">the files looked through as they were written (<see cref="WrittenAudit"/>), which are not among <paramref name="files"/>; null: none.</param>
    /// <returns>the number of files read.</returns>
    public int Run(IEnumerable<(string Name, string File)> files, WithheldText withheld, DiagnosticBag diagnostics, WrittenAudit? written = null)
    {
        var finder = written?.Finder() ?? withheld.Finder();
        if (finder.IsEmpty)
        {
            return 0;
        }

        var read = 0;
        var hits = new ConcurrentDictionary<WithheldPassage, ConcurrentBag<string>>();
        foreach (var (passage, name) in written?.Found() ?? [])
        {
            hits.GetOrAdd(passage, _ => []).Add(name);
        }

        // One file per core at a time, read (and inflated) a megabyte at a time into the buffers each thread keeps: the audit
        // runs at the end of a build, when the heap is fullest, and reads the whole site (2 GB at 100,000 documents, files of up
        // to 100 MB) without making garbage of it or holding any file whole.
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new PassageReader(finder), (entry, _, reader) =>
        {
            var (name, file) = entry;
            Interlocked.Increment(ref read);
            foreach (var passage in finder.InName(name))
            {
                hits.GetOrAdd(passage, _ => []).Add(name);
            }

            if (!PassageReader.HoldsNoText(file))
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

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..38] + "……";
}
