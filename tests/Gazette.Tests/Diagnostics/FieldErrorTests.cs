using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// GZ01xx: fields with unknown keys, missing or malformed values. Documents come from <see cref="TestSite.Document"/>, whose
/// front matter is: line 2 title, 3 issuers, 4 written, 5 published, 6 topic, 7 genre, 8 summary, 9 disclosure, 10 onwards
/// the extra fields in the order given.
/// </summary>
public sealed class FieldErrorTests
{
    [Fact]
    [Trait("Code", "GZ0101")]
    public void Unknown_front_matter_key_is_reported_with_a_did_you_mean_hint()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "summery: 拼错的键")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownKey, "content/documents/a.md", 10, 1);
        Assert.Equal("unknown key 'summery'", error.Message);
        Assert.Equal("did you mean 'summary'?", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0101")]
    public void Unknown_key_with_no_close_match_lists_the_allowed_keys_and_points_to_extra()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "colour: red")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownKey, "content/documents/a.md", 10, 1);
        Assert.StartsWith("allowed keys are id, title, doc_number,", error.Hint);
        Assert.EndsWith("put a site's own data under 'extra:'", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0101")]
    public void Unknown_key_in_site_yml_is_reported_with_a_did_you_mean_hint()
    {
        using var site = new TestSite("""
            -- content/site.yml --
            name: 测试公报
            base_url: https://example.gov.cn/
            publisher: 测试市人民政府办公室
            langauge: en
            """);

        var error = BadSite.Fails(site, Codes.UnknownKey, "content/site.yml", 4, 1);
        Assert.Equal("did you mean 'language'?", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0101")]
    public void Unknown_key_inside_a_nested_mapping_is_reported_at_the_key()
    {
        // "gazette: {year: 2019, issue: 1, section: 市政府文件, order: 1, " is 58 characters, so 'page' is in column 59.
        using var site = new TestSite($"""
            -- content/gazettes/2019/1.yml --
            issue: 1
            date: 2019-03-10
            sections: [市政府文件]
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "gazette: {year: 2019, issue: 1, section: 市政府文件, order: 1, page: 3}")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownKey, "content/documents/a.md", 10, 59);
        Assert.Equal("unknown key 'page'", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0102")]
    public void A_missing_title_is_reported_at_the_start_of_the_front_matter()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("-")}
            """);

        var error = BadSite.Fails(site, Codes.MissingField, "content/documents/a.md", 2, 1);
        Assert.Equal("'title' is required", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0102")]
    public void An_empty_quoted_title_is_reported_at_its_value()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("\"\"")}
            """);

        var error = BadSite.Fails(site, Codes.MissingField, "content/documents/a.md", 2, 8);
        Assert.Equal("'title' must not be empty", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0102")]
    public void An_empty_issuer_list_is_reported_at_the_list()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "issuers: []")}
            """);

        var error = BadSite.Fails(site, Codes.MissingField, "content/documents/a.md", 3, 10);
        Assert.Equal("'issuers' must name at least one item", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0102")]
    public void A_site_yml_without_publisher_is_reported()
    {
        using var site = new TestSite("""
            -- content/site.yml --
            name: 测试公报
            base_url: https://example.gov.cn/
            """);

        var error = BadSite.Fails(site, Codes.MissingField, "content/site.yml", 1, 1);
        Assert.Equal("'publisher' is required", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0103")]
    public void A_date_that_does_not_exist_is_reported_at_its_value()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "written: 2019-02-01", "published: 2019-02-30")}
            """);

        var error = BadSite.Fails(site, Codes.InvalidDate, "content/documents/a.md", 5, 12);
        Assert.Equal("'published' must be a date like 2019-07-19 (got \"2019-02-30\")", error.Message);
        Assert.Equal("2019-02 has 28 days; dates are written YYYY-MM-DD", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0103")]
    public void A_date_written_with_slashes_is_reported()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "written: 2019/3/1")}
            """);

        BadSite.Fails(site, Codes.InvalidDate, "content/documents/a.md", 4, 10);
    }

    [Fact]
    [Trait("Code", "GZ0104")]
    public void A_list_where_text_is_expected_is_reported()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("[甲, 乙]")}
            """);

        var error = BadSite.Fails(site, Codes.WrongType, "content/documents/a.md", 2, 8);
        Assert.Equal("'title' must be text, not a list", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0104")]
    public void A_page_size_that_is_not_a_number_is_reported()
    {
        using var site = new TestSite("""
            -- content/site.yml --
            name: 测试公报
            base_url: https://example.gov.cn/
            publisher: 测试市人民政府办公室
            page_size: twenty
            """);

        var error = BadSite.Fails(site, Codes.WrongType, "content/site.yml", 4, 12);
        Assert.Equal("'page_size' must be a whole number (got \"twenty\")", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void A_disclosure_that_is_not_an_allowed_value_is_reported_with_a_did_you_mean_hint()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "disclosure: 主动公布")}
            """);

        var error = BadSite.Fails(site, Codes.InvalidValue, "content/documents/a.md", 9, 13);
        Assert.Equal("'disclosure' cannot be \"主动公布\"", error.Message);
        Assert.Equal("did you mean '主动公开'?", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void A_language_without_support_is_reported_with_the_allowed_languages()
    {
        using var site = new TestSite("""
            -- content/site.yml --
            name: 测试公报
            base_url: https://example.gov.cn/
            publisher: 测试市人民政府办公室
            language: fr
            """);

        var error = BadSite.Fails(site, Codes.InvalidValue, "content/site.yml", 4, 11);
        Assert.Equal("write one of zh-CN, en", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void A_base_url_that_is_not_absolute_is_reported()
    {
        using var site = new TestSite("""
            -- content/site.yml --
            name: 测试公报
            base_url: example.gov.cn/gongbao
            publisher: 测试市人民政府办公室
            """);

        BadSite.Fails(site, Codes.InvalidValue, "content/site.yml", 2, 11);
    }

    [Fact]
    [Trait("Code", "GZ0106")]
    public void An_index_number_with_a_space_is_reported_at_its_value()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "index_number: \"abc 123\"")}
            """);

        var error = BadSite.Fails(site, Codes.InvalidIndexNumber, "content/documents/a.md", 10, 15);
        Assert.Contains("\"abc 123\"", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0107")]
    public void An_id_with_capitals_and_underscores_is_reported_at_its_value()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "id: Tongzhi_1")}
            """);

        var error = BadSite.Fails(site, Codes.InvalidId, "content/documents/a.md", 10, 5);
        Assert.Equal("the id \"Tongzhi_1\" is not a valid id", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0107")]
    public void A_Chinese_file_name_without_an_id_is_reported_with_the_fix()
    {
        using var site = new TestSite($"""
            -- content/documents/关于测试的通知.md --
            {TestSite.Document("关于测试的通知")}
            """);

        var error = BadSite.Fails(site, Codes.InvalidId, "content/documents/关于测试的通知.md", 2, 1);
        Assert.Contains("add 'id:'", error.Hint);
    }

    [Fact]
    public void A_Chinese_file_name_with_an_id_builds()
    {
        using var site = new TestSite($"""
            -- content/documents/关于测试的通知.md --
            {TestSite.Document("关于测试的通知", "id: ceshi-tongzhi")}
            """);

        site.BuildSuccessfully();
    }

    [Fact]
    [Trait("Code", "GZ0107")]
    public void An_invalid_organ_id_is_reported_in_organs_yml()
    {
        using var site = new TestSite("""
            -- content/organs.yml --
            - {id: City_Gov, name: 测试市人民政府, code: "000014349"}
            """);

        BadSite.Fails(site, Codes.InvalidId, "content/organs.yml", 1, 8);
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void A_legal_form_that_is_not_an_allowed_value_is_reported_with_the_allowed_values()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("测试市市容管理办法", "genre: 办法", "legal_form: 地方性法规")}
            """);

        var error = BadSite.Fails(site, Codes.InvalidValue, "content/documents/a.md", 10, 13);
        Assert.Equal("'legal_form' cannot be \"地方性法规\"", error.Message);
        Assert.Equal("write one of 规章, 行政规范性文件, 规范性文件, 其他, rules, normative, other", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0108")]
    public void A_repeal_dated_before_the_document_was_written_is_reported_at_the_date()
    {
        // "validity: {status: 废止, date: " is 29 characters, so the date is in column 30.
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "written: 2019-03-01", "validity: {status: 废止, date: 2019-02-28}")}
            """);

        var error = BadSite.Fails(site, Codes.ValidityBeforeWritten, "content/documents/a.md", 10, 30);
        Assert.Equal("the document is marked 废止 from 2019-02-28, before it was written on 2019-03-01", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0108")]
    public void An_amendment_dated_before_the_document_was_written_is_reported_too()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "written: 2019-03-01", "validity: {status: 已修改, date: 2018-12-31}")}
            """);

        BadSite.Fails(site, Codes.ValidityBeforeWritten, "content/documents/a.md", 10, 31);
    }

    [Fact]
    public void A_document_that_expires_on_the_day_it_was_written_builds()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "written: 2019-03-01", "validity: {status: 失效, date: 2019-03-01}")}
            """);

        site.BuildSuccessfully();
    }

    [Fact]
    [Trait("Code", "GZ0109")]
    public void An_interpretation_marked_as_a_normative_document_is_reported_at_its_legal_form()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("《测试办法》解读", "genre: 政策解读", "legal_form: 行政规范性文件")}
            """);

        var error = BadSite.Fails(site, Codes.InterpretationWithLegalForm, "content/documents/a.md", 10, 13);
        Assert.Equal("a 政策解读 cannot be a 行政规范性文件: it explains a policy and is not one", error.Message);
    }
}
