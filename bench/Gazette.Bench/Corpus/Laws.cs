using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Gazette.Bench.Corpus;

/// <summary>One block of a law's body: a heading (## 第一章 总则), the first paragraph of an article (第一条 …), or a paragraph.</summary>
public sealed record Block(BlockKind Kind, string Text, int Level = 0);

public enum BlockKind
{
    Heading,
    Article,
    Paragraph,
}

/// <summary>An article: its first paragraph (starting 第N条) and the paragraphs that follow it, with the chapter it sits in.</summary>
public sealed record Article(string First, IReadOnlyList<string> Rest, string? Chapter)
{
    public int Length => First.Length + Rest.Sum(r => r.Length);
}

/// <summary>One file of shared/corpora/laws-zh with its metadata from db.sqlite3.</summary>
public sealed record Law(
    string RelativePath,
    string Folder,
    string Title,
    string Name,
    string Level,
    IReadOnlyList<string> HeaderLines,
    IReadOnlyList<Block> Body,
    IReadOnlyList<Article> Articles,
    DateOnly Published,
    DateOnly Written,
    bool Expired,
    DateOnly? ExpiredOn,
    string? OrderNumber)
{
    /// <summary>The name without 中华人民共和国 and without a trailing version note, for derived titles: 检察官法.</summary>
    public string Core
    {
        get
        {
            var core = Title.Replace("中华人民共和国", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            core = Regex.Replace(core, "（[^）]*）$", "");
            return core.Length == 0 ? Title : core;
        }
    }
}

/// <summary>Reads the laws-zh corpus: Markdown files (# Title, dated header lines, &lt;!-- INFO END --&gt;, body) and db.sqlite3.</summary>
public static partial class LawCorpus
{
    public static string DefaultFolder(string repositoryRoot) =>
        Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "corpora", "laws-zh"));

    public static IReadOnlyList<Law> Load(string folder)
    {
        var rows = ReadDatabase(Path.Combine(folder, "db.sqlite3"));
        var byNameDate = rows.GroupBy(r => (r.Name, r.Publish)).ToDictionary(g => g.Key, g => g.First());
        var byName = rows.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Publish).ToList());
        var laws = new List<Law>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (!relative.Contains('/'))
            {
                continue; // ATTRIBUTION.md
            }

            var stem = Path.GetFileNameWithoutExtension(path);
            DateOnly? fileDate = null;
            var name = stem;
            if (FileNameDate().Match(stem) is { Success: true } m)
            {
                name = m.Groups[1].Value;
                fileDate = DateOnly.ParseExact(m.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            Row? row = null;
            if (fileDate is { } d && byNameDate.TryGetValue((name, d), out var exact))
            {
                row = exact;
            }
            else if (byName.TryGetValue(name, out var candidates))
            {
                row = candidates[^1];
            }
            else
            {
                row = rows.FirstOrDefault(r => r.FileName == name);
            }

            laws.Add(Parse(relative, File.ReadAllText(path), name, fileDate, row, row is null ? null : byName.GetValueOrDefault(row.Name)));
        }

        return laws;
    }

    private sealed record Row(string Name, string? FileName, string Level, DateOnly? Publish, DateOnly? ValidFrom, bool Expired);

    private static List<Row> ReadDatabase(string path)
    {
        var rows = new List<Row>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, filename, level, publish, valid_from, expired FROM law";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new Row(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                Date(reader, 3),
                Date(reader, 4),
                reader.GetInt64(5) != 0));
        }

        return rows;

        static DateOnly? Date(SqliteDataReader reader, int column) =>
            !reader.IsDBNull(column) && DateOnly.TryParseExact(reader.GetString(column), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static Law Parse(string relative, string text, string name, DateOnly? fileDate, Row? row, List<Row>? versions)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var titles = new List<string>();
        var header = new List<string>();
        var body = new List<Block>();
        var infoEnd = Array.FindIndex(lines, l => l.Trim() == "<!-- INFO END -->");
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || i == infoEnd)
            {
                continue;
            }

            if (infoEnd < 0 || i < infoEnd)
            {
                if (line.StartsWith("# ", StringComparison.Ordinal) && header.Count == 0)
                {
                    titles.Add(line[2..].Trim());
                }
                else
                {
                    header.Add(line);
                }

                continue;
            }

            if (line.StartsWith('#'))
            {
                var level = line.TakeWhile(c => c == '#').Count();
                body.Add(new Block(BlockKind.Heading, line[level..].Trim(), level));
            }
            else if (ArticleStart().IsMatch(line))
            {
                body.Add(new Block(BlockKind.Article, line));
            }
            else
            {
                body.Add(new Block(BlockKind.Paragraph, line));
            }
        }

        var title = titles.Count == 0 ? name : string.Join(" ", titles);
        var headerDates = header.SelectMany(h => ChineseDate().Matches(h)).Select(ToDate).OfType<DateOnly>().ToList();
        var published = row?.Publish ?? fileDate ?? (headerDates.Count > 0 ? headerDates.Max() : new DateOnly(2000, 1, 1));
        var written = headerDates.Count > 0 && headerDates.Min() <= published ? headerDates.Min() : published;
        DateOnly? expiredOn = null;
        if (row is { Expired: true })
        {
            var next = versions?.Where(v => v.Publish > published).Select(v => v.Publish).Min();
            expiredOn = next ?? Min(published.AddYears(5), new DateOnly(2025, 6, 30));
            if (expiredOn < published)
            {
                expiredOn = published;
            }
        }

        var order = header.SelectMany(h => OrderNumber().Matches(h)).Select(m => m.Value).LastOrDefault();
        return new Law(relative, relative.Split('/')[0], title, row?.Name ?? name, row?.Level ?? relative.Split('/')[0], header, body,
            Articles(body), published, written, row?.Expired ?? false, expiredOn, order);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static IReadOnlyList<Article> Articles(IReadOnlyList<Block> body)
    {
        var articles = new List<Article>();
        string? chapter = null;
        string? first = null;
        var rest = new List<string>();
        foreach (var block in body)
        {
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    Flush();
                    if (block.Text.Contains('章', StringComparison.Ordinal) || block.Level <= 2)
                    {
                        chapter = block.Text;
                    }

                    break;
                case BlockKind.Article:
                    Flush();
                    first = block.Text;
                    break;
                default:
                    if (first is not null)
                    {
                        rest.Add(block.Text);
                    }

                    break;
            }
        }

        Flush();
        return articles;

        void Flush()
        {
            if (first is not null)
            {
                articles.Add(new Article(first, rest.ToList(), chapter));
            }

            first = null;
            rest.Clear();
        }
    }

    private static DateOnly? ToDate(Match m) =>
        int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var y) && int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var mo)
        && int.TryParse(m.Groups[3].Value, CultureInfo.InvariantCulture, out var d) && y is > 1900 and < 2100 && mo is >= 1 and <= 12
        && d >= 1 && d <= DateTime.DaysInMonth(y, mo)
            ? new DateOnly(y, mo, d)
            : null;

    [GeneratedRegex(@"^(.*)\((\d{4}-\d{2}-\d{2})\)$")]
    private static partial Regex FileNameDate();

    [GeneratedRegex(@"(\d{4})年(\d{1,2})月(\d{1,2})日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"^第[一二三四五六七八九十百千零〇两]+条")]
    public static partial Regex ArticleStart();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}、]{1,40}令第[一二三四五六七八九十百千零〇\d]+号")]
    private static partial Regex OrderNumber();
}
