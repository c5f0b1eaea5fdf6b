using System.Text;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Theme;

namespace Gazette.Tests.Stages;

public sealed class ParseThemeTests
{
    private static ThemeFile File(string name, string text) => new(name, "theme/" + name, Encoding.UTF8.GetBytes(text));

    private static string AllStrings(params string[] except) =>
        string.Concat(UiStrings.RequiredKeys.Where(k => !except.Contains(k)).Select(k => $"{k}: 「{k}」\n"));

    /// <summary>A theme with every layout, the zh-CN strings and one asset; pass files to replace or add.</summary>
    private static List<ThemeFile> Theme(params ThemeFile[] replace)
    {
        var files = CompiledTheme.Kinds.Prepend(CompiledTheme.Shell)
            .Select(kind => File($"layouts/{kind}.liquid", $"<p>{kind}: {{{{ page.title }}}}</p>"))
            .Append(File("i18n/zh-CN.yml", AllStrings()))
            .Append(File("assets/site.css", "body{}"))
            .ToList();
        files.RemoveAll(f => replace.Any(r => r.Name == f.Name));
        return [.. files, .. replace];
    }

    private static (CompiledTheme? Theme, DiagnosticBag Diagnostics) Parse(List<ThemeFile> files, string language = "zh-CN")
    {
        var diagnostics = new DiagnosticBag();
        return (new ParseTheme().Run(files, language, diagnostics), diagnostics);
    }

    [Fact]
    public void A_complete_theme_compiles_with_its_layouts_strings_and_assets()
    {
        var (theme, diagnostics) = Parse(Theme(File("partials/readme.txt", "not an asset")));

        Assert.Empty(diagnostics.Items);
        Assert.NotNull(theme);
        Assert.Equal(CompiledTheme.Kinds.Count + 1, theme.Layouts.Count);
        Assert.Equal("zh-CN", theme.Strings.Language);
        Assert.Equal("「home_title」", theme.Strings["home_title"]);
        Assert.Equal(["assets/site.css"], theme.Assets.Select(a => a.Name));
    }

    [Fact]
    public void A_template_syntax_error_is_reported_at_Fluids_position()
    {
        // Fluid stops just after the unknown tag's name, which ends in column 15.
        var (theme, diagnostics) = Parse(Theme(File("layouts/listing.liquid", "<ul>\n  <li>{% endfor %}</li>\n")));

        Assert.Null(theme);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("theme/layouts/listing.liquid:2:16: GZ0401", $"{error.Location}: {error.Code.Id}");
        Assert.Equal("the template cannot be parsed: Unknown tag 'endfor'", error.Message);
    }

    [Fact]
    public void A_missing_layout_is_reported_at_the_path_it_should_have()
    {
        var files = Theme();
        files.RemoveAll(f => f.Name == "layouts/gazette-issue.liquid");

        var (theme, diagnostics) = Parse(files);

        Assert.Null(theme);
        Assert.Equal(["theme/layouts/gazette-issue.liquid:1:1: GZ0402"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void Strings_of_another_language_do_not_count()
    {
        var (theme, diagnostics) = Parse(Theme(), "en");

        Assert.Null(theme);
        Assert.Equal(["theme/i18n/en.yml:1:1: GZ0403"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void Missing_required_strings_are_named()
    {
        var (_, diagnostics) = Parse(Theme(File("i18n/zh-CN.yml", AllStrings("nav_home", "year_label"))));

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(Codes.MissingUiStrings, error.Code);
        Assert.Equal("the UI strings lack year_label, nav_home", error.Message);
    }

    [Theory]
    [InlineData("Unknown tag 'endfor' at (2:15)", 2, 15)]
    [InlineData("something else", 1, 1)]
    public void Fluid_positions_are_read_from_the_error_text(string error, int line, int column)
    {
        Assert.Equal(new SourceLocation("theme/layouts/a.liquid", line, column), ParseTheme.Locate("theme/layouts/a.liquid", error));
    }
}
