using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// GZ03xx: content that reads but does not agree with itself. Front matter lines of <see cref="TestSite.Document"/>:
/// 3 issuers, 4 written, 5 published, 9 disclosure, 10 onwards the extra fields.
/// </summary>
public sealed class ConsistencyErrorTests
{
    [Fact]
    [Trait("Code", "GZ0301")]
    public void Two_folders_with_the_same_file_name_give_a_duplicate_id()
    {
        using var site = new TestSite($"""
            -- content/documents/2019/tongzhi.md --
            {TestSite.Document("二〇一九年的通知")}
            -- content/documents/2020/tongzhi.md --
            {TestSite.Document("二〇二〇年的通知", "written: 2020-03-01", "published: 2020-03-05")}
            """);

        var error = BadSite.Fails(site, Codes.DuplicateDocumentId, "content/documents/2020/tongzhi.md", 1, 1);
        Assert.Equal("the id 'tongzhi' is already used by content/documents/2019/tongzhi.md", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0301")]
    public void An_explicit_id_that_another_document_has_is_reported_at_the_id()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("第一份通知", "id: tongzhi")}
            -- content/documents/b.md --
            {TestSite.Document("第二份通知", "id: tongzhi")}
            """);

        BadSite.Fails(site, Codes.DuplicateDocumentId, "content/documents/b.md", 10, 1);
    }

    [Fact]
    [Trait("Code", "GZ0302")]
    public void A_duplicate_index_number_is_reported_on_the_second_document()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("第一份通知", "index_number: 000014350/2019-00001")}
            -- content/documents/b.md --
            {TestSite.Document("第二份通知", "index_number: 000014350/2019-00001")}
            """);

        var error = BadSite.Fails(site, Codes.DuplicateIndexNumber, "content/documents/b.md", 10, 1);
        Assert.Equal("the index number 000014350/2019-00001 is already used by content/documents/a.md", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0302")]
    public void A_withheld_document_cannot_share_an_index_number_either()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("公开的通知", "index_number: 000014350/2019-00001")}
            -- content/documents/b.md --
            {TestSite.Document("不予公开的通知", "disclosure: 不予公开", "disclosure_reason: 涉密", "index_number: 000014350/2019-00001")}
            """);

        BadSite.Fails(site, Codes.DuplicateIndexNumber, "content/documents/b.md", 11, 1);
    }

    [Fact]
    [Trait("Code", "GZ0303")]
    public void An_on_request_document_without_a_reason_is_reported_at_disclosure()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "disclosure: 依申请公开")}
            """);

        var error = BadSite.Fails(site, Codes.NonPublicWithoutReason, "content/documents/a.md", 9, 13);
        Assert.Contains("disclosure_reason:", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0303")]
    public void A_withheld_document_written_in_English_without_a_reason_is_reported()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "disclosure: withheld")}
            """);

        BadSite.Fails(site, Codes.NonPublicWithoutReason, "content/documents/a.md", 9, 13);
    }

    [Fact]
    [Trait("Code", "GZ0304")]
    public void A_repealed_document_without_a_date_is_reported_with_the_mapping_to_write()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "validity: 废止")}
            """);

        var error = BadSite.Fails(site, Codes.ValidityIncomplete, "content/documents/a.md", 10, 11);
        Assert.Equal("write validity: {status: 废止, date: YYYY-MM-DD, repealed_by: <id>}", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0304")]
    public void An_expired_validity_mapping_without_a_date_is_reported_at_the_mapping()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "validity: {status: 失效, note: 有效期届满}")}
            """);

        var error = BadSite.Fails(site, Codes.ValidityIncomplete, "content/documents/a.md", 10, 11);
        Assert.Equal("add 'date: YYYY-MM-DD' under validity", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0305")]
    public void Published_before_written_is_reported_at_published()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "written: 2019-03-05", "published: 2019-03-01")}
            """);

        var error = BadSite.Fails(site, Codes.PublishedBeforeWritten, "content/documents/a.md", 5, 12);
        Assert.Equal("the document is published on 2019-03-01, before it was written on 2019-03-05", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0306")]
    public void An_issue_file_whose_name_differs_from_its_number_is_reported_at_issue()
    {
        using var site = new TestSite("""
            -- content/gazettes/2019/2.yml --
            issue: 3
            date: 2019-03-10
            sections: [市政府文件]
            """);

        var error = BadSite.Fails(site, Codes.IssueMisfiled, "content/gazettes/2019/2.yml", 1, 8);
        Assert.Equal("the file is named 2.yml but says issue 3", error.Message);
        Assert.Equal("rename the file to 3.yml or correct 'issue'", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0306")]
    public void An_issue_dated_in_another_year_than_its_folder_is_reported_at_date()
    {
        using var site = new TestSite("""
            -- content/gazettes/2019/1.yml --
            issue: 1
            date: 2020-01-10
            sections: [市政府文件]
            """);

        var error = BadSite.Fails(site, Codes.IssueMisfiled, "content/gazettes/2019/1.yml", 2, 7);
        Assert.Equal("the issue is filed under 2019 but dated 2020-01-10", error.Message);
    }

    [Theory]
    [Trait("Code", "GZ0306")]
    [InlineData("content/gazettes/2019-1.yml")]
    [InlineData("content/gazettes/2019/first.yml")]
    [InlineData("content/gazettes/19/1.yml")]
    [InlineData("content/gazettes/2019/1/1.yml")]
    public void An_issue_file_outside_year_and_number_is_reported_at_the_file(string path)
    {
        using var site = new TestSite("");
        site.Write(path, "issue: 1\ndate: 2019-03-10\nsections: [市政府文件]\n");

        var error = BadSite.Fails(site, Codes.IssueMisfiled, path, 1, 1);
        Assert.Equal("e.g. content/gazettes/2019/3.yml for issue 3 of 2019", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0307")]
    public void An_organ_id_defined_twice_is_reported_at_the_second_id()
    {
        using var site = new TestSite("""
            -- content/organs.yml --
            - {id: city-gov, name: 测试市人民政府, code: "000014349"}
            - {id: city-gov, name: 测试市人民政府办公室, code: "000014350"}
            """);

        var error = BadSite.Fails(site, Codes.DuplicateDefinition, "content/organs.yml", 2, 8);
        Assert.Equal("the organ id \"city-gov\" is defined twice", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0307")]
    public void An_issuer_listed_twice_is_reported_at_the_second_item()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "issuers: [city-gov, city-gov]")}
            """);

        BadSite.Fails(site, Codes.DuplicateDefinition, "content/documents/a.md", 3, 21);
    }

    [Fact]
    [Trait("Code", "GZ0307")]
    public void A_catalogue_id_used_at_two_levels_is_reported()
    {
        using var site = new TestSite("""
            -- content/catalogue.yml --
            - id: policy
              name: 政策文件
              children:
                - {id: policy, name: 规范性文件}
            """);

        BadSite.Fails(site, Codes.DuplicateDefinition, "content/catalogue.yml", 4, 12);
    }

    [Fact]
    [Trait("Code", "GZ0307")]
    public void A_section_listed_twice_in_an_issue_is_reported_at_the_second()
    {
        // "sections: [市政府文件, " is 18 characters.
        using var site = new TestSite("""
            -- content/gazettes/2019/1.yml --
            issue: 1
            date: 2019-03-10
            sections: [市政府文件, 市政府文件]
            """);

        BadSite.Fails(site, Codes.DuplicateDefinition, "content/gazettes/2019/1.yml", 3, 19);
    }

    [Fact]
    [Trait("Code", "GZ0308")]
    public void A_derived_index_number_for_an_organ_without_code_is_reported_at_issuers()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "issuers: no-code")}
            """);

        var error = BadSite.Fails(site, Codes.MissingOrganCode, "content/documents/a.md", 3, 1);
        Assert.Equal("the document has no index_number and its organ 'no-code' has no code to derive one from", error.Message);
    }

    [Fact]
    public void An_organ_without_code_is_fine_when_the_index_number_is_written()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "issuers: no-code", "index_number: ABC/2019-1")}
            """);

        site.BuildSuccessfully();
        Assert.True(site.OutputExists("documents/ABC/2019-1/index.html"));
    }

    [Fact]
    [Trait("Code", "GZ0309")]
    public void An_attachment_path_with_dot_dot_is_reported_even_when_the_file_exists()
    {
        using var site = new TestSite($"""
            -- content/secret.txt --
            机密
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "attachments: [{file: ../secret.txt}]")}
            """);

        var error = BadSite.Fails(site, Codes.UnsafeAttachmentPath, "content/documents/a.md", 10, 22);
        Assert.Equal("the attachment path \"../secret.txt\" must stay inside the document's folder", error.Message);
    }

    [Theory]
    [Trait("Code", "GZ0309")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/../../secret.txt")]
    [InlineData("./secret.txt")]
    [InlineData("..\\\\secret.txt")]
    public void Attachment_paths_that_could_leave_the_folder_are_reported(string path)
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", $"attachments: [{{file: \"{path}\"}}]")}
            """);

        BadSite.Fails(site, Codes.UnsafeAttachmentPath, "content/documents/a.md", 10, 22);
    }

    [Fact]
    [Trait("Code", "GZ0309")]
    public void An_attachment_named_index_html_is_reported()
    {
        using var site = new TestSite($"""
            -- content/documents/index.html --
            <p>x</p>
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "attachments: [{file: index.html}]")}
            """);

        var error = BadSite.Fails(site, Codes.UnsafeAttachmentPath, "content/documents/a.md", 10, 22);
        Assert.Contains("index.html", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0310")]
    public void Repealed_by_on_an_amended_document_is_reported_at_its_value()
    {
        // In "validity: {status: 已修改, date: 2020-01-01, repealed_by: b}" the value b is character 56.
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("原通知", "validity: {status: 已修改, date: 2020-01-01, repealed_by: b}")}
            -- content/documents/b.md --
            {TestSite.Document("修改后的通知", "written: 2020-01-01", "published: 2020-01-01")}
            """);

        var error = BadSite.Fails(site, Codes.ValidityReferenceMismatch, "content/documents/a.md", 10, 56);
        Assert.Equal("'repealed_by' is only for 废止 documents, but this one is 已修改", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0310")]
    public void Amended_by_on_a_valid_document_is_reported_at_its_value()
    {
        // In "validity: {status: 有效, amended_by: b}" the value b is character 36.
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("原通知", "validity: {status: 有效, amended_by: b}")}
            -- content/documents/b.md --
            {TestSite.Document("修改后的通知")}
            """);

        BadSite.Fails(site, Codes.ValidityReferenceMismatch, "content/documents/a.md", 10, 36);
    }
}
