using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>Problems found by the first round of error tests, each pinned by the test that found it.</summary>
public sealed class RegressionTests
{
    [Fact]
    [Trait("Code", "GZ0311")]
    public void A_javascript_link_in_a_body_is_removed_with_a_warning_and_the_site_still_builds()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("带链接的通知", "见[这里](javascript:alert(1))和[官网](https://www.gov.cn/)。\n", "index_number: 000014350/2019-00001")}
            """);
        var result = site.BuildSuccessfully();
        var warning = TestSite.Single(result, Codes.UnsafeLink);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("content/documents/a.md:13:2", warning.Location.ToString());
        var html = site.ReadOutput("documents/000014350/2019-00001/index.html");
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("href=\"https://www.gov.cn/\"", html);
    }

    [Fact]
    [Trait("Code", "GZ0005")]
    public void Broken_YAML_in_site_yml_is_one_error_not_also_an_empty_file()
    {
        using var site = new TestSite("""
            -- content/site.yml --
            name: 测试
              publisher: 测试市
            """);
        BadSite.Fails(site, Codes.YamlSyntax, "content/site.yml", 2, 12);
    }

    [Fact]
    [Trait("Code", "GZ0306")]
    public void An_issue_numbered_zero_is_an_error()
    {
        using var site = new TestSite("""
            -- content/gazettes/2019/0.yml --
            issue: 0
            date: 2019-01-01
            sections: [市政府文件]
            """);
        BadSite.Fails(site, Codes.IssueMisfiled, "content/gazettes/2019/0.yml", 1, 1);
    }

    [Fact]
    [Trait("Code", "GZ0005")]
    public void An_unclosed_bracket_is_reported_near_the_bracket_not_on_the_first_line()
    {
        using var site = new TestSite("""
            -- content/documents/a.md --
            ---
            title: a
            issuers: city-office
            summary: [unclosed
            written: 2019-01-01
            ---
            """);
        var result = site.Build();
        var error = TestSite.Single(result, Codes.YamlSyntax);
        Assert.True(error.Location.Line >= 4, $"reported at {error.Location}");
    }

    [Fact]
    [Trait("Code", "GZ0402")]
    public void A_missing_theme_folder_is_one_error()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("通知")}
            """);
        var options = BuildOptions.ForSite(site.Root, theme: Path.Combine(site.Root, "no-theme"));
        BadSite.Fails(site, Codes.MissingTemplate, "no-theme", 1, 1, options);
    }

    [Fact]
    [Trait("Code", "GZ0402")]
    public void Every_missing_layout_is_reported()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("通知")}
            """);
        BadSite.CopyRepositoryTheme(site);
        site.Delete("theme/layouts/document.liquid");
        site.Delete("theme/layouts/listing.liquid");
        var result = site.Build();
        Assert.Equal(
            ["theme/layouts/document.liquid:1:1", "theme/layouts/listing.liquid:1:1"],
            result.Diagnostics.Where(d => d.Code == Codes.MissingTemplate).Select(d => d.Location.ToString()));
    }

    [Fact]
    [Trait("Code", "GZ0106")]
    public void An_organisation_code_that_cannot_be_part_of_a_permalink_is_an_error()
    {
        using var site = new TestSite($$"""
            -- content/organs.yml --
            - {id: city-office, name: 测试市人民政府办公室, code: "a b?#"}
            -- content/documents/a.md --
            {{TestSite.Document("通知")}}
            """);
        var result = site.Build();
        var error = TestSite.Single(result, Codes.InvalidIndexNumber);
        Assert.Equal("content/organs.yml:1:45", error.Location.ToString());
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void A_value_equally_close_to_two_choices_gets_no_guess()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("通知", "disclosure: 公开")}
            """);
        var error = TestSite.Single(site.Build(), Codes.InvalidValue);
        Assert.DoesNotContain("did you mean", error.Hint);
        Assert.Contains("主动公开", error.Hint);
    }

    [Fact]
    public void An_opening_front_matter_line_with_trailing_spaces_is_accepted()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {ReplaceFirst(TestSite.Document("通知"), "---\n", "---   \n")}
            """);
        site.BuildSuccessfully();
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + old.Length)..];
    }
}
