namespace Gazette.Content;

/// <summary>
/// The Chinese names publishers know the content keys by (the labels of a disclosure catalogue), for the hint of a key written in
/// Chinese: keys are written in English.
/// </summary>
internal static class ChineseKeyNames
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["标题"] = "title", ["名称"] = "title", ["文件名称"] = "title",
        ["文号"] = "doc_number", ["发文字号"] = "doc_number", ["索引号"] = "index_number",
        ["发布机构"] = "issuers", ["发文机关"] = "issuers", ["发文单位"] = "issuers", ["发布单位"] = "issuers",
        ["成文日期"] = "written", ["发文日期"] = "written", ["发布日期"] = "published", ["公开日期"] = "published",
        ["主题分类"] = "topic", ["主题"] = "topic", ["文种"] = "genre", ["体裁"] = "genre",
        ["内容概述"] = "summary", ["概述"] = "summary", ["摘要"] = "summary",
        ["公开属性"] = "disclosure", ["公开方式"] = "disclosure", ["不公开理由"] = "disclosure_reason", ["理由"] = "disclosure_reason",
        ["有效性"] = "validity", ["状态"] = "status", ["日期"] = "date", ["废止文件"] = "repealed_by", ["修改文件"] = "amended_by", ["备注"] = "note",
        ["解读对象"] = "interprets", ["刊期"] = "gazette", ["公报"] = "gazette", ["年份"] = "year", ["期号"] = "issue", ["栏目"] = "section", ["序号"] = "order",
        ["附件"] = "attachments", ["目录"] = "catalogue", ["文件"] = "file",
    };

    /// <summary>"write 'title' for 标题 …" when <paramref name="key"/> is the Chinese name of one of the allowed keys; otherwise null.</summary>
    public static string? Hint(string key, IReadOnlyCollection<string> allowed) =>
        Keys.TryGetValue(key.Trim(), out var english) && allowed.Contains(english)
            ? $"keys are written in English: write '{english}:' for {key.Trim()}"
            : null;
}
