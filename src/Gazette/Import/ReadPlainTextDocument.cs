using System.Text.RegularExpressions;

namespace Gazette.Import;

/// <summary>
/// Reads an official document saved as plain text (like the seeds: a copy from a government web site or a word processor):
/// the 文号 and the title where they stand at the top, the issuing organ from the title, 成文日期 from the date line under the
/// text (the first line that is only a date), 发布日期 from a web page's 时间/发布日期 line, and the body in Markdown
/// (<see cref="OutlineConverter"/>). Web page furniture above the title (您当前的位置, 字体, 浏览次数) is dropped.
/// </summary>
internal static partial class ReadPlainTextDocument
{
    /// <summary>At most this many lines make a title (a title printed over several lines is joined).</summary>
    private const int TitleLines = 4;

    public static ImportedDocument Run(string source, string id, string text, ImportContext context)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF').Split('\n');
        string? docNumber = null;
        DateOnly? published = null;
        var titleParts = new List<string>();
        var bodyStart = lines.Length;
        var seenTitle = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().Trim('\u3000').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (IsFurniture(line))
            {
                published ??= PublishedLine().Match(line) is { Success: true } stated ? ChineseDates.FindAll(stated.Value).Select(d => (DateOnly?)d.Date).FirstOrDefault() : null;
                continue;
            }

            if (docNumber is null && DocNumberLine().IsMatch(line))
            {
                docNumber = NormaliseDocNumber(line);
                continue;
            }

            if (!seenTitle && titleParts.Count < TitleLines && line.Length <= 60 && line.IndexOfAny(['。', '，', ',', '：', ':']) < 0)
            {
                titleParts.Add(line);
                if (GenreGuess.FromTitle(string.Concat(titleParts)) is not null)
                {
                    seenTitle = true;
                }

                continue;
            }

            if (!seenTitle && titleParts.Count > 0)
            {
                // No line group ended in a genre word: the first line is the title, the rest is text.
                bodyStart = FindLine(lines, titleParts[1..].FirstOrDefault() ?? line, i);
                titleParts = [titleParts[0]];
                seenTitle = true;
                break;
            }

            bodyStart = i;
            break;
        }

        var title = string.Concat(titleParts);
        var body = lines[Math.Min(bodyStart, lines.Length)..];
        var fields = new List<ImportField>();
        var todoTitle = GenreGuess.FromTitle(title) is null ? "标题末尾不是文种，可能取错了行；请核对" : null;
        fields.Add(new ImportField("title", FrontMatterText.Quote(title.Length == 0 ? "未命名文件" : title), title.Length == 0 ? "原文中找不到标题；请填写" : todoTitle, title.Length == 0));
        if (docNumber is not null)
        {
            fields.Add(new ImportField("doc_number", FrontMatterText.Quote(docNumber)));
        }

        var bodyText = string.Join("\n", body);
        var organs = context.Organs.Find(title);
        if (organs.Count == 0)
        {
            organs = context.Organs.Find(string.Join("\n", body.TakeLast(12)));
        }

        fields.Add(context.IssuersField(organs, null).Field);

        // 成文日期: the first line that is a date alone (under the signature); 发布日期: the web page's, when it states one.
        var written = body.Select(ChineseDates.WholeLine).FirstOrDefault(d => d is not null);
        var year = YearOf(docNumber) ?? YearOf(source);
        fields.AddRange(Dates(written, published, year));
        fields.Add(context.TopicField());
        fields.Add(context.GenreField(title));
        fields.Add(new ImportField("#summary", "", "内容概述（政府信息公开条例第十二条）无法从原文得出；请填写 summary"));
        fields.Add(new ImportField("disclosure", FrontMatterText.Quote("主动公开"), "导入的是已经公开发布的文件；如不属主动公开，请改为依申请公开或不予公开并写明理由"));
        fields.Add(new ImportField("#validity", "有效", "有效性无法从原文得出，按默认“有效”；已废止、失效或修改的请写明"));
        fields.Add(new ImportField("extra", "{imported_from: " + FrontMatterText.Quote(source) + "}"));
        var notes = new List<string>();
        var markdown = OutlineConverter.Convert(body, notes);
        fields.AddRange(notes.Distinct().Select(n => new ImportField("#body", "", n)));
        return new ImportedDocument(source, id, DateOf(fields, "written")?.Year ?? year ?? 2000, fields, markdown);
    }

    private static IEnumerable<ImportField> Dates(DateOnly? written, DateOnly? published, int? year)
    {
        if (written is null && published is null)
        {
            var stand = new DateOnly(year ?? 2000, 1, 1);
            yield return new ImportField("written", ChineseDates.Format(stand), "原文中找不到成文日期，暂填所属年份的1月1日；请改为实际日期", Placeholder: true);
            yield return new ImportField("published", ChineseDates.Format(stand), "原文中找不到发布日期，暂填；请改为实际日期", Placeholder: true);
            yield break;
        }

        if (written is null)
        {
            yield return new ImportField("written", ChineseDates.Format(published!.Value), "原文中找不到成文日期，暂填发布日期；请核对", Placeholder: true);
            yield return new ImportField("published", ChineseDates.Format(published.Value));
            yield break;
        }

        yield return new ImportField("written", ChineseDates.Format(written.Value));
        if (published is null || published < written)
        {
            yield return new ImportField("published", ChineseDates.Format(written.Value), "原文未载发布日期，暂填成文日期；请改为实际发布日期", Placeholder: true);
        }
        else
        {
            yield return new ImportField("published", ChineseDates.Format(published.Value));
        }
    }

    internal static DateOnly? DateOf(IEnumerable<ImportField> fields, string key) =>
        fields.FirstOrDefault(f => f.Key == key) is { } field && DateOnly.TryParseExact(field.Yaml, "yyyy-MM-dd", out var date) ? date : null;

    private static int FindLine(string[] lines, string line, int fallback)
    {
        for (var i = 0; i < fallback; i++)
        {
            if (lines[i].Trim().Trim('\u3000').Trim() == line)
            {
                return i;
            }
        }

        return fallback;
    }

    private static bool IsFurniture(string line) =>
        line.Contains("您当前的位置", StringComparison.Ordinal) || line.Contains("浏览次数", StringComparison.Ordinal) ||
        line.StartsWith("字体", StringComparison.Ordinal) || PublishedLine().IsMatch(line);

    /// <summary>The year of a document number (〔2019〕) or a file name (…-2018-…), or null.</summary>
    private static int? YearOf(string? text) =>
        text is not null && YearPattern().Match(text) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>A document number with its year in 〔〕 (U+3014/3015), as the standard writes it, and ASCII digits.</summary>
    internal static string NormaliseDocNumber(string line)
    {
        var chars = line.Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= '０' and <= '９' => (char)(chars[i] - '０' + '0'),
                _ => chars[i],
            };
        }

        return YearBrackets().Replace(new string(chars).Replace(" ", "", StringComparison.Ordinal), "〔$1〕");
    }

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,20}[〔\[【（(［]\s*[0-9０-９]{4}\s*[〕\]】）)］]\s*[0-9０-９]{1,5}\s*号$")]
    private static partial Regex DocNumberLine();

    [GeneratedRegex(@"[〔\[【（(［]([0-9]{4})[〕\]】）)］]")]
    private static partial Regex YearBrackets();

    [GeneratedRegex(@"^(时间|发布日期|发布时间|日期)\s*[:：]\s*\S+")]
    private static partial Regex PublishedLine();

    [GeneratedRegex(@"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")]
    private static partial Regex YearPattern();
}
