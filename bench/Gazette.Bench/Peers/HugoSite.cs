using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gazette.Bench.Corpus;

namespace Gazette.Bench.Peers;

/// <summary>
/// Writes the Hugo peer's site from a generated corpus: the same published documents, their Markdown bodies as they are and
/// their front matter mapped to Hugo's (title, date = 发布日期, url = Gazette's address, the taxonomies organs and years, and
/// the rest as params), a term page per organ and year with its Chinese title, and bench/hugo/ (hugo.toml, the layouts)
/// with Gazette's site.css. Withheld documents are left out, as Gazette leaves them out. See bench/README.md, "Hugo".
/// </summary>
public static partial class HugoSite
{
    /// <summary>Changes when the content written changes, so that an older Hugo site of a corpus is written again.</summary>
    private const string Format = "hugo-site 1";

    private const string StampFile = ".bench-source";

    /// <summary>The layouts and configuration copied into every Hugo site: bench/hugo/.</summary>
    public static string Template => Path.Combine(Paths.BenchRoot, "hugo");

    /// <summary>
    /// Writes the site into <paramref name="root"/> unless it already holds the site of this corpus (its stamp names the
    /// corpus's record file by size and time); the layouts, configuration and CSS are copied again either way.
    /// </summary>
    /// <returns>The documents written and their bytes of Markdown, and whether the content was reused.</returns>
    public static (int Documents, long Bytes, bool Reused) Write(string corpusRoot, string root)
    {
        var meta = new FileInfo(Path.Combine(corpusRoot, CorpusWriter.MetaFile));
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{Format}\n{meta.Length}\n{meta.LastWriteTimeUtc.Ticks}\n");
        var stampPath = Path.Combine(root, StampFile);
        var reused = File.Exists(stampPath) && File.ReadAllText(stampPath).StartsWith(stamp, StringComparison.Ordinal);
        int documents;
        long bytes;
        if (reused)
        {
            var lines = File.ReadAllLines(stampPath);
            documents = int.Parse(lines[3], CultureInfo.InvariantCulture);
            bytes = long.Parse(lines[4], CultureInfo.InvariantCulture);
        }
        else
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            (documents, bytes) = WriteContent(corpusRoot, Path.Combine(root, "content"));
            File.WriteAllText(stampPath, string.Create(CultureInfo.InvariantCulture, $"{stamp}{documents}\n{bytes}\n"));
        }

        CopyTemplate(root);
        return (documents, bytes, reused);
    }

    private static void CopyTemplate(string root)
    {
        foreach (var file in Directory.EnumerateFiles(Template, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(Template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        var stat = Path.Combine(root, "static");
        Directory.CreateDirectory(stat);
        File.Copy(Path.Combine(Paths.RepositoryRoot, "theme", "assets", "site.css"), Path.Combine(stat, "site.css"), overwrite: true);
    }

    private static (int Documents, long Bytes) WriteContent(string corpusRoot, string content)
    {
        var topics = Names(File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "src", "Gazette", "Defaults", "topics.yml")));
        var genres = Names(File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "src", "Gazette", "Defaults", "genres.yml")) + "\n" + Vocabulary.ExtraGenres);
        var published = MetaRecord.ReadAll(corpusRoot).Where(m => m.IsPublic).ToList();
        var folders = published.Select(m => Path.GetDirectoryName(Path.Combine(content, HugoPath(m)))!).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
        }

        var sizes = new long[published.Count];
        Parallel.For(0, published.Count, i =>
        {
            var m = published[i];
            var source = File.ReadAllText(Path.Combine(corpusRoot, m.Path));
            var end = source.StartsWith("---\n", StringComparison.Ordinal) ? source.IndexOf("\n---\n", 3, StringComparison.Ordinal) : -1;
            if (end < 0)
            {
                throw new InvalidDataException($"{m.Path}: no front matter");
            }

            // The Markdown after the corpus file's front matter goes as it is.
            var text = Encoding.UTF8.GetBytes(FrontMatter(m, source[..(end + 1)], topics, genres) + source[(end + 5)..]);
            File.WriteAllBytes(Path.Combine(content, HugoPath(m)), text);
            sizes[i] = text.Length;
        });

        // Term pages: the taxonomies' own titles and each organ's and year's, as Gazette titles its listings.
        WriteTitle(Path.Combine(content, "organs"), "发布机构");
        WriteTitle(Path.Combine(content, "years"), "年份");
        foreach (var organ in published.SelectMany(m => m.Organs).Distinct(StringComparer.Ordinal))
        {
            WriteTitle(Path.Combine(content, "organs", organ), Vocabulary.Organ(organ).Name);
        }

        foreach (var year in published.Select(m => m.Published[..4]).Distinct(StringComparer.Ordinal))
        {
            WriteTitle(Path.Combine(content, "years", year), year + "年");
        }

        return (published.Count, sizes.Sum());
    }

    /// <summary>Where a document goes under Hugo's content/: documents/ and the corpus's year and organ folders.</summary>
    private static string HugoPath(MetaRecord m) => Path.GetRelativePath("content", m.Path);

    private static void WriteTitle(string folder, string title)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "_index.md"), $"---\ntitle: {Quote(title)}\n---\n");
    }

    /// <summary>Hugo's front matter of a document, from the generator's record and the corpus file's front matter.</summary>
    private static string FrontMatter(MetaRecord m, string gazetteFrontMatter, IReadOnlyDictionary<string, string> topics, IReadOnlyDictionary<string, string> genres)
    {
        var written = Written().Match(gazetteFrontMatter);
        var validityDate = ValidityDate().Match(gazetteFrontMatter);
        var f = new StringBuilder("---\n");
        f.Append("title: ").Append(Quote(m.Title)).Append('\n');
        f.Append("date: ").Append(m.Published).Append('\n');
        f.Append("url: ").Append(Quote(m.Url)).Append('\n');
        f.Append("organs: [").Append(string.Join(", ", m.Organs)).Append("]\n");
        f.Append("years: [\"").Append(m.Published[..4]).Append("\"]\n");
        if (m.Number is not null)
        {
            f.Append("doc_number: ").Append(Quote(m.Number)).Append('\n');
        }

        // The 索引号 is the part of the address after /documents/.
        f.Append("index_number: ").Append(Quote(m.Url["/documents/".Length..^1])).Append('\n');
        if (written.Success)
        {
            f.Append("written: ").Append(written.Groups[1].Value).Append('\n');
        }

        f.Append("topic: ").Append(Quote(topics.GetValueOrDefault(m.Topic, m.Topic))).Append('\n');
        f.Append("genre: ").Append(Quote(genres.GetValueOrDefault(m.Genre, m.Genre))).Append('\n');
        if (m.Summary is not null)
        {
            f.Append("summary: ").Append(Quote(m.Summary)).Append('\n');
        }

        f.Append("validity: ").Append(Quote(m.Validity)).Append('\n');
        if (validityDate.Success)
        {
            f.Append("validity_date: ").Append(validityDate.Groups[1].Value).Append('\n');
        }

        return f.Append("---\n").ToString();
    }

    /// <summary>The id → name table of a vocabulary file of Gazette's (<c>- {id: …, name: …}</c> lines).</summary>
    private static Dictionary<string, string> Names(string yaml) =>
        VocabularyLine().Matches(yaml).ToDictionary(x => x.Groups[1].Value, x => x.Groups[2].Value.Trim(), StringComparer.Ordinal);

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^written: (\d{4}-\d{2}-\d{2})$", RegexOptions.Multiline)]
    private static partial Regex Written();

    [GeneratedRegex(@"^validity: \{status: [^,]+, date: (\d{4}-\d{2}-\d{2})\}$", RegexOptions.Multiline)]
    private static partial Regex ValidityDate();

    [GeneratedRegex(@"^- \{id: ([^,}]+), name: ([^,}]+)", RegexOptions.Multiline)]
    private static partial Regex VocabularyLine();
}
