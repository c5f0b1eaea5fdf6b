namespace Gazette.Content;

/// <summary>
/// The keys of a document's front matter and of a gazette issue file: the one list the readers (<c>ParseDocuments</c>,
/// <c>ParseGazetteIssues</c>) take their allowed keys from and the administration page's configuration is made from
/// (<c>Gazette.Admin.DecapConfiguration</c>). docs/content.md documents the same keys; a test holds the three together.
/// </summary>
internal static class ContentSchema
{
    /// <summary>The values of <c>validity</c> (or of its <c>status</c>) an editor picks from.</summary>
    public static IReadOnlyList<string> ValidityValues { get; } = ["有效", "失效", "废止", "已修改"];

    /// <summary>The keys of <c>validity:</c> written as a mapping.</summary>
    public static IReadOnlyList<ContentField> ValidityFields { get; } =
    [
        new("status", "状态", true, FieldKind.Choice, "有效、失效、废止或已修改") { Values = ValidityValues },
        new("date", "失效、废止或修改日期", false, FieldKind.Date, "不是“有效”时必填，不早于成文日期"),
        new("repealed_by", "废止文件", false, FieldKind.DocumentReference, "废止本文件的文件"),
        new("amended_by", "修改文件", false, FieldKind.DocumentReference, "修改本文件的文件"),
        new("note", "备注", false, FieldKind.LongText, "有效性的说明"),
    ];

    /// <summary>The keys of <c>gazette:</c>, where the gazette prints the document.</summary>
    public static IReadOnlyList<ContentField> GazetteFields { get; } =
    [
        new("year", "年份", true, FieldKind.Integer, "刊登公报的年份"),
        new("issue", "期号", true, FieldKind.Integer, "该年的第几期"),
        new("section", "栏目", true, FieldKind.Text, "该期目录中的栏目，须与刊期文件一致"),
        new("order", "序号", true, FieldKind.Integer, "在栏目中的顺序"),
    ];

    /// <summary>The keys of each item of <c>attachments:</c>.</summary>
    public static IReadOnlyList<ContentField> AttachmentFields { get; } =
    [
        new("file", "文件", true, FieldKind.File, "与本文件放在同一文件夹的附件"),
        new("title", "附件名称", false, FieldKind.Text, "页面上显示的附件名称"),
    ];

    /// <summary>Every key of a document's front matter, in the order docs/content.md lists them (<c>extra</c> aside).</summary>
    public static IReadOnlyList<ContentField> Document { get; } =
    [
        new("id", "文件标识", false, FieldKind.Text, "其他文件引用本文件时用的标识：小写字母、数字和连字符；不填则为文件名"),
        new("title", "标题", true, FieldKind.Text, "文件的完整标题"),
        new("doc_number", "发文字号", false, FieldKind.Text, "如 铜府办发〔2019〕16号，括号写作〔〕"),
        new("index_number", "索引号", false, FieldKind.Text, "如 000014349/2018-00222；不填则自动生成，一经发布不再改动"),
        new("issuers", "发布机构", true, FieldKind.Organs, "联合发文时牵头机关在前"),
        new("written", "成文日期", true, FieldKind.Date, "YYYY-MM-DD"),
        new("published", "发布日期", true, FieldKind.Date, "YYYY-MM-DD，不早于成文日期"),
        new("topic", "主题分类", true, FieldKind.Topic, "主题分类词表中的一项"),
        new("genre", "文种", true, FieldKind.Genre, "文种词表中的一项"),
        new("legal_form", "文件类别", false, FieldKind.Choice, "规章须注明；不填时按文种判断是否为行政规范性文件")
        {
            Values = ["规章", "行政规范性文件", "其他"],
        },
        new("summary", "内容概述", false, FieldKind.LongText, "一两句话概述文件内容"),
        new("disclosure", "公开属性", true, FieldKind.Choice, "只有主动公开的文件会发布") { Values = ["主动公开", "依申请公开", "不予公开"] },
        new("disclosure_reason", "不公开理由", false, FieldKind.LongText, "不是主动公开时必填"),
        new("draft", "草稿", false, FieldKind.Boolean, "草稿不会发布；审核后取消勾选"),
        new("privacy", "个人信息处理", false, FieldKind.Choice, "文中有身份证号、手机号等个人信息时填写") { Values = ["去标识化", "已审核"] },
        new("privacy_reason", "公开个人信息的理由", false, FieldKind.LongText, "选择“已审核”时必填，如 行政处罚决定公示"),
        new("validity", "有效性", false, FieldKind.Mapping, "不填为有效") { Fields = ValidityFields },
        new("interprets", "解读对象", false, FieldKind.DocumentReference, "政策解读所解读的文件"),
        new("gazette", "刊登公报", false, FieldKind.Mapping, "在公报中刊登的位置") { Fields = GazetteFields },
        new("attachments", "附件", false, FieldKind.MappingList, "与本文件放在同一文件夹的附件") { Fields = AttachmentFields },
        new("catalogue", "主动公开基本目录", false, FieldKind.CatalogueEntries, "本文件所属的目录条目"),
        new("aliases", "旧网址", false, FieldKind.TextList, "本文件在旧网站或改号前的网址，从网站根目录写起，如 /art/2019/7/19/art_1234_5678.html"),
    ];

    /// <summary>Every key of a gazette issue file (content/gazettes/&lt;year&gt;/&lt;n&gt;.yml).</summary>
    public static IReadOnlyList<ContentField> Issue { get; } =
    [
        new("issue", "期号", true, FieldKind.Integer, "该年的第几期，须与文件名一致"),
        new("total", "总期号", false, FieldKind.Integer, "总第N期"),
        new("date", "出版日期", true, FieldKind.Date, "YYYY-MM-DD，须在文件夹所示年份内"),
        new("title", "标题", false, FieldKind.Text, "如 特刊"),
        new("sections", "栏目", true, FieldKind.TextList, "目录中的栏目，按顺序"),
    ];

    /// <summary>The keys of <paramref name="fields"/>, for a reader.</summary>
    public static string[] KeysOf(IReadOnlyList<ContentField> fields) => fields.Select(f => f.Key).ToArray();
}
