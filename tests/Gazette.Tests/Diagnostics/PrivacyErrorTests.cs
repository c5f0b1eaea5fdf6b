using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// GZ05xx: personal data in a published document (DOMAIN rule 2). Documents come from <see cref="TestSite.Document"/>: line 2
/// title, 8 summary, 10 onwards the extra fields; the body given to <see cref="BadSite.DocumentWithBody"/> starts on line 12
/// when there are no extra fields. Messages show the number masked, never whole.
/// </summary>
public sealed class PrivacyErrorTests
{
    [Fact]
    [Trait("Code", "GZ0501")]
    public void An_ID_number_in_the_body_is_reported_at_its_line_and_column_masked()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("行政处罚决定书", "第一段。\n\n当事人张某，身份证号码370102199003071238，已送达。\n")}
            """);

        var error = BadSite.Fails(site, Codes.ResidentIdNumber, "content/documents/a.md", 14, 12);
        Assert.Equal("the body contains a resident ID number (居民身份证号码): 3701**********1238", error.Message);
        Assert.StartsWith("de-identify it (write 3701**********1238), or add 'privacy: mask'", error.Hint);
        Assert.Contains("'privacy: reviewed' with 'privacy_reason:'", error.Hint);
        Assert.DoesNotContain("370102199003071238", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Code", "GZ0501")]
    public void An_old_15_digit_ID_number_in_the_document_number_is_reported_at_the_key()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("行政处罚决定书", "doc_number: 370102900307123")}
            """);

        var error = BadSite.Fails(site, Codes.ResidentIdNumber, "content/documents/a.md", 10, 1);
        Assert.Equal("the document number contains a resident ID number (居民身份证号码): 3701*******7123", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0502")]
    public void A_mobile_number_in_the_summary_is_reported_at_the_summary_key()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于征集意见的公告", "summary: 意见请反馈至联系人张某，电话138-1234-5678。")}
            """);

        var error = BadSite.Fails(site, Codes.MobileNumber, "content/documents/a.md", 8, 1);
        Assert.Equal("the summary contains a mobile number (手机号码): 138****5678", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0502")]
    public void A_column_counts_characters_so_a_character_beyond_the_BMP_counts_once()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("关于征集意见的公告", "𠀀电话13812345678\n")}
            """);

        BadSite.Fails(site, Codes.MobileNumber, "content/documents/a.md", 12, 4);
    }

    [Fact]
    [Trait("Code", "GZ0502")]
    public void A_mobile_number_in_an_attachment_file_name_is_an_error_even_under_privacy_mask()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于征集意见的公告", "privacy: mask", "attachments: [{file: 联系13812345678.txt}]")}
            -- content/documents/联系13812345678.txt --
            意见表
            """);

        var error = BadSite.Fails(site, Codes.MobileNumber, "content/documents/a.md", 11, 16);
        Assert.Equal("the file name of attachment 联系138****5678.txt contains a mobile number (手机号码): 138****5678", error.Message);
        Assert.StartsWith("rename the file", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0503")]
    public void A_bank_card_number_in_a_text_attachment_is_reported_at_its_line_and_column_in_that_file()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于发放补贴的公示", "attachments: [{file: 名单.csv, title: 发放名单}]")}
            -- content/documents/名单.csv --
            姓名,卡号,金额
            张某,6228 4800 1234 5671,1200
            """);

        var error = BadSite.Fails(site, Codes.BankCardNumber, "content/documents/名单.csv", 2, 4);
        Assert.Equal("the attachment 名单.csv contains a bank card number (银行卡号): 6228********5671", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0504")]
    public void An_email_address_in_an_attachment_title_is_reported_at_the_title_key()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于征集意见的公告", "attachments: [{file: a.txt, title: 请寄zhangsan@example.com}]")}
            -- content/documents/a.txt --
            意见表
            """);

        var error = BadSite.Fails(site, Codes.EmailAddress, "content/documents/a.md", 10, 29);
        Assert.Equal("the title of attachment a.txt contains an e-mail address (电子邮箱): z***@example.com", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0504")]
    public void An_email_address_in_the_validity_note_is_reported_at_the_note_key()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于征集意见的公告", "validity: {status: 有效, note: 问询zhangsan@example.com}")}
            """);

        var error = BadSite.Fails(site, Codes.EmailAddress, "content/documents/a.md", 10, 24);
        Assert.Equal("the validity note contains an e-mail address (电子邮箱): z***@example.com", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0504")]
    public void An_email_address_in_the_title_is_reported_at_the_title_key()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("请将意见发送至zhangsan@example.com的通知")}
            """);

        BadSite.Fails(site, Codes.EmailAddress, "content/documents/a.md", 2, 1);
    }

    [Fact]
    [Trait("Code", "GZ0505")]
    public void Privacy_reviewed_without_a_reason_is_reported_at_its_value()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("行政处罚决定书", "privacy: reviewed")}
            """);

        var error = BadSite.Fails(site, Codes.ReviewedWithoutReason, "content/documents/a.md", 10, 10);
        Assert.StartsWith("add 'privacy_reason:'", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void An_unknown_privacy_value_is_reported_with_the_allowed_values()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("行政处罚决定书", "privacy: hide")}
            """);

        var error = BadSite.Fails(site, Codes.InvalidValue, "content/documents/a.md", 10, 10);
        Assert.Equal("'privacy' cannot be \"hide\"", error.Message);
        Assert.Equal("write one of mask, reviewed, 去标识化, 已审核", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void A_misspelt_privacy_value_gets_a_did_you_mean_hint()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("行政处罚决定书", "privacy: masked")}
            """);

        var error = BadSite.Fails(site, Codes.InvalidValue, "content/documents/a.md", 10, 10);
        Assert.Equal("did you mean 'mask'?", error.Hint);
    }
}
