using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Gazette.Bench.Corpus;

/// <summary>A gazette placement of a generated document.</summary>
public sealed record Placement(int Year, int Issue, string Section, int Order)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Issue}");
}

/// <summary>One generated document: its front matter fields, body and where it came from.</summary>
public sealed record GeneratedDocument(
    int Index,
    string Id,
    string Title,
    string? DocNumber,
    string IndexNumber,
    IReadOnlyList<string> Issuers,
    DateOnly Written,
    DateOnly Published,
    string Topic,
    string Genre,
    string? Summary,
    string Disclosure,
    string Validity,
    DateOnly? ValidityDate,
    Placement? Gazette,
    string Body,
    string Source)
{
    public string Url => $"/documents/{IndexNumber}/";

    public string RelativePath => $"content/documents/{Published.Year}/{Issuers[0]}/{Id}.md";
}

/// <summary>
/// Generates the benchmark corpora. The documents form one fixed sequence: a few showcase documents with pinned document
/// numbers, then the 1,512 real laws in a seeded order, then derived documents recombined from the laws' articles. A corpus of
/// N documents is the first N of that sequence, so the smaller corpora are part of the larger ones and every query's
/// expected document exists in all of them.
/// </summary>
public sealed partial class Generator
{
    public const ulong Seed = 20_240_404;
    public const int FirstYear = 2008;
    public const int LastYear = 2025;
    public const int IssuesPerYear = 24;

    private readonly IReadOnlyList<Law> _laws;
    private readonly IReadOnlyList<Law> _lawOrder;
    private readonly IReadOnlyList<Law> _richLaws;
    private readonly IReadOnlyList<Law> _titleLaws;
    private readonly Dictionary<string, int> _indexSeq = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _numberSeq = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _issueOrder = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reserved = new(StringComparer.Ordinal);
    private readonly double[] _organWeights;
    private readonly double[] _yearWeights;

    /// <summary>Documents whose numbers the query list looks up, each stored in a form real input has.</summary>
    public static IReadOnlyList<(string Organ, int Year, int Number, string Stored, string Template)> Showcase { get; } =
    [
        ("guowuyuan-bangongting", 2019, 16, "国办发〔2019〕16号", "tongzhi"),
        ("beijing-gov", 2018, 7, "京政发[2018]7号", "banfa"),
        ("shanghai-gov-office", 2020, 15, "沪府办发(2020)15号", "tongzhi"),
        ("guangdong-gov", 2021, 3, "粤府〔2021〕3号", "yijian"),
        ("liaocheng-gov-office", 2018, 22, "聊政办发（2018）22号", "tongzhi"),
        ("zuigao-fayuan", 2020, 17, "法释〔2020〕17号", "jieshi"),
        ("renshebu", 2019, 45, "人社部发〔２０１９〕４５号", "tongzhi"),
        ("chongqing-gov-office", 2019, 71, "渝府办发〔2019〕71号", "tongzhi"),
        ("caizhengbu", 2017, 50, "财预【2017】50号", "tongzhi"),
        ("zhejiang-gov", 2016, 9, "浙政发〔2016〕9号", "ppp"),
        ("guowuyuan", 2024, 1, "国发〔2024〕1号", "yijian"),
        ("luan-gov-office", 2018, 93, "六政办〔2018〕93号", "fangan"),
    ];

    public Generator(IReadOnlyList<Law> laws)
    {
        _laws = laws;
        var rng = Rng.For(Seed, -1);
        var order = laws.ToList();
        for (var i = order.Count - 1; i > 0; i--)
        {
            var j = rng.Int(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        _lawOrder = order;
        _richLaws = laws.Where(l => l.Articles.Count >= 6).ToList();
        // Laws whose names read well inside a derived title (not 最高人民法院关于……的解释).
        _titleLaws = _richLaws.Where(l => !l.Title.Contains("关于", StringComparison.Ordinal) && !l.Title.Contains(' ', StringComparison.Ordinal)).ToList();
        _organWeights = Vocabulary.Organs.Select(o => o.Weight * (o.National ? 1 : 1.5)).ToArray();
        _yearWeights = Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(y => 1.0 + ((y - FirstYear) * 0.08)).ToArray();
        foreach (var s in Showcase)
        {
            _reserved.Add(string.Create(CultureInfo.InvariantCulture, $"{s.Organ}/{s.Year}/{s.Number}"));
        }
    }

    public int RealCount => _laws.Count;

    /// <summary>The first <paramref name="count"/> documents of the sequence.</summary>
    public IEnumerable<GeneratedDocument> Documents(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var rng = Rng.For(Seed, i);
            if (i < Showcase.Count)
            {
                var s = Showcase[i];
                yield return Derived(i, rng, Vocabulary.Organ(s.Organ), s.Year, s.Stored, s.Template);
            }
            else if (i < Showcase.Count + _lawOrder.Count)
            {
                yield return Real(i, rng, _lawOrder[i - Showcase.Count]);
            }
            else
            {
                yield return Derived(i, rng, null, null, null, null);
            }
        }
    }

    private GeneratedDocument Real(int index, Rng rng, Law law)
    {
        var issuers = OrgansOfLaw(law);
        var topic = Vocabulary.TopicOf(law.Title);
        var genre = Vocabulary.GenreOfLaw(law);
        var body = new StringBuilder();
        foreach (var line in law.HeaderLines)
        {
            body.Append(line).Append("\n\n");
        }

        foreach (var block in law.Body)
        {
            if (block.Kind == BlockKind.Heading)
            {
                body.Append(new string('#', Math.Clamp(block.Level, 2, 4))).Append(' ');
            }

            body.Append(block.Text).Append("\n\n");
        }

        var summary = rng.Chance(0.6) && law.Articles.Count > 0 ? SummaryOf(law.Articles[0].First, null) : null;
        var section = law.Level switch
        {
            "法律" or "宪法" => "法律",
            "行政法规" => "行政法规",
            "司法解释" => "司法解释",
            _ => "部门规章",
        };
        var organ = Vocabulary.Organ(issuers[0]);
        return new GeneratedDocument(
            index,
            DocumentId(index),
            law.Title,
            law.OrderNumber,
            NextIndexNumber(organ, law.Written.Year),
            issuers,
            law.Written,
            law.Published,
            topic,
            genre,
            summary,
            "主动公开",
            law.Expired ? "失效" : "有效",
            law.Expired ? law.ExpiredOn : null,
            Place(rng, law.Published, section),
            body.ToString(),
            "law:" + law.RelativePath);
    }

    private static IReadOnlyList<string> OrgansOfLaw(Law law)
    {
        var order = law.OrderNumber ?? "";
        (string Word, string Organ)[] byOrder =
        [
            ("交通", "jiaotongbu"), ("财政部", "caizhengbu"), ("民政部", "minzhengbu"), ("公安部", "gonganbu"), ("商务部", "shangwubu"),
            ("教育部", "jiaoyubu"), ("司法部", "sifabu"), ("国家安全部", "guojia-anquanbu"), ("人力资源", "renshebu"), ("劳动", "renshebu"),
            ("市场监督", "shichang-jianguan"), ("卫生", "weijianwei"), ("农业", "nongyebu"), ("建设部", "zhujianbu"), ("国土资源", "ziranziyuanbu"),
            ("环境保护", "shengtai-huanjingbu"), ("发展和改革", "fagaiwei"), ("信息产业", "gongxinbu"), ("主席令", "quanguo-renda-changweihui"),
        ];
        foreach (var (word, organ) in byOrder)
        {
            if (order.Contains(word, StringComparison.Ordinal) && !order.Contains("国务院", StringComparison.Ordinal))
            {
                return [organ];
            }
        }

        if (law.Level == "司法解释")
        {
            var court = law.Title.Contains("最高人民法院", StringComparison.Ordinal);
            var procuratorate = law.Title.Contains("检察", StringComparison.Ordinal);
            return court && procuratorate ? ["zuigao-fayuan", "zuigao-jianchayuan"] : procuratorate ? ["zuigao-jianchayuan"] : ["zuigao-fayuan"];
        }

        if (law.Folder == "部门规章")
        {
            var ministry = law.RelativePath.Split('/')[1];
            return [ministry switch
            {
                "公安部" => "gonganbu",
                "人力资源社会保障部" => "renshebu",
                "市场监督管理总局" => "shichang-jianguan",
                "国家安全部" => "guojia-anquanbu",
                _ => "guowuyuan",
            }];
        }

        return law.Level switch
        {
            "宪法" => law.Title.Contains("修正案", StringComparison.Ordinal) || law.Title == "中华人民共和国宪法" ? ["quanguo-renda"] : ["quanguo-renda-changweihui"],
            "法律" => ["quanguo-renda-changweihui"],
            "行政法规" => ["guowuyuan"],
            _ => ["renshebu"],
        };
    }

    private static readonly (string Template, double Weight)[] Templates =
    [
        ("tongzhi", 30), ("yijian", 14), ("banfa", 12), ("guiding", 7), ("xize", 5), ("jueding", 6), ("tonggao", 4), ("fangan", 6),
        ("pifu", 4), ("jiedu", 5), ("guihua", 2), ("jieshi", 1.5), ("ppp", 0.6),
    ];

    private GeneratedDocument Derived(int index, Rng rng, Organ? pinnedOrgan, int? pinnedYear, string? pinnedNumber, string? pinnedTemplate)
    {
        var organ = pinnedOrgan ?? Vocabulary.Organs[rng.Weighted(_organWeights)];
        var year = pinnedYear ?? FirstYear + rng.Weighted(_yearWeights);
        var published = new DateOnly(year, 1, 1).AddDays(rng.Int(DateTime.IsLeapYear(year) ? 366 : 365));
        var written = published.AddDays(-rng.Int(15));
        var primary = _titleLaws[rng.Int(_titleLaws.Count)];
        var topic = Vocabulary.TopicOf(primary.Title);
        var secondary = rng.Chance(0.5)
            ? _richLaws.Where(l => l != primary && Vocabulary.TopicOf(l.Title) == topic).DefaultIfEmpty(_richLaws[rng.Int(_richLaws.Count)]).ElementAt(0)
            : _richLaws[rng.Int(_richLaws.Count)];
        if (secondary == primary || rng.Chance(0.5))
        {
            secondary = _richLaws[rng.Int(_richLaws.Count)];
        }

        var template = pinnedTemplate ?? Templates[rng.Weighted(Templates.Select(t => t.Weight).ToArray())].Template;
        if (template == "jieshi" && organ.Id is not ("zuigao-fayuan" or "zuigao-jianchayuan"))
        {
            template = "tongzhi";
        }

        var region = organ.Region;
        var core = primary.Core;
        var coreStem = StemOf(core);
        var lawTitle = primary.Title.Replace(" ", "", StringComparison.Ordinal);
        var inner = region.Length > 0 ? $"{region}实施《{lawTitle}》办法" : $"《{lawTitle}》实施办法";
        var plan = year >= 2021 ? "“十四五”" : year >= 2016 ? "“十三五”" : year >= 2011 ? "“十二五”" : "“十一五”";
        var (title, genre, kindWord) = template switch
        {
            "tongzhi" => rng.Int(3) switch
            {
                0 => ($"{organ.Name}关于印发{inner}的通知", "tongzhi", "办法"),
                1 => ($"{organ.Name}关于印发《{region}{coreStem}实施细则》的通知", "tongzhi", "细则"),
                _ => ($"{organ.Name}关于做好{year}年{coreStem}贯彻实施工作的通知", "tongzhi", "通知"),
            },
            "yijian" => rng.Chance(0.5)
                ? ($"{organ.Name}关于贯彻实施《{lawTitle}》的实施意见", "yijian", "意见")
                : ($"{organ.Name}关于进一步加强{coreStem}工作的意见", "yijian", "意见"),
            "banfa" => (region.Length > 0 ? $"{region}实施《{lawTitle}》办法" : $"{coreStem}实施办法", "banfa", "办法"),
            "guiding" => ($"{region}{coreStem}若干规定", "guiding", "规定"),
            "xize" => ($"{region}{coreStem}实施细则", "xize", "细则"),
            "jueding" => ($"{organ.Name}关于修改《{region}{coreStem}实施办法》的决定", "jueding", "办法"),
            "tonggao" => ($"{organ.Name}关于{year}年{coreStem}有关事项的通告", "tonggao", "通告"),
            "fangan" => ($"{region}{year}年{coreStem}工作方案", "fangan", "方案"),
            "pifu" => ($"{organ.Name}关于{region}{coreStem}有关问题的批复", "pifu", "批复"),
            "jiedu" => ($"《{region}{coreStem}实施办法》政策解读", "zhengce-jiedu", "办法"),
            "guihua" => ($"{region}{coreStem}{plan}规划", "guihua", "规划"),
            "jieshi" => ($"{organ.Name}关于适用《{lawTitle}》若干问题的解释", "sifa-jieshi", "解释"),
            _ => ($"{organ.Name}关于推进政府和社会资本合作（PPP）项目规范发展的实施意见", "yijian", "意见"),
        };

        var body = new StringBuilder();
        var national = organ.National;
        if (template is "tongzhi" or "ppp" or "yijian" or "fangan")
        {
            body.Append(national ? "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：" : "各区县人民政府，市政府各部门、各直属机构：").Append("\n\n");
        }

        switch (template)
        {
            case "tongzhi" when title.Contains("印发", StringComparison.Ordinal):
                body.Append("现将").Append(title[(title.IndexOf("印发", StringComparison.Ordinal) + 2)..^3].Trim('《', '》') is var t ? "《" + t + "》" : "")
                    .Append("印发给你们，请结合实际认真贯彻执行。\n\n");
                break;
            case "tongzhi":
                body.Append("为做好").Append(year).Append("年《").Append(lawTitle).Append("》贯彻实施工作，经").Append(national ? "国务院" : "本级人民政府")
                    .Append("同意，现就有关事项通知如下。\n\n");
                break;
            case "yijian":
                body.Append("为贯彻实施《").Append(lawTitle).Append("》，结合").Append(region.Length > 0 ? region : "工作").Append("实际，提出如下意见。\n\n");
                break;
            case "ppp":
                body.Append("为规范推进政府和社会资本合作（PPP）项目，防范化解地方政府债务风险，提高公共服务供给质量和效率，现就PPP项目规范发展提出如下意见。\n\n");
                break;
            case "jiedu":
                body.Append("## 一、制定背景\n\n为贯彻实施《").Append(lawTitle).Append("》，").Append(organ.Name).Append("起草了《").Append(region).Append(coreStem)
                    .Append("实施办法》。现就主要内容解读如下。\n\n## 二、主要内容\n\n");
                break;
        }

        var articles = SelectArticles(rng, primary, secondary);
        string? chapter = null;
        var chapterNumber = 0;
        var articleNumber = 0;
        string? summarySource = null;
        foreach (var (article, fromChapter) in articles)
        {
            if (fromChapter is not null && fromChapter != chapter)
            {
                chapter = fromChapter;
                chapterNumber++;
                body.Append("## 第").Append(Vocabulary.Chinese(chapterNumber)).Append("章 ").Append(ChapterName(fromChapter)).Append("\n\n");
            }

            articleNumber++;
            var first = Renumber(article.First, articleNumber, kindWord);
            summarySource ??= first;
            body.Append(first).Append("\n\n");
            foreach (var rest in article.Rest)
            {
                body.Append(Replace(rest, kindWord)).Append("\n\n");
            }
        }

        articleNumber++;
        var effective = published.AddDays(rng.Chance(0.5) ? 0 : 30);
        body.Append('第').Append(Vocabulary.Chinese(articleNumber)).Append("条 本").Append(kindWord).Append('自')
            .Append(ChineseDate(effective)).Append("起施行。\n\n");
        if (template is "tongzhi" or "yijian" or "ppp" or "fangan" or "tonggao")
        {
            body.Append(organ.Name).Append("\n\n").Append(ChineseDate(written)).Append("\n\n");
        }

        var number = pinnedNumber ?? DocumentNumber(rng, organ, year);
        var summary = pinnedNumber is not null || rng.Chance(0.6) ? SummaryOf(summarySource ?? "", template == "tongzhi" && title.Contains("印发", StringComparison.Ordinal) ? organ.ShortName : null) : null;
        var (disclosure, validity, validityDate) = Status(rng, published, pinnedNumber is not null);
        var section = genre == "zhengce-jiedu" ? "政策解读"
            : organ.Id is "guowuyuan" or "guowuyuan-bangongting" ? "国务院文件"
            : organ.Id is "quanguo-renda" or "quanguo-renda-changweihui" ? "法律"
            : organ.Id is "zuigao-fayuan" or "zuigao-jianchayuan" ? "司法解释"
            : national ? "部门规章" : "地方政府文件";
        var issuers = new List<string> { organ.Id };
        if (rng.Chance(0.03))
        {
            var partner = Vocabulary.Organs[rng.Weighted(_organWeights)];
            if (partner.Id != organ.Id && partner.National == organ.National)
            {
                issuers.Add(partner.Id);
            }
        }

        return new GeneratedDocument(
            index,
            DocumentId(index),
            title,
            number,
            NextIndexNumber(organ, written.Year),
            issuers,
            written,
            published,
            topic,
            genre,
            summary,
            disclosure,
            validity,
            validityDate,
            disclosure == "主动公开" ? Place(rng, published, section) : null,
            body.ToString(),
            $"derived:{primary.RelativePath}+{secondary.RelativePath}");
    }

    /// <summary>A window of consecutive articles of the primary law, with a few of the secondary law's spliced in.</summary>
    private static List<(Article Article, string? Chapter)> SelectArticles(Rng rng, Law primary, Law secondary)
    {
        var target = Math.Clamp(rng.LogNormal(2200, 0.7), 400, 16000);
        var result = new List<(Article, string?)>();
        var start = rng.Int(Math.Max(1, primary.Articles.Count - 3));
        var length = 0.0;
        for (var i = start; i < primary.Articles.Count && length < target * 0.8; i++)
        {
            var a = primary.Articles[i];
            result.Add((a, a.Chapter));
            length += a.Length;
        }

        var extra = rng.Between(1, 4);
        var from = rng.Int(Math.Max(1, secondary.Articles.Count - extra));
        var insertAt = result.Count > 2 ? rng.Between(1, result.Count - 1) : result.Count;
        var chapterOfInsert = insertAt < result.Count ? result[insertAt].Item2 : result.LastOrDefault().Item2;
        var spliced = secondary.Articles.Skip(from).Take(extra).Select(a => (a, chapterOfInsert)).ToList();
        result.InsertRange(insertAt, spliced);
        return result;
    }

    private static string ChapterName(string heading)
    {
        var name = ChapterPrefix().Replace(heading, "").Trim();
        return name.Length == 0 ? "一般规定" : name;
    }

    private static string Renumber(string first, int number, string kindWord) =>
        Replace(LawCorpus.ArticleStart().Replace(first, "第" + Vocabulary.Chinese(number) + "条", 1), kindWord);

    private static string Replace(string text, string kindWord) => SelfReference().Replace(text, "本" + kindWord);

    private static string StemOf(string core)
    {
        foreach (var suffix in new[] { "实施条例", "实施细则", "实施办法", "若干规定", "管理条例", "管理办法", "管理规定", "条例", "规定", "办法", "细则", "规则", "法" })
        {
            if (core.EndsWith(suffix, StringComparison.Ordinal) && core.Length > suffix.Length + 1)
            {
                var stem = core[..^suffix.Length];
                return suffix.StartsWith("管理", StringComparison.Ordinal) || stem.EndsWith("管理", StringComparison.Ordinal) ? stem.TrimEnd() + (stem.EndsWith("管理", StringComparison.Ordinal) ? "" : "管理") : stem;
            }
        }

        return core;
    }

    private static string? SummaryOf(string firstArticle, string? issuedBy)
    {
        var text = LawCorpus.ArticleStart().Replace(firstArticle, "").Trim();
        var end = text.IndexOf('。', StringComparison.Ordinal);
        if (end > 0)
        {
            text = text[..(end + 1)];
        }

        if (text.Length > 100)
        {
            text = text[..100] + "……";
        }

        if (text.Length < 8)
        {
            return null;
        }

        return issuedBy is null ? text : $"{issuedBy}印发实施办法，明确：{text}";
    }

    private string? DocumentNumber(Rng rng, Organ organ, int year)
    {
        if (organ.Prefix.Length == 0 || rng.Chance(0.12))
        {
            return null;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{organ.Id}/{year}");
        int n;
        do
        {
            n = _numberSeq[key] = _numberSeq.GetValueOrDefault(key) + 1;
        }
        while (_reserved.Contains($"{key}/{n}"));

        // Most numbers are written as the standard says (〔〕); real input also has [], (), （）, 【】, no 号 and full-width digits.
        var style = rng.Weighted([75, 9, 6, 4, 2, 2, 2]);
        var y = year.ToString(CultureInfo.InvariantCulture);
        var num = n.ToString(CultureInfo.InvariantCulture);
        return style switch
        {
            0 => $"{organ.Prefix}〔{y}〕{num}号",
            1 => $"{organ.Prefix}[{y}]{num}号",
            2 => $"{organ.Prefix}({y}){num}号",
            3 => $"{organ.Prefix}（{y}）{num}号",
            4 => $"{organ.Prefix}【{y}】{num}号",
            5 => $"{organ.Prefix}〔{y}〕{num}",
            _ => $"{organ.Prefix}〔{FullWidth(y)}〕{FullWidth(num)}号",
        };
    }

    private static string FullWidth(string digits) => string.Concat(digits.Select(c => (char)(c + 0xFEE0)));

    private static (string Disclosure, string Validity, DateOnly? Date) Status(Rng rng, DateOnly published, bool pinned)
    {
        var disclosure = pinned ? 0 : rng.Weighted([98.7, 1, 0.3]);
        var validity = pinned ? 0 : rng.Weighted([78, 8, 8, 6]);
        var until = published.AddDays(rng.Between(180, 3000));
        if (until > new DateOnly(2025, 12, 31))
        {
            until = new DateOnly(2025, 12, 31);
        }

        if (until < published)
        {
            until = published;
        }

        return (
            disclosure switch { 0 => "主动公开", 1 => "依申请公开", _ => "不予公开" },
            validity switch { 0 => "有效", 1 => "已修改", 2 => "失效", _ => "废止" },
            validity == 0 ? null : until);
    }

    private Placement? Place(Rng rng, DateOnly published, string section)
    {
        if (published.Year is < FirstYear or > LastYear || !rng.Chance(0.35))
        {
            return null;
        }

        var issue = ((published.Month - 1) * 2) + (published.Day <= 15 ? 1 : 2);
        var key = string.Create(CultureInfo.InvariantCulture, $"{published.Year}/{issue}/{section}");
        var order = _issueOrder[key] = _issueOrder.GetValueOrDefault(key) + 1;
        return new Placement(published.Year, issue, section, order);
    }

    private string NextIndexNumber(Organ organ, int year)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{organ.Code}/{year}");
        var n = _indexSeq[key] = _indexSeq.GetValueOrDefault(key) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{key}-{n:D5}");
    }

    private static string DocumentId(int index) => string.Create(CultureInfo.InvariantCulture, $"d{index:D6}");

    private static string ChineseDate(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日");

    public static DateOnly IssueDate(int year, int issue)
    {
        var month = ((issue - 1) / 2) + 1;
        return issue % 2 == 1 ? new DateOnly(year, month, 15) : new DateOnly(year, month, DateTime.DaysInMonth(year, month));
    }

    [GeneratedRegex(@"^第[一二三四五六七八九十百千零〇两]+章\s*")]
    private static partial Regex ChapterPrefix();

    [GeneratedRegex("本(法|条例|规定|办法|细则|解释|规则)")]
    private static partial Regex SelfReference();
}

/// <summary>Writes a generated corpus as a Gazette site, with a side file the benchmark reads back (bench-meta.jsonl).</summary>
public static class CorpusWriter
{
    public const string MetaFile = "bench-meta.jsonl";

    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static (int Documents, long Bytes) Write(string root, int count, IReadOnlyList<Law> laws, TextWriter log)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var content = Path.Combine(root, "content");
        Directory.CreateDirectory(content);
        File.WriteAllText(Path.Combine(content, "site.yml"), $"""
            name: 法规与政府公报检索基准（{count:N0}篇）
            base_url: https://bench.example.gov.cn/
            language: zh-CN
            publisher: Gazette 检索基准（法规原文来自国家法律法规数据库，派生文件由原文重组生成，仅供测试）
            description: 用真实法律法规文本生成的 {count} 篇文件，检验 Gazette 站内检索的体积、速度和查全率。
            page_size: 20

            """);
        var organs = new StringBuilder("# 机关名称为真实机关；组织机构代码为测试用虚构代码。\n");
        foreach (var o in Vocabulary.Organs)
        {
            organs.Append($"- id: {o.Id}\n  name: {o.Name}\n  short_name: {o.ShortName}\n  code: \"{o.Code}\"\n");
        }

        File.WriteAllText(Path.Combine(content, "organs.yml"), organs.ToString());
        File.WriteAllText(Path.Combine(content, "genres.yml"), Vocabulary.ExtraGenres + "\n");
        for (var year = Generator.FirstYear; year <= Generator.LastYear; year++)
        {
            var folder = Path.Combine(content, "gazettes", year.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            for (var issue = 1; issue <= Generator.IssuesPerYear; issue++)
            {
                var total = ((year - Generator.FirstYear) * Generator.IssuesPerYear) + issue;
                File.WriteAllText(Path.Combine(folder, $"{issue}.yml"), string.Create(CultureInfo.InvariantCulture,
                    $"issue: {issue}\ntotal: {total}\ndate: {Generator.IssueDate(year, issue):yyyy-MM-dd}\nsections: [{string.Join(", ", Vocabulary.Sections)}]\n"));
            }
        }

        var generator = new Generator(laws);
        long bytes = 0;
        var written = 0;
        using var meta = new StreamWriter(Path.Combine(root, MetaFile), false, new UTF8Encoding(false));
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<GeneratedDocument>(2048);
        foreach (var document in generator.Documents(count))
        {
            batch.Add(document);
            if (batch.Count == batch.Capacity)
            {
                Flush();
            }
        }

        Flush();
        return (written, bytes);

        void Flush()
        {
            foreach (var d in batch)
            {
                var folder = Path.GetDirectoryName(Path.Combine(root, d.RelativePath))!;
                if (folders.Add(folder))
                {
                    Directory.CreateDirectory(folder);
                }

                meta.WriteLine(JsonSerializer.Serialize(MetaRecord.Of(d), Json));
            }

            var sizes = new long[batch.Count];
            Parallel.For(0, batch.Count, i =>
            {
                var text = Encoding.UTF8.GetBytes(FrontMatter(batch[i]) + batch[i].Body);
                File.WriteAllBytes(Path.Combine(root, batch[i].RelativePath), text);
                sizes[i] = text.Length;
            });
            bytes += sizes.Sum();
            written += batch.Count;
            if (written % 10_000 < batch.Count)
            {
                log.WriteLine($"  generated {written:N0} documents, {bytes / 1048576.0:N0} MB");
            }

            batch.Clear();
        }
    }

    private static string FrontMatter(GeneratedDocument d)
    {
        var f = new StringBuilder("---\n");
        f.Append("title: ").Append(Quote(d.Title)).Append('\n');
        if (d.DocNumber is not null)
        {
            f.Append("doc_number: ").Append(Quote(d.DocNumber)).Append('\n');
        }

        f.Append("index_number: ").Append(Quote(d.IndexNumber)).Append('\n');
        f.Append("issuers: [").Append(string.Join(", ", d.Issuers)).Append("]\n");
        f.Append(CultureInfo.InvariantCulture, $"written: {d.Written:yyyy-MM-dd}\npublished: {d.Published:yyyy-MM-dd}\n");
        f.Append("topic: ").Append(d.Topic).Append('\n');
        f.Append("genre: ").Append(d.Genre).Append('\n');
        if (d.Summary is not null)
        {
            f.Append("summary: ").Append(Quote(d.Summary)).Append('\n');
        }

        f.Append("disclosure: ").Append(d.Disclosure).Append('\n');
        if (d.Disclosure != "主动公开")
        {
            f.Append("disclosure_reason: ").Append(Quote(d.Disclosure == "依申请公开" ? "涉及特定对象的事项，依申请公开" : "《中华人民共和国政府信息公开条例》第十四条")).Append('\n');
        }

        f.Append(d.ValidityDate is { } vd
            ? string.Create(CultureInfo.InvariantCulture, $"validity: {{status: {d.Validity}, date: {vd:yyyy-MM-dd}}}\n")
            : $"validity: {d.Validity}\n");
        if (d.Gazette is { } g)
        {
            f.Append(CultureInfo.InvariantCulture, $"gazette: {{year: {g.Year}, issue: {g.Issue}, section: {g.Section}, order: {g.Order}}}\n");
        }

        f.Append("extra:\n  source: ").Append(Quote(d.Source)).Append("\n---\n\n");
        return f.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>What the benchmark needs to know of a document without reading its Markdown: one line of bench-meta.jsonl.</summary>
public sealed record MetaRecord(
    int I, string Id, string Path, string Url, string Title, string? Number, string[] Organs, string Published, string Topic, string Genre,
    string? Summary, string Disclosure, string Validity, string? Issue, string Source)
{
    public static MetaRecord Of(GeneratedDocument d) => new(
        d.Index, d.Id, d.RelativePath, d.Url, d.Title, d.DocNumber, d.Issuers.ToArray(), d.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        d.Topic, d.Genre, d.Summary, d.Disclosure, d.Validity, d.Gazette?.Key, d.Source);

    public bool IsPublic => Disclosure == "主动公开";

    public static IEnumerable<MetaRecord> ReadAll(string corpusRoot) =>
        File.ReadLines(System.IO.Path.Combine(corpusRoot, CorpusWriter.MetaFile)).Select(l => JsonSerializer.Deserialize<MetaRecord>(l, CorpusWriter.Json)!);
}
