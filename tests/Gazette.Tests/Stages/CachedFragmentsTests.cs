using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Rendering;
using Gazette.Theme;

namespace Gazette.Tests.Stages;

/// <summary>
/// The theme's cached block (a fragment rendered once per build for each key and written again as it was) and the texts every
/// page is given as a table made once (UI strings and asset addresses): what a layout renders is the same as without them.
/// </summary>
public sealed class CachedFragmentsTests
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static ThemeFile File(string name, string text) => new(name, "theme/" + name, Encoding.UTF8.GetBytes(text));

    private static CompiledTheme Theme(string listing)
    {
        var files = CompiledTheme.Kinds.Prepend(CompiledTheme.Shell)
            .Select(kind => File($"layouts/{kind}.liquid", kind == "listing" ? listing : "<p>{{ page.title }}</p>"))
            .Append(File("i18n/zh-CN.yml", string.Concat(UiStrings.RequiredKeys.Select(k => $"{k}: 「{k}」\n")) + "amp: 公告&通知\n"))
            .ToList();
        var diagnostics = new DiagnosticBag();
        var theme = new ParseTheme().Run(files, "zh-CN", diagnostics);
        Assert.Empty(diagnostics.Items);
        return theme!;
    }

    private static string Render(CompiledTheme theme, object items, bool served = true)
    {
        var context = new TemplateContext(theme.Options);
        context.SetValue("items", items);
        context.SetValue("t", TextTable.Of(theme.Strings.All, Encoder));
        if (served)
        {
            theme.Fragments.Serve(context);
        }

        return theme.Layouts["listing"].Render(context, Encoder);
    }

    private static Dictionary<string, object?> Item(string? key, string value) => new() { ["key"] = key, ["value"] = value };

    [Fact]
    public void A_block_is_rendered_once_for_each_key_and_written_again_as_it_was()
    {
        var theme = Theme("{% for item in items %}{% cached item.key %}[{{ item.value }}]{% endcached %}{% endfor %}");

        // The second "a" shows what the first rendered: the key names everything the block shows
        Assert.Equal("[一][一][三]", Render(theme, new[] { Item("a", "一"), Item("a", "二"), Item("b", "三") }));
        Assert.Equal("[一][三]", Render(theme, new[] { Item("a", "四"), Item("b", "五") }));

        // Without a key, or with no fragments served, or once cleared, it is rendered each time
        Assert.Equal("[六][七]", Render(theme, new[] { Item(null, "六"), Item(null, "七") }));
        Assert.Equal("[八]", Render(theme, new[] { Item("a", "八") }, served: false));
        theme.Fragments.Clear();
        Assert.Equal("[九]", Render(theme, new[] { Item("a", "九") }));
    }

    [Fact]
    public void Two_blocks_with_the_same_key_keep_fragments_of_their_own()
    {
        var theme = Theme("{% for item in items %}{% cached item.key %}<b>{{ item.value }}</b>{% endcached %}{% cached item.key %}<i>{{ item.value }}</i>{% endcached %}{% endfor %}");

        Assert.Equal("<b>一</b><i>一</i><b>一</b><i>一</i>", Render(theme, new[] { Item("a", "一"), Item("a", "二") }));
    }

    [Fact]
    public void Ui_strings_given_as_a_table_are_written_as_the_dictionary_wrote_them()
    {
        var theme = Theme("{{ t.amp }}|{{ t.home_title }}|{{ t.amp | replace: \"通知\", \"<公告>\" }}|{{ t.missing }}|{{ t[\"home_title\"] }}");

        var context = new TemplateContext(theme.Options);
        context.SetValue("t", theme.Strings.All);
        var expected = theme.Layouts["listing"].Render(context, Encoder);

        Assert.Equal("公告&amp;通知|「home_title」|公告&amp;&lt;公告&gt;||「home_title」", expected);
        Assert.Equal(expected, Render(theme, Array.Empty<object>()));
    }
}
