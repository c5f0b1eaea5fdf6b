using System.Text.RegularExpressions;

namespace Gazette.Import;

/// <summary>
/// Reads a file of laws-zh's Markdown-with-header format: <c># title</c> (a second <c>#</c> line names a part, as in
/// 民法典), dated header lines (…通过, …修正, …公布, …施行, …令第N号发布) up to <c>&lt;!-- INFO END --&gt;</c>, then the body.
/// 成文日期 is the latest adoption (通过, 修订, 修正, 批准) of this version, 发布日期 its promulgation (公布, 发布) or else the
/// version's date; 令号 becomes the document number; the issuing organ is the one named in the 令 or promulgation line, else
/// in the adoption line; validity comes from the metadata (<see cref="LawCatalogue"/>).
/// </summary>
internal static partial class ReadLawDocument
{
    private const string InfoEnd = "<!-- INFO END -->";

    /// <summary>Whether a file is in this format: a Markdown title and the end-of-header marker.</summary>
    public static bool Recognises(string text) => text.TrimStart('\uFEFF').StartsWith("# ", StringComparison.Ordinal) && MarkerLine().IsMatch(text);

    public static ImportedDocument Run(string source, string id, string text, ImportContext context, LawCatalogue? catalogue, Func<LawRecord, string?> idOf)
    {
        text = text.Replace("\r\n", "\n").TrimStart('\uFEFF');
        var end = MarkerLine().Match(text).Index;
        var header = text[..end].Split('\n').Select(l => l.Trim().Trim('\u3000').Trim()).Where(l => l.Length > 0).ToList();
        var body = text[(end + InfoEnd.Length)..].Trim('\n') + "\n";
        var title = string.Join(" ", header.TakeWhile(l => l.StartsWith("# ", StringComparison.Ordinal)).Select(l => l[2..].Trim()));
        var dated = header.SkipWhile(l => l.StartsWith("# ", StringComparison.Ordinal))
            .Select(l => (Line: l, Date: ChineseDates.FindAll(l).Select(d => (DateOnly?)d.Date).FirstOrDefault()))
            .Where(l => l.Date is not null).Select(l => (l.Line, Date: l.Date!.Value)).ToList();

        var (name, version) = NameAndVersion(Path.GetFileNameWithoutExtension(source));
        var record = catalogue?.Find(name, version);
        version ??= record?.Published;
        var inVersion = dated.Where(l => version is null || l.Date <= version).ToList();
        var adopted = inVersion.Where(l => Adoption().IsMatch(l.Line)).Select(l => (DateOnly?)l.Date).Max();
        var promulgation = inVersion.Where(l => Promulgation().IsMatch(l.Line)).OrderBy(l => l.Date).LastOrDefault();

        var fields = new List<ImportField> { new("title", FrontMatterText.Quote(title)) };

        // The organ that made it: named in the 令 or the promulgation, else in the adoption, else in the title.
        // A 令 is the order of the organ that issues it (交通部令, not the 国务院 that approved it): then it alone names the organ.
        var order = promulgation.Line is { } promulgated ? OrderNumber().Match(promulgated) : null;
        var candidates = order is { Success: true }
            ? [order.Value]
            : new[] { promulgation.Line }.Concat(inVersion.Where(l => Adoption().IsMatch(l.Line)).Select(l => l.Line).Reverse()).OfType<string>().Append(title);
        var organs = candidates.Select(c => context.Organs.Find(c)).FirstOrDefault(o => o.Count > 0) ?? [];
        var named = promulgation.Line ?? inVersion.LastOrDefault().Line;
        if (order is { Success: true })
        {
            fields.Add(new ImportField("doc_number", FrontMatterText.Quote(order.Value)));
        }

        fields.Add(context.IssuersField(organs, named is null ? null : IssuingBody(named)).Field);

        var published = promulgation.Line is not null ? promulgation.Date : version;
        if (adopted is { } written && published is { } date && written <= date)
        {
            fields.Add(new ImportField("written", ChineseDates.Format(written)));
            fields.Add(new ImportField("published", ChineseDates.Format(date), promulgation.Line is null ? "原文未载公布日期，按版本日期填写；请核对" : null));
        }
        else if (published is { } only)
        {
            fields.Add(new ImportField("written", ChineseDates.Format(only), "原文未载通过或批准日期，暂填公布日期；请核对", Placeholder: true));
            fields.Add(new ImportField("published", ChineseDates.Format(only), promulgation.Line is null ? "原文未载公布日期，按版本日期填写；请核对" : null));
        }
        else if (adopted is { } alone)
        {
            fields.Add(new ImportField("written", ChineseDates.Format(alone)));
            fields.Add(new ImportField("published", ChineseDates.Format(alone), "原文未载公布日期，暂填通过日期；请改为实际公布日期", Placeholder: true));
        }
        else
        {
            var stand = ChineseDates.Format(new DateOnly(2000, 1, 1));
            fields.Add(new ImportField("written", stand, "原文和元数据都没有日期，暂填2000-01-01；请改为实际日期", Placeholder: true));
            fields.Add(new ImportField("published", stand, "原文和元数据都没有日期，暂填2000-01-01；请改为实际日期", Placeholder: true));
        }

        fields.Add(context.TopicField());
        fields.Add(context.GenreField(title));
        fields.Add(new ImportField("#summary", "", "内容概述无法从原文得出；请填写 summary"));
        fields.Add(new ImportField("disclosure", FrontMatterText.Quote("主动公开"), "导入的是已经公开发布的文件；如不属主动公开，请改为依申请公开或不予公开并写明理由"));
        fields.Add(Validity(record, catalogue, idOf, ReadPlainTextDocument.DateOf(fields, "written")!.Value));
        var effective = dated.Where(l => l.Line.Contains("施行", StringComparison.Ordinal) && (version is null || l.Date >= version)).Select(l => (DateOnly?)l.Date).FirstOrDefault()
            ?? record?.ValidFrom;
        fields.Add(new ImportField("extra", "{imported_from: " + FrontMatterText.Quote(source) + (effective is { } from ? ", in_force_from: " + ChineseDates.Format(from) : "") + "}"));
        return new ImportedDocument(source, id, ReadPlainTextDocument.DateOf(fields, "written")!.Value.Year, fields, body);
    }

    /// <summary>The name and version date of a file name like <c>行政复议法(2023-09-01)</c>.</summary>
    internal static (string Name, DateOnly? Version) NameAndVersion(string fileName)
    {
        var match = VersionSuffix().Match(fileName);
        return match.Success && DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", out var date)
            ? (fileName[..match.Index], date)
            : (fileName, null);
    }

    private static ImportField Validity(LawRecord? record, LawCatalogue? catalogue, Func<LawRecord, string?> idOf, DateOnly written)
    {
        if (record is null)
        {
            return new ImportField("#validity", "有效", "元数据中找不到这一版本，有效性按默认“有效”；请核对");
        }

        if (!record.Expired)
        {
            return new ImportField("validity", "有效");
        }

        if (catalogue?.Successor(record) is { Published: { } replaced } successor && replaced >= written)
        {
            var next = idOf(successor);
            return new ImportField("validity", $"{{status: 已修改, date: {ChineseDates.Format(replaced)}" + (next is null ? "" : ", amended_by: " + next) + "}",
                next is null ? "元数据载明已被新版本取代，新版本不在导入的文件中；请补写 amended_by" : null);
        }

        return new ImportField("validity", $"{{status: 失效, date: {ChineseDates.Format(written)}}}",
            "元数据载明已失效，但没有失效日期，暂填成文日期；请改为实际失效日期", Placeholder: true);
    }

    /// <summary>Who the line says made or issued it: the text before 令第/公布/发布/通过, without the leading date.</summary>
    private static string IssuingBody(string line) => DatePrefix().Replace(line, "").Trim();

    [GeneratedRegex(@"^<!-- INFO END -->[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex MarkerLine();

    [GeneratedRegex(@"\(([0-9]{4}-[0-9]{2}-[0-9]{2})\)$")]
    private static partial Regex VersionSuffix();

    [GeneratedRegex("通过|修订|修正|批准")]
    private static partial Regex Adoption();

    [GeneratedRegex("公布|发布")]
    private static partial Regex Promulgation();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]*令第[0-9〇零一二三四五六七八九十百]+号")]
    private static partial Regex OrderNumber();

    [GeneratedRegex(@"^[^年]*年[^月]*月[^日]*日\s*")]
    private static partial Regex DatePrefix();
}
