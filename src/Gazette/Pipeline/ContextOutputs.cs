using System.Collections.Concurrent;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// The files a build makes from its documents' context alone (<see cref="DocumentMemo.Listings"/>: every published document's
/// metadata, the other files of content/, the theme, Gazette) — the pages that list documents, the sitemap, the feeds, the gazette's open data and Netlify's files,
/// none of which shows anything of a body — as the build cache keeps them: their paths and how many of them are pages, with the
/// context they were made in. A build in the same context (one whose changes are to bodies only) keeps them all as the output
/// folder holds them (<see cref="WriteSite.KeepAll"/>), without planning, keying or rendering any.
/// </summary>
/// <remarks>The file: <see cref="Magic"/>, the context (16 bytes), the page count, the path count, then the paths.</remarks>
public sealed class ContextOutputs
{
    private const string Magic = "GAZETTE-CONTEXT-OUTPUTS-1";

    private readonly ConcurrentBag<string> _made = [];
    private int _pages;

    private ContextOutputs(IReadOnlyList<string>? last, int lastPages)
    {
        Last = last;
        LastPages = lastPages;
    }

    /// <summary>The paths (relative to the output folder) of the files the last build made in this context; null: none is known.</summary>
    public IReadOnlyList<string>? Last { get; }

    /// <summary>Of <see cref="Last"/>, how many are pages.</summary>
    public int LastPages { get; }

    /// <summary>What the build cache knows of the files made in <paramref name="context"/> for <paramref name="outputDirectory"/>.</summary>
    public static ContextOutputs Open(string cacheDirectory, string outputDirectory, Digest128 context)
    {
        try
        {
            var file = CacheWriting.FileFor(cacheDirectory, "context-outputs", outputDirectory);
            if (File.Exists(file))
            {
                var reader = new CacheReader(File.ReadAllBytes(file));
                if (reader.ReadString() == Magic && reader.ReadDigest() == context)
                {
                    var pages = reader.ReadInt32();
                    var paths = new string[reader.ReadInt32()];
                    for (var i = 0; i < paths.Length; i++)
                    {
                        paths[i] = reader.ReadString();
                    }

                    return new ContextOutputs(paths, pages);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or OverflowException)
        {
            // a cache is only a cache: the files are made
        }

        return new ContextOutputs(null, 0);
    }

    /// <summary>Notes a file made from the context alone, at <paramref name="path"/> (relative); from several threads at once.</summary>
    public void Made(string path) => _made.Add(path);

    /// <summary>Notes <paramref name="count"/> pages among the files made.</summary>
    public void Pages(int count) => Interlocked.Add(ref _pages, count);

    /// <summary>Keeps what this build noted for the next build in <paramref name="context"/>, once the site is in place.</summary>
    public void Save(string cacheDirectory, string outputDirectory, Digest128 context)
    {
        var paths = _made.Order(StringComparer.Ordinal).ToList();
        CacheWriting.Replace(CacheWriting.FileFor(cacheDirectory, "context-outputs", outputDirectory), writer =>
        {
            writer.Write(Magic);
            writer.Write(context);
            writer.Write(_pages);
            writer.Write(paths.Count);
            foreach (var path in paths)
            {
                writer.Write(path);
            }
        });
    }
}
