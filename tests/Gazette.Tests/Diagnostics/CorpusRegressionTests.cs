using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// Mistakes of the bad-input corpus (<c>tests/corpora/bad-input/</c>) that were reported at the wrong place or with a message
/// that did not say how to fix them, each pinned by a test.
/// </summary>
public sealed class CorpusRegressionTests
{
    [Fact]
    [Trait("Code", "GZ0005")]
    public void A_full_width_colon_after_a_key_is_reported_at_the_colon_and_named()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("通知").Replace("summary: ", "summary：", StringComparison.Ordinal)}
            """);

        var error = BadSite.Fails(site, Codes.YamlSyntax, "content/documents/a.md", 8, 8);
        Assert.Equal("the key is followed by a full-width colon '：', which YAML does not read as one", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0005")]
    public void A_colon_without_a_space_after_a_key_is_reported_at_the_colon()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("通知").Replace("written: ", "written:", StringComparison.Ordinal)}
            """);

        var error = BadSite.Fails(site, Codes.YamlSyntax, "content/documents/a.md", 4, 8);
        Assert.Equal("write a space after the colon: 'key: value'", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0005")]
    public void A_web_address_in_a_block_of_text_is_not_taken_for_a_key_without_a_space()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("通知").Replace("summary: 内容概述。", "summary: |\n  http://www.gov.cn/\nsummary: 重复", StringComparison.Ordinal)}
            """);

        var error = BadSite.Fails(site, Codes.YamlSyntax, "content/documents/a.md", 10, 1);
        Assert.Contains("Duplicate key summary", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0101")]
    public void A_key_written_in_Chinese_gets_its_English_name_as_the_hint()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("通知", "成文日期: 2019-03-01", "written: -")}
            """);

        var result = site.Build();

        var error = TestSite.Single(result, Codes.UnknownKey);
        Assert.Equal("content/documents/a.md:9:1", error.Location.ToString());
        Assert.Equal("keys are written in English: write 'written:' for 成文日期", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0201")]
    public void An_organ_written_by_its_name_gets_its_id_as_the_hint()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("通知", "issuers: [city-gov, 市政府办公室]")}
            """);

        var error = BadSite.Fails(site, Codes.UnknownOrgan, "content/documents/a.md", 3, 21);
        Assert.Equal("organs are named by their id: write 'city-office' for 市政府办公室", error.Hint);
    }

    [Theory]
    [Trait("Code", "GZ0103")]
    [InlineData("2019/7/19", "write 2019-07-19")]
    [InlineData("2019年3月1日", "write 2019-03-01")]
    [InlineData("２０１９-０３-０１", "write 2019-03-01")]
    [InlineData("2019-03-05 10:30", "write 2019-03-05, without the time")]
    [InlineData("2019-02-29", "2019-02 has 28 days; dates are written YYYY-MM-DD")]
    [InlineData("2019-13-01", "there is no month 13; dates are written YYYY-MM-DD")]
    [InlineData("19-03-01", "dates are written YYYY-MM-DD and must exist in the calendar")]
    public void A_date_written_another_way_gets_the_right_form_or_the_reason_as_the_hint(string written, string hint)
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("通知", $"written: {written}", "published: 2020-01-01")}
            """);

        var error = BadSite.Fails(site, Codes.InvalidDate, "content/documents/a.md", 4, 10);
        Assert.Equal(hint, error.Hint);
    }
}
