using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// Inputs on which the fuzz test (<c>Fuzz/ReaderFuzzTests</c>) crashed the reader or put a diagnostic on the wrong line, each
/// pinned by a test: now they are errors at their place, and the build neither throws nor overflows its stack.
/// </summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    [Trait("Code", "GZ0005")]
    public void Lists_nested_ten_thousand_deep_in_front_matter_are_an_error_not_a_stack_overflow()
    {
        // The root mapping and 63 lists fill the 64 levels allowed: the 64th '[' is refused, after "extra: " (7 characters).
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("通知", "extra: " + new string('[', 10_000) + new string(']', 10_000))}
            """);

        var error = BadSite.Fails(site, Codes.YamlSyntax, "content/documents/a.md", 10, 8 + 63);
        Assert.Equal("the YAML cannot be read: lists and mappings are nested more than 64 levels deep", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0104")]
    public void A_key_that_contains_itself_is_an_error_not_a_stack_overflow()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {WithExtra("  ? &a [*a]", "  : v")}
            """);

        var error = BadSite.Fails(site, Codes.WrongType, "content/documents/a.md", 11, 5);
        Assert.Equal("a key must be a plain word, not a list or a mapping", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0104")]
    public void A_key_that_is_an_alias_of_a_billion_values_is_an_error_at_once()
    {
        // Hashing *a8 as a key would visit 10^9 values.
        var lines = new List<string> { "  a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        lines.AddRange(Enumerable.Range(1, 8).Select(i => $"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]"));
        lines.Add("  ? *a8");
        lines.Add("  : v");
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {WithExtra([.. lines])}
            """);

        var error = BadSite.Fails(site, Codes.WrongType, "content/documents/a.md", 20, 5);
        Assert.Equal("a key must be a plain word, not an alias (*name)", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0005")]
    public void An_invisible_line_separator_in_front_matter_is_an_error_at_its_own_line_and_column()
    {
        // YamlDotNet would count U+2028 as a line end and put every later diagnostic of the file on the wrong line.
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于\u2028测试的通知", "unknown: 1")}
            """);

        var error = BadSite.Fails(site, Codes.YamlSyntax, "content/documents/a.md", 2, 10);
        Assert.Equal("the YAML holds an invisible line separator (U+2028), which would end the line in the middle", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0006")]
    public void Quotes_nested_two_hundred_deep_are_an_error_at_their_line_not_an_internal_error()
    {
        // Front matter ends on line 10, a blank line, the paragraph on 12, a blank line, the quotes on 14.
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("通知", "第一段。\n\n" + string.Concat(Enumerable.Repeat("> ", 200)) + "引文\n\n最后一段。\n")}
            """);

        var error = BadSite.Fails(site, Codes.NestedTooDeeply, "content/documents/a.md", 14, 1);
        Assert.Contains("nested too deeply", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0006")]
    public void Brackets_nested_three_hundred_deep_in_a_paragraph_are_an_error_at_their_line()
    {
        // Markdig parses these but refuses to render them.
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("通知", "第一段。\n第二行\n" + new string('[', 300) + "x\n")}
            """);

        BadSite.Fails(site, Codes.NestedTooDeeply, "content/documents/a.md", 14, 1);
    }

    [Fact]
    public void Nesting_just_below_the_limits_still_builds()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("通知", string.Concat(Enumerable.Repeat("> ", 100)) + "引文\n", "extra: " + new string('[', 63) + new string(']', 63))}
            """);

        site.BuildSuccessfully();
    }

    /// <summary>A document of <see cref="TestSite.Document"/> with an <c>extra:</c> mapping of the given lines from line 11 on.</summary>
    private static string WithExtra(params string[] lines) =>
        TestSite.Document("通知").Replace("disclosure: 主动公开\n", "disclosure: 主动公开\nextra:\n" + string.Join("\n", lines) + "\n", StringComparison.Ordinal);

    [Fact]
    [Trait("Code", "GZ0005")]
    public void A_control_character_pasted_into_front_matter_is_an_error_at_that_character()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于\u0007测试的通知")}
            """);

        var error = BadSite.Fails(site, Codes.YamlSyntax, "content/documents/a.md", 2, 10);
        Assert.Equal("the YAML holds an invisible control character (U+0007), which YAML does not allow", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0005")]
    public void A_line_indented_with_a_tab_is_reported_at_the_tab_not_where_the_mapping_starts()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {WithExtra("  note: 说明", " \tsource: 原文")}
            """);

        var error = BadSite.Fails(site, Codes.YamlSyntax, "content/documents/a.md", 12, 2);
        Assert.Equal("the line is indented with a tab, and YAML indents with spaces only", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0311")]
    public void A_link_in_a_paragraph_underlined_as_a_heading_is_reported_on_its_own_line()
    {
        // "[]()\n-" made Markdig put the link on the underline; three lines of heading put it two lines further down, and
        // past the end of the file when the heading was the last thing in it. Front matter ends on line 10, the body on 13.
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("通知", "第一行\n第二行\n见[这里](javascript:alert(1))\n---\n", "index_number: 000014350/2019-00001")}
            """);

        var warning = TestSite.Single(site.BuildSuccessfully(), Codes.UnsafeLink);

        Assert.Equal("content/documents/a.md:15:2", warning.Location.ToString());
    }
}
