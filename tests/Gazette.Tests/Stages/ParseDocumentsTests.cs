using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

public sealed class ParseDocumentsTests
{
    private const string Path = "content/documents/2019/tongfu-16.md";

    private static (IReadOnlyList<Document> Documents, DiagnosticBag Diagnostics) Parse(ContentSet content, SiteConfiguration? config = null)
    {
        var diagnostics = new DiagnosticBag();
        return (new ParseDocuments().Run(content, config ?? Stage.Config(), diagnostics), diagnostics);
    }

    /// <summary>A document file whose front matter is the given lines (line 2 onwards) and whose body is "正文。".</summary>
    private static string Md(params string[] lines) => "---\n" + string.Join("\n", lines) + "\n---\n\n正文。\n";

    private static readonly string[] Required =
    [
        "title: 关于测试的通知", "issuers: city-office", "written: 2019-05-20", "published: 2019-05-24", "topic: 综合政务", "genre: 通知",
        "disclosure: 主动公开",
    ];

    /// <summary>The required lines with <paramref name="fields"/> replacing those of the same key or added after them.</summary>
    private static string[] With(params string[] fields)
    {
        static string Key(string line) => line[..line.IndexOf(':')];
        var replaced = Required.Select(line => fields.FirstOrDefault(f => Key(f) == Key(line)) ?? line);
        return [.. replaced, .. fields.Where(f => !Required.Any(line => Key(line) == Key(f)))];
    }

    private static Document ParseOne(params string[] fields)
    {
        var (documents, diagnostics) = Parse(Stage.Content((Path, Md(With(fields)))));
        Assert.True(diagnostics.Items.Count == 0, Stage.Describe(diagnostics));
        return Assert.Single(documents);
    }

    [Fact]
    public void Every_front_matter_field_is_mapped_onto_the_document()
    {
        var text = Md(
            "id: tongfu-16",
            "title: 关于测试的通知",
            "doc_number: 测府办发〔2019〕16号",
            "index_number: 000014350/2019-00016",
            "issuers: [city-office, city-gov]",
            "written: 2019-05-20",
            "published: 2019-05-24",
            "topic: 综合政务",
            "genre: tongzhi",
            "summary: 部署工作。",
            "disclosure: 主动公开",
            "validity: {status: 已修改, date: 2020-01-01, amended_by: other, note: 部分条款修改}",
            "interprets: policy",
            "gazette: {year: 2019, issue: 3, section: 区政府办公室文件, order: 1}",
            "attachments:",
            "  - file: 原文.txt",
            "    title: 通知原文",
            "  - file: 附件/表格.xlsx",
            "catalogue: [policy-files]",
            "extra: {whatever: [1, 2]}");
        var content = new ContentSet("content/",
        [
            .. Stage.Content((Path, text)).Files,
            Stage.Binary("content/documents/2019/原文.txt", 1234),
            Stage.Binary("content/documents/2019/附件/表格.xlsx", 99),
        ]);
        var config = Stage.Config(("content/catalogue.yml", "- {id: policy-files, name: 政策文件}\n"));

        var (documents, diagnostics) = Parse(content, config);

        Assert.Empty(diagnostics.Items);
        var d = Assert.Single(documents);
        Assert.Equal("tongfu-16", d.Id);
        Assert.Equal(new SourceLocation(Path), d.Source);
        Assert.Equal("关于测试的通知", d.Title);
        Assert.Equal("测府办发〔2019〕16号", d.DocNumber);
        Assert.Equal("000014350/2019-00016", d.IndexNumber);
        Assert.Equal(["city-office", "city-gov"], d.Issuers);
        Assert.Equal(new DateOnly(2019, 5, 20), d.Written);
        Assert.Equal(new DateOnly(2019, 5, 24), d.Published);
        Assert.Equal("zonghe-zhengwu", d.Topic);
        Assert.Equal("tongzhi", d.Genre);
        Assert.Equal("部署工作。", d.Summary);
        Assert.Equal(Disclosure.Public, d.Disclosure);
        Assert.Null(d.DisclosureReason);
        Assert.Equal(new Validity(ValidityStatus.Amended, new DateOnly(2020, 1, 1), null, "other", "部分条款修改"), d.Validity);
        Assert.Equal("policy", d.Interprets);
        Assert.Equal(new GazettePlacement(2019, 3, "区政府办公室文件", 1), d.Gazette);
        Assert.Equal(
            [
                new Attachment("通知原文", "原文.txt", "content/documents/2019/原文.txt", 1234),
                new Attachment("表格", "表格.xlsx", "content/documents/2019/附件/表格.xlsx", 99),
            ],
            d.Attachments);
        Assert.Equal(["policy-files"], d.Catalogue);
        Assert.Equal("\n正文。\n", text[d.BodyOffset..]);
        Assert.Equal(23, d.BodyLine);
        Assert.Equal(new SourceLocation(Path, 13, 1), d.At("validity"));
        Assert.Equal(new SourceLocation(Path, 16, 1), d.At("attachments"));
        Assert.Equal(new SourceLocation(Path, 13, 62), d.At("validity.note"));
        Assert.Equal(new SourceLocation(Path, 17, 5), d.At("attachments[0].file"));
        Assert.Equal(new SourceLocation(Path, 18, 5), d.At("attachments[0].title"));
        Assert.Equal(new SourceLocation(Path, 19, 5), d.At("attachments[1].file"));
        Assert.DoesNotContain("attachments[1].title", d.Fields.Keys);
        Assert.DoesNotContain("extra", d.Fields.Keys);
        Assert.Equal(PrivacyMode.Screened, d.Privacy);
        Assert.Null(d.PrivacyReason);
    }

    [Fact]
    public void The_id_defaults_to_the_file_name()
    {
        Assert.Equal("tongfu-16", ParseOne().Id);
    }

    [Fact]
    public void A_single_issuer_may_be_written_without_a_list()
    {
        Assert.Equal(["city-office"], ParseOne().Issuers);
    }

    [Fact]
    public void Topic_may_be_an_id_and_genre_an_alias()
    {
        var document = ParseOne("topic: weisheng-tiyu", "genre: 解读");

        Assert.Equal("weisheng-tiyu", document.Topic);
        Assert.Equal("zhengce-jiedu", document.Genre);
    }

    [Fact]
    public void No_validity_means_in_force()
    {
        Assert.Same(Validity.InForce, ParseOne().Validity);
    }

    [Fact]
    public void A_scalar_validity_of_valid_needs_no_date()
    {
        Assert.Equal(new Validity(ValidityStatus.Valid, null, null, null, null), ParseOne("validity: 有效").Validity);
    }

    [Fact]
    public void A_scalar_validity_other_than_valid_is_kept_but_reported_for_its_missing_date()
    {
        var (documents, diagnostics) = Parse(Stage.Content((Path, Md([.. Required, "validity: 失效"]))));

        Assert.Equal(ValidityStatus.Expired, Assert.Single(documents).Validity.Status);
        Assert.Equal([$"{Path}:9:11: GZ0304"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void English_words_are_accepted_for_disclosure_and_validity()
    {
        var document = ParseOne("disclosure: public", "validity: {status: repealed, date: 2021-06-30, repealed_by: newer}");

        Assert.Equal(Disclosure.Public, document.Disclosure);
        Assert.Equal(new Validity(ValidityStatus.Repealed, new DateOnly(2021, 6, 30), "newer", null, null), document.Validity);
    }

    [Theory]
    [InlineData("规章", LegalForm.Rules)]
    [InlineData("rules", LegalForm.Rules)]
    [InlineData("行政规范性文件", LegalForm.Normative)]
    [InlineData("规范性文件", LegalForm.Normative)]
    [InlineData("normative", LegalForm.Normative)]
    [InlineData("其他", LegalForm.Other)]
    [InlineData("other", LegalForm.Other)]
    public void A_written_legal_form_is_kept_as_written(string word, LegalForm expected)
    {
        Assert.Equal(expected, ParseOne("genre: 办法", "legal_form: " + word).LegalForm);
    }

    [Fact]
    public void Without_legal_form_the_document_leaves_it_to_its_genre()
    {
        Assert.Null(ParseOne().LegalForm);
    }

    [Theory]
    [InlineData("依申请公开", Disclosure.OnRequest)]
    [InlineData("on_request", Disclosure.OnRequest)]
    [InlineData("不予公开", Disclosure.Withheld)]
    [InlineData("withheld", Disclosure.Withheld)]
    public void A_document_that_is_not_public_keeps_its_reason(string word, Disclosure expected)
    {
        var document = ParseOne("disclosure: " + word, "disclosure_reason: 涉及内部事务");

        Assert.Equal(expected, document.Disclosure);
        Assert.False(document.IsPublic);
        Assert.Equal("涉及内部事务", document.DisclosureReason);
    }

    [Theory]
    [InlineData("mask", PrivacyMode.Mask)]
    [InlineData("去标识化", PrivacyMode.Mask)]
    [InlineData("reviewed", PrivacyMode.Reviewed)]
    [InlineData("已审核", PrivacyMode.Reviewed)]
    public void Privacy_is_read_with_its_reason(string word, PrivacyMode expected)
    {
        var document = ParseOne($"privacy: {word}", "privacy_reason: 行政处罚决定公示");

        Assert.Equal(expected, document.Privacy);
        Assert.Equal("行政处罚决定公示", document.PrivacyReason);
    }

    [Fact]
    public void Privacy_reviewed_without_a_reason_is_reported_but_kept()
    {
        var (documents, diagnostics) = Parse(Stage.Content((Path, Md(With("privacy: reviewed")))));

        Assert.Equal([$"{Path}:9:10: GZ0505"], Stage.Summary(diagnostics));
        Assert.Equal(PrivacyMode.Reviewed, Assert.Single(documents).Privacy);
    }

    [Fact]
    public void An_attachment_without_a_title_is_named_after_its_file()
    {
        var content = new ContentSet("content/",
        [
            .. Stage.Content((Path, Md([.. Required, "attachments: [{file: 实施细则.pdf}]"]))).Files,
            Stage.Binary("content/documents/2019/实施细则.pdf", 2048),
        ]);

        var (documents, diagnostics) = Parse(content);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(new Attachment("实施细则", "实施细则.pdf", "content/documents/2019/实施细则.pdf", 2048), Assert.Single(Assert.Single(documents).Attachments));
    }

    [Fact]
    public void Two_attachments_with_the_same_file_name_are_reported()
    {
        var content = new ContentSet("content/",
        [
            .. Stage.Content((Path, Md([.. Required, "attachments: [{file: a/表.xlsx}, {file: b/表.xlsx}]"]))).Files,
            Stage.Binary("content/documents/2019/a/表.xlsx", 1),
            Stage.Binary("content/documents/2019/b/表.xlsx", 1),
        ]);

        var (_, diagnostics) = Parse(content);

        // "attachments: [{file: a/表.xlsx}, {file: " is 39 characters.
        Assert.Equal([$"{Path}:9:40: GZ0307"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void Files_that_are_not_Markdown_or_could_not_be_decoded_are_skipped()
    {
        var content = new ContentSet("content/",
        [
            Stage.Binary("content/documents/2019/bad.md", 10),
            Stage.Binary("content/documents/2019/原文.pdf", 10),
            .. Stage.Content(("content/documents/2019/notes.yml", "a: 1\n")).Files,
        ]);

        var (documents, diagnostics) = Parse(content);

        Assert.Empty(documents);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_document_with_an_invalid_id_is_dropped_after_reporting()
    {
        var (documents, diagnostics) = Parse(Stage.Content(("content/documents/关于测试的通知.md", Md(Required))));

        Assert.Empty(documents);
        Assert.Equal(["content/documents/关于测试的通知.md:2:1: GZ0107"], Stage.Summary(diagnostics));
    }
}
