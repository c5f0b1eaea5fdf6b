using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// GZ02xx: references to organs, vocabularies, documents, gazette issues, catalogue entries and attachments that do not
/// resolve. Front matter lines of <see cref="TestSite.Document"/>: 3 issuers, 6 topic, 7 genre, 10 onwards the extra fields.
/// </summary>
public sealed class ReferenceErrorTests
{
    private const string Issue = """
        -- content/gazettes/2019/1.yml --
        issue: 1
        date: 2019-03-10
        sections: [市政府文件, 市政府办公室文件]
        """;

    [Fact]
    [Trait("Code", "GZ0201")]
    public void Unknown_issuer_is_reported_with_a_did_you_mean_hint()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "issuers: city-ofice")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownOrgan, "content/documents/a.md", 3, 10);
        Assert.Equal("the organ 'city-ofice' is not defined in organs.yml", error.Message);
        Assert.Equal("did you mean 'city-office'?", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0201")]
    public void Unknown_second_issuer_of_a_joint_document_is_reported_at_that_item()
    {
        // "issuers: [city-gov, " is 20 characters.
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "issuers: [city-gov, finance-bureau]")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownOrgan, "content/documents/a.md", 3, 21);
        Assert.Equal("add it to content/organs.yml or correct the id", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0202")]
    public void Unknown_topic_is_reported_with_a_did_you_mean_hint()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "topic: 综合政物")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownTopic, "content/documents/a.md", 6, 8);
        Assert.Equal("'综合政物' is not in the topic vocabulary", error.Message);
        Assert.Equal("did you mean '综合政务'?", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0202")]
    public void A_national_topic_is_unknown_when_the_site_has_its_own_topics()
    {
        using var site = new TestSite($"""
            -- content/topics.yml --
            - {"{"}id: jiaoyu, name: 教育{"}"}
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "topic: 综合政务")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownTopic, "content/documents/a.md", 6, 8);
        Assert.Equal("use a name from content/topics.yml or add it there", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0203")]
    public void Unknown_genre_is_reported_with_a_did_you_mean_hint()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "genre: 年度报吿")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownGenre, "content/documents/a.md", 7, 8);
        Assert.Equal("did you mean '年度报告'?", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0204")]
    public void Interprets_naming_a_missing_id_is_reported_with_a_did_you_mean_hint()
    {
        using var site = new TestSite($"""
            -- content/documents/policy.md --
            {TestSite.Document("关于测试的意见", "genre: 意见")}
            -- content/documents/policy-jiedu.md --
            {TestSite.Document("《关于测试的意见》政策解读", "genre: 政策解读", "interprets: polcy")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownDocument, "content/documents/policy-jiedu.md", 10, 1);
        Assert.Equal("no document has the id 'polcy'", error.Message);
        Assert.Equal("did you mean 'policy'?", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0204")]
    public void A_doc_link_to_a_missing_id_is_reported_at_the_link_in_the_body()
    {
        // Front matter ends on line 10, a blank line, then the paragraph: its second line (13) has the link after one character.
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("关于测试的通知", "第一段。\n见[另一文件](doc:missing)。\n")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownDocument, "content/documents/a.md", 13, 2);
        Assert.Equal("the link names 'missing', but no document has that id", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0204")]
    public void Every_broken_doc_link_of_a_body_is_reported_at_its_own_place()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("关于测试的通知", "第一段。\n\n- 列表 [甲](doc:jia) 与 [乙](doc:yi)\n")}
            """);

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["content/documents/a.md:14:6: GZ0204", "content/documents/a.md:14:21: GZ0204"],
            result.Diagnostics.Select(d => $"{d.Location}: {d.Code.Id}"));
        BadSite.AssertNothingWritten(site);
    }

    [Fact]
    [Trait("Code", "GZ0204")]
    public void Repealed_by_naming_a_missing_id_is_reported_at_validity()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "validity: {status: 废止, date: 2020-01-01, repealed_by: nobody}")}
            """);

        BadSite.Fails(site, Codes.UnknownDocument, "content/documents/a.md", 10, 1);
    }

    [Fact]
    [Trait("Code", "GZ0205")]
    public void Interprets_naming_an_on_request_document_is_reported()
    {
        using var site = new TestSite($"""
            -- content/documents/internal.md --
            {TestSite.Document("内部文件", "disclosure: 依申请公开", "disclosure_reason: 涉及内部事务")}
            -- content/documents/jiedu.md --
            {TestSite.Document("内部文件解读", "genre: 政策解读", "interprets: internal")}
            """);

        var error = BadSite.Fails(site, Codes.NonPublicReference, "content/documents/jiedu.md", 10, 1);
        Assert.Equal("'internal' is not 主动公开, so a published document cannot link to it", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0205")]
    public void A_doc_link_to_a_withheld_document_is_reported_at_the_link()
    {
        using var site = new TestSite($"""
            -- content/documents/secret.md --
            {TestSite.Document("不予公开的文件", "disclosure: 不予公开", "disclosure_reason: 涉及国家秘密")}
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("关于测试的通知", "参见[该文件](doc:secret)。\n")}
            """);

        var error = BadSite.Fails(site, Codes.NonPublicReference, "content/documents/a.md", 12, 3);
        Assert.Equal("the link names 'secret', which is not 主动公开", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0205")]
    public void A_withheld_document_placed_in_the_gazette_is_reported()
    {
        // disclosure stays on line 9; disclosure_reason is line 10 and gazette line 11.
        using var site = new TestSite($"""
            {Issue}
            -- content/documents/a.md --
            {TestSite.Document("不予公开的文件", "disclosure: 不予公开", "disclosure_reason: 涉及国家秘密",
                "gazette: {year: 2019, issue: 1, section: 市政府文件, order: 1}")}
            """);

        BadSite.Fails(site, Codes.NonPublicReference, "content/documents/a.md", 11, 1);
    }

    [Fact]
    [Trait("Code", "GZ0206")]
    public void A_gazette_issue_without_an_issue_file_is_reported_with_the_file_to_create()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "gazette: {year: 2019, issue: 9, section: 市政府文件, order: 1}")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownIssue, "content/documents/a.md", 10, 1);
        Assert.Equal("there is no issue 9 of 2019", error.Message);
        Assert.Equal("create content/gazettes/2019/9.yml or correct 'gazette'", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0207")]
    public void Unknown_section_is_reported_with_a_did_you_mean_hint()
    {
        using var site = new TestSite($"""
            {Issue}
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "gazette: {year: 2019, issue: 1, section: 市政府文, order: 1}")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownSection, "content/documents/a.md", 10, 1);
        Assert.Equal("issue 1 of 2019 has no section '市政府文'", error.Message);
        Assert.Equal("did you mean '市政府文件'?", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0208")]
    public void Two_documents_in_the_same_place_of_an_issue_are_reported_on_the_second()
    {
        using var site = new TestSite($"""
            {Issue}
            -- content/documents/a.md --
            {TestSite.Document("第一份通知", "gazette: {year: 2019, issue: 1, section: 市政府文件, order: 1}")}
            -- content/documents/b.md --
            {TestSite.Document("第二份通知", "gazette: {year: 2019, issue: 1, section: 市政府文件, order: 1}")}
            """);

        var error = BadSite.Fails(site, Codes.DuplicateIssuePosition, "content/documents/b.md", 10, 1);
        Assert.EndsWith("is already taken by content/documents/a.md", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0209")]
    public void Unknown_catalogue_entry_is_reported_with_a_did_you_mean_hint()
    {
        using var site = new TestSite($"""
            -- content/catalogue.yml --
            - {"{"}id: policy-files, name: 政策文件{"}"}
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "catalogue: policy-file")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownCatalogueEntry, "content/documents/a.md", 10, 12);
        Assert.Equal("did you mean 'policy-files'?", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0210")]
    public void A_missing_attachment_file_is_reported_at_its_name()
    {
        // "attachments: [{file: " is 21 characters.
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "attachments: [{file: 原文.pdf, title: 原文}]")}
            """);

        var error = BadSite.Fails(site, Codes.MissingAttachment, "content/documents/a.md", 10, 22);
        Assert.Equal("the attachment \"原文.pdf\" is not in content/documents/", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0210")]
    public void Attachment_names_are_case_sensitive()
    {
        using var site = new TestSite($"""
            -- content/documents/原文.PDF --
            %PDF
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "attachments: [{file: 原文.pdf}]")}
            """);

        BadSite.Fails(site, Codes.MissingAttachment, "content/documents/a.md", 10, 22);
    }

    [Fact]
    [Trait("Code", "GZ0211")]
    public void A_document_that_interprets_itself_is_reported()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "interprets: a")}
            """);

        var error = BadSite.Fails(site, Codes.SelfReference, "content/documents/a.md", 10, 1);
        Assert.Equal("the document refers to itself in 'interprets'", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0211")]
    public void A_document_repealed_by_itself_is_reported()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "validity: {status: 废止, date: 2020-01-01, repealed_by: a}")}
            """);

        BadSite.Fails(site, Codes.SelfReference, "content/documents/a.md", 10, 1);
    }

    [Fact]
    [Trait("Code", "GZ0212")]
    public void Two_documents_that_repeal_each_other_are_reported_at_the_repealed_by_of_both()
    {
        // "validity: {status: 废止, date: 2020-01-01, " is 41 characters: repealed_by starts at column 42.
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("原办法", "validity: {status: 废止, date: 2020-01-01, repealed_by: b}")}
            -- content/documents/b.md --
            {TestSite.Document("新办法", "validity: {status: 废止, date: 2020-01-01, repealed_by: a}")}
            """);

        var result = site.Build();

        Assert.Equal(["content/documents/a.md:10:42: GZ0212", "content/documents/b.md:10:42: GZ0212"],
            result.Diagnostics.Select(d => $"{d.Location}: {d.Code.Id}"));
        Assert.All(result.Diagnostics, d => Assert.Equal("the repeal chain a → b → a forms a cycle", d.Message));
        BadSite.AssertNothingWritten(site);
    }

    [Fact]
    [Trait("Code", "GZ0212")]
    public void A_longer_cycle_of_amendments_is_reported_once_at_each_member_with_the_whole_chain()
    {
        using var site = new TestSite($"""
            -- content/documents/c.md --
            {TestSite.Document("三", "validity: {status: 已修改, date: 2020-01-01, amended_by: a}")}
            -- content/documents/a.md --
            {TestSite.Document("一", "validity: {status: 已修改, date: 2020-01-01, amended_by: b}")}
            -- content/documents/b.md --
            {TestSite.Document("二", "validity: {status: 已修改, date: 2020-01-01, amended_by: c}")}
            -- content/documents/d.md --
            {TestSite.Document("四", "validity: {status: 已修改, date: 2020-01-01, amended_by: a}")}
            """);

        var result = site.Build();

        // "validity: {status: 已修改, date: 2020-01-01, " is 42 characters: amended_by starts at column 43.
        Assert.Equal(["content/documents/a.md:10:43: GZ0212", "content/documents/b.md:10:43: GZ0212", "content/documents/c.md:10:43: GZ0212"],
            result.Diagnostics.Select(d => $"{d.Location}: {d.Code.Id}"));
        Assert.All(result.Diagnostics, d => Assert.Equal("the amendment chain a → b → c → a forms a cycle", d.Message));
        BadSite.AssertNothingWritten(site);
    }

    [Fact]
    [Trait("Code", "GZ0212")]
    public void A_repeal_that_leads_back_through_an_amendment_is_a_cycle_too()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("原办法", "validity: {status: 废止, date: 2020-01-01, repealed_by: b}")}
            -- content/documents/b.md --
            {TestSite.Document("新办法", "validity: {status: 已修改, date: 2020-01-01, amended_by: a}")}
            """);

        var result = site.Build();

        Assert.Equal(["content/documents/a.md:10:42: GZ0212", "content/documents/b.md:10:43: GZ0212"],
            result.Diagnostics.Select(d => $"{d.Location}: {d.Code.Id}"));
        Assert.All(result.Diagnostics, d => Assert.Equal("the repeal and amendment chain a → b → a forms a cycle", d.Message));
    }
}
