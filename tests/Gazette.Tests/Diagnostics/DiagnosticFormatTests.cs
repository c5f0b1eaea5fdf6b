using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>Diagnostics print GCC style, one line per problem, so editors can jump to them.</summary>
public sealed class DiagnosticFormatTests
{
    [Fact]
    public void An_error_prints_path_line_column_severity_message_and_code()
    {
        var diagnostic = new Diagnostic(new SourceLocation("content/documents/2019/tongfubanfa-16.md", 7, 12), Severity.Error, Codes.InvalidDate,
            "'published' must be a date like 2019-07-19 (got \"2019/7/32\")");

        Assert.Equal("content/documents/2019/tongfubanfa-16.md:7:12: error: 'published' must be a date like 2019-07-19 (got \"2019/7/32\") [GZ0103]",
            diagnostic.ToString());
    }

    [Fact]
    public void A_hint_is_printed_on_a_second_line_indented_by_two_spaces()
    {
        var diagnostic = new Diagnostic(new SourceLocation("content/site.yml", 4, 1), Severity.Error, Codes.UnknownKey,
            "unknown key 'langauge'", "did you mean 'language'?");

        Assert.Equal("content/site.yml:4:1: error: unknown key 'langauge' [GZ0101]\n  hint: did you mean 'language'?", diagnostic.ToString());
    }

    [Fact]
    public void A_warning_prints_as_warning()
    {
        var diagnostic = new Diagnostic(new SourceLocation("content/site.yml"), Severity.Warning, Codes.MissingField, "x");

        Assert.Equal("content/site.yml:1:1: warning: x [GZ0102]", diagnostic.ToString());
    }

    [Fact]
    public void A_diagnostic_from_a_real_build_prints_with_its_hint()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "published: 2019-02-30")}
            """);

        var diagnostic = TestSite.Single(site.Build(), Codes.InvalidDate);

        Assert.Equal(
            "content/documents/a.md:5:12: error: 'published' must be a date like 2019-07-19 (got \"2019-02-30\") [GZ0103]\n" +
            "  hint: 2019-02 has 28 days; dates are written YYYY-MM-DD",
            diagnostic.ToString());
    }

    [Fact]
    public void Every_code_is_listed_once_with_a_stable_GZ_id()
    {
        var declared = typeof(Codes).GetFields().Where(f => f.FieldType == typeof(DiagnosticCode)).Select(f => (DiagnosticCode)f.GetValue(null)!).ToList();

        Assert.Equal(declared.Select(c => c.Id).Order(StringComparer.Ordinal), Codes.All.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Codes.All.Count, Codes.All.Select(c => c.Id).Distinct().Count());
        Assert.All(Codes.All, c => Assert.Matches("^GZ0[0-9]{3}$", c.Id));
        Assert.All(Codes.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Title)));
    }
}
