using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>GZ04xx: themes that cannot render the site. Each test copies the repository theme into the site and breaks one file.</summary>
public sealed class ThemeErrorTests
{
    [Fact]
    [Trait("Code", "GZ0401")]
    public void A_Liquid_syntax_error_is_reported_at_its_line_and_column()
    {
        using var site = new TestSite("");
        BadSite.CopyRepositoryTheme(site);
        // Fluid stops just after the unknown tag's name: line 2, column 15.
        site.Write("theme/layouts/home.liquid", "<h1>{{ site.name }}</h1>\n  <p>{% endfor %}</p>\n");

        var error = BadSite.Fails(site, Codes.TemplateSyntax, "theme/layouts/home.liquid", 2, 15);
        Assert.Equal("the template cannot be parsed: Unknown tag 'endfor'", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0401")]
    public void A_Liquid_filter_without_a_name_is_reported_after_the_pipe()
    {
        using var site = new TestSite("");
        BadSite.CopyRepositoryTheme(site);
        site.Write("theme/layouts/listing.liquid", "<h1>ok</h1>\n\n<p>{{ page.title | }}</p>\n");

        var error = BadSite.Fails(site, Codes.TemplateSyntax, "theme/layouts/listing.liquid", 3, 19);
        Assert.DoesNotContain("at (", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0402")]
    public void A_theme_without_the_document_layout_is_reported_at_the_missing_file()
    {
        using var site = new TestSite("");
        BadSite.CopyRepositoryTheme(site);
        site.Delete("theme/layouts/document.liquid");

        var error = BadSite.Fails(site, Codes.MissingTemplate, "theme/layouts/document.liquid", 1, 1);
        Assert.Equal("the theme has no layout for 'document' pages", error.Message);
        Assert.Equal("create layouts/document.liquid in the theme", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0402")]
    public void A_theme_without_the_base_layout_is_reported()
    {
        using var site = new TestSite("");
        BadSite.CopyRepositoryTheme(site);
        site.Delete("theme/layouts/base.liquid");
        // TestSite.Options would fall back to the repository theme once base.liquid is gone.
        var options = BuildOptions.ForSite(site.Root);

        BadSite.Fails(site, Codes.MissingTemplate, "theme/layouts/base.liquid", 1, 1, options);
    }

    [Fact]
    [Trait("Code", "GZ0403")]
    public void A_theme_without_strings_for_the_site_language_is_reported()
    {
        using var site = new TestSite("");
        BadSite.CopyRepositoryTheme(site);
        site.Delete("theme/i18n/zh-CN.yml");

        var error = BadSite.Fails(site, Codes.MissingUiStrings, "theme/i18n/zh-CN.yml", 1, 1);
        Assert.Equal("the theme has no UI strings for the site's language 'zh-CN'", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0403")]
    public void An_English_site_needs_the_English_strings()
    {
        using var site = new TestSite("""
            -- content/site.yml --
            name: Test Gazette
            base_url: https://example.gov.cn/
            publisher: Test City
            language: en
            """);
        BadSite.CopyRepositoryTheme(site);
        site.Delete("theme/i18n/en.yml");

        BadSite.Fails(site, Codes.MissingUiStrings, "theme/i18n/en.yml", 1, 1);
    }

    [Fact]
    [Trait("Code", "GZ0403")]
    public void UI_strings_missing_a_required_key_are_reported_by_key()
    {
        using var site = new TestSite("");
        BadSite.CopyRepositoryTheme(site);
        var strings = File.ReadAllLines(Path.Combine(Repository.Theme, "i18n/zh-CN.yml"))
            .Where(line => !line.StartsWith("home_title:", StringComparison.Ordinal) && !line.StartsWith("page_label:", StringComparison.Ordinal));
        site.Write("theme/i18n/zh-CN.yml", string.Join("\n", strings) + "\n");

        var error = BadSite.Fails(site, Codes.MissingUiStrings, "theme/i18n/zh-CN.yml", 1, 1);
        Assert.Equal("the UI strings lack page_label, home_title", error.Message);
    }
}
