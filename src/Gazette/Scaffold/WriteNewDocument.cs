using System.Globalization;
using System.Text;
using Gazette.Import;
using Gazette.Model;

namespace Gazette.Scaffold;

/// <summary>
/// Makes a new document or interpretation for <c>gazette new</c>: every required field with a value that builds, today's date,
/// the next free index number of the organ and year (one past the highest written for them, skipping numbers taken by any
/// document, derived ones included), and a comment in Chinese beside each field saying what it holds. The file is a draft
/// (<c>draft: true</c>) until the publisher has filled it in, so its stand-in title and summary are never published.
/// </summary>
public sealed class WriteNewDocument
{
    /// <summary>How many sequence numbers an organ has in a year (<c>00001</c> to <c>99999</c>).</summary>
    private const int LastNumber = 99_999;

    public NewFile Run(NewFileKind kind, SiteConfiguration config, IReadOnlyList<Document> documents, DateOnly today,
        string? organId, string? interprets, string? title)
    {
        Document? policy = null;
        if (kind == NewFileKind.Interpretation)
        {
            if (interprets is null)
            {
                return Refused("a new interpretation needs --interprets <id> of the policy document it explains");
            }

            policy = documents.FirstOrDefault(d => d.Id == interprets);
            if (policy is null)
            {
                return Refused($"--interprets {interprets}: no document has this id");
            }
        }

        var organ = organId is not null ? config.FindOrgan(organId) : policy is not null ? config.FindOrgan(policy.Issuers[0]) : config.Organs.FirstOrDefault();
        if (organ is null)
        {
            return Refused(organId is null ? "organs.yml has no organ" : $"--organ {organId} is not an organ of organs.yml (ids: {string.Join(", ", config.Organs.Select(o => o.Id))})");
        }

        if (organ.Code is not { } code)
        {
            return Refused($"the organ '{organ.Id}' has no code in organs.yml, so no index number can be given; add 'code:' to it");
        }

        var prefix = string.Create(CultureInfo.InvariantCulture, $"{code}/{today.Year:D4}-");
        var taken = documents.Select(d => d.IndexNumber).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var written = documents.Where(d => d.Fields.ContainsKey("index_number") && d.IndexNumber!.StartsWith(prefix, StringComparison.Ordinal))
            .Select(d => int.TryParse(d.IndexNumber![prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        var number = written + 1;
        while (number <= LastNumber && taken.Contains(prefix + number.ToString("D5", CultureInfo.InvariantCulture)))
        {
            number++;
        }

        if (number > LastNumber)
        {
            return Refused($"every index number of {organ.Id} in {today.Year} after {prefix}{written:D5} is taken");
        }

        var sequence = number.ToString("D5", CultureInfo.InvariantCulture);
        var ids = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var id = $"{organ.Id}-{today.Year}-{sequence}";
        for (var n = 2; ids.Contains(id); n++)
        {
            id = $"{organ.Id}-{today.Year}-{sequence}-{n}";
        }

        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var topic = config.FindTopic("综合政务")?.Name ?? config.Topics.FirstOrDefault()?.Name ?? "综合政务";
        var interpretationGenre = config.Genres.FirstOrDefault(g => g.IsInterpretation)?.Name ?? "政策解读";
        var text = new StringBuilder("---\n");
        text.Append("# 新").Append(policy is null ? "文件" : "政策解读").Append("：由 gazette new 于 ").Append(date)
            .Append(" 生成。逐项填写后删除最后的 draft 一行，文件才会发布。各字段的说明见 docs/content.md。\n");
        Line(text, "title", FrontMatterText.Quote(title ?? (policy is null ? "（请填写标题）" : $"《{policy.Title}》政策解读")),
            "标题：文件的完整名称，如“××市人民政府办公室关于……的通知”");
        if (policy is null)
        {
            Line(text, "# doc_number", FrontMatterText.Quote($"×府办发〔{today.Year}〕1号"), "发文字号：有文号的去掉行首的 # 并改正；括号用六角括号〔〕；没有文号的删除此行");
        }

        Line(text, "index_number", prefix + sequence, "索引号：本机构本年度的下一个空号，是文件的永久网址，发布后不要再改");
        Line(text, "issuers", "[" + organ.Id + "]", $"发布机构：organs.yml 中的 id（{organ.Id} 即 {organ.Name}）；联合发文写成列表，牵头机构在前");
        Line(text, "written", date, "成文日期：文件签发的日期，格式 YYYY-MM-DD");
        Line(text, "published", date, policy is null
            ? "发布日期：上网或刊登公报的日期，不早于成文日期；自成文起 20 个工作日内发布"
            : "发布日期：政策解读应与政策文件同步发布，最迟 3 个工作日内");
        Line(text, "topic", FrontMatterText.Quote(policy?.Topic ?? topic), "主题分类：国家主题分类（topics.yml）中的一项，请按内容改正");
        Line(text, "genre", FrontMatterText.Quote(policy is null ? "通知" : interpretationGenre), policy is null ? "文种：通知、意见、办法、规定、方案、公告……" : "文种：政策解读");
        if (policy is not null)
        {
            Line(text, "interprets", policy.Id, $"解读对象：所解读的政策文件的 id（{policy.Title}）");
        }

        Line(text, "summary", FrontMatterText.Quote("（请填写内容概述）"), "内容概述：一两句话概括文件内容（《政府信息公开条例》第十二条要求）");
        Line(text, "disclosure", "主动公开", "公开属性：主动公开、依申请公开或不予公开；后两者不发布，并须写 disclosure_reason 说明理由");
        Line(text, "validity", "有效", "有效性：有效、失效、废止或已修改；后三者写成 {status: 废止, date: YYYY-MM-DD, repealed_by: 文件id}");
        if (policy is null)
        {
            Line(text, "# legal_form", "行政规范性文件", "法律形式：规章、行政规范性文件或其他；不写时按文种推定（年度报告表二据此统计）");
        }

        Line(text, "# gazette", $"{{year: {today.Year}, issue: 1, section: 政府文件, order: 1}}", "刊登的公报：年份、期号、栏目和栏目内顺序；刊登时去掉行首的 #");
        Line(text, "# attachments", "[{file: 附件1.pdf, title: 附件1}]", "附件：与本文件放在同一文件夹，file 是文件名，title 是附件标题");
        Line(text, "draft", "true", "草稿：填写完毕、审核后删除此行，文件才会发布");
        text.Append("---\n\n").Append(policy is null
            ? "（在此撰写或粘贴正文。一级标题写成“## 一、……”，二级标题写成“### （一）……”。）\n"
            : $"（在此撰写解读正文：出台背景、主要内容、关键词解释。可链接原文：[{policy.Title}](doc:{policy.Id})）\n");

        var note = $"index number {prefix}{sequence}" + (policy is null ? "" : $"; interprets {policy.Id} ({policy.Title})");
        return new NewFile($"documents/{today.Year}/{id}.md", text.ToString(), note);
    }

    private static void Line(StringBuilder text, string key, string value, string comment) =>
        text.Append(key).Append(": ").Append(value).Append("  # ").Append(comment).Append('\n');

    private static NewFile Refused(string why) => new(null, "", why);
}
