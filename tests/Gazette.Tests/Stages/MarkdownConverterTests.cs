using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Rendering;

namespace Gazette.Tests.Stages;

public sealed class MarkdownConverterTests
{
    private static (string Html, IReadOnlyList<Heading> Outline) Convert(string body, Func<string, SourceLocation, string?>? resolve = null)
    {
        var rendered = new MarkdownConverter().Convert(Stage.Document("a") with { BodyLine = 12 }, body, resolve ?? ((_, _) => null), new DiagnosticBag());
        return (rendered.Html, rendered.Outline);
    }

    [Fact]
    public void The_plain_text_of_a_body_keeps_its_words_and_drops_the_markup()
    {
        var text = new MarkdownConverter().Convert(
            Stage.Document("a"), "## 一、总体目标\n\n**加强**[政策](https://x.cn/)解读。\n\n| 甲 | 乙 |\n|---|---|\n| 丙 | 丁 |\n",
            (_, _) => null, new DiagnosticBag()).Text;
        Assert.Contains("一、总体目标", text);
        Assert.Contains("加强政策解读。", text);
        Assert.Contains("丙", text);
        Assert.DoesNotContain("**", text);
        Assert.DoesNotContain("https://", text);
    }

    [Fact]
    public void The_plain_text_keeps_characters_written_as_references_and_code_in_their_place()
    {
        var text = new MarkdownConverter().Convert(
            Stage.Document("a"), "电话138&#42;&#42;&#42;&#42;5678，见`第三条`。\n", (_, _) => null, new DiagnosticBag()).Text;

        Assert.Equal("电话138****5678，见第三条。\n", text);
    }

    [Fact]
    public void A_Chinese_heading_gets_an_anchor_made_of_its_text()
    {
        var (html, outline) = Convert("## 一、总体目标\n\n正文。\n");

        Assert.Contains("<h2 id=\"一-总体目标\">一、总体目标</h2>", html);
        Assert.Equal([new Heading(2, "一、总体目标", "一-总体目标")], outline);
    }

    [Fact]
    public void Repeated_headings_get_numbered_anchors()
    {
        var (_, outline) = Convert("## 附则\n\n## 附则\n\n## 附则\n");

        Assert.Equal(["附则", "附则-2", "附则-3"], outline.Select(h => h.Id));
    }

    [Fact]
    public void A_body_whose_headings_start_at_one_hash_is_shifted_down_a_level()
    {
        var (html, outline) = Convert("# 第一章 总则\n\n## 第一条\n\n正文。\n");

        Assert.DoesNotContain("<h1", html);
        Assert.Contains("<h2 id=\"第一章-总则\">", html);
        Assert.Contains("<h3 id=\"第一条\">", html);
        Assert.Equal([2, 3], outline.Select(h => h.Level));
    }

    [Fact]
    public void A_body_that_starts_at_two_hashes_is_not_shifted()
    {
        var (html, _) = Convert("## 第一章\n\n### 第一条\n");

        Assert.Contains("<h2 id=\"第一章\">", html);
        Assert.Contains("<h3 id=\"第一条\">", html);
    }

    [Fact]
    public void The_outline_holds_headings_down_to_level_three()
    {
        var (_, outline) = Convert("## 甲\n\n### 乙\n\n#### 丙\n");

        Assert.Equal(["甲", "乙"], outline.Select(h => h.Text));
    }

    [Fact]
    public void Raw_HTML_is_emitted_without_what_could_run_script()
    {
        var (html, _) = Convert("<script>alert(1)</script>\n\n文字<b onclick=\"x()\">加粗</b>\n");

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("alert(1)", html);
        Assert.DoesNotContain("onclick", html);
        Assert.Contains("文字<b>加粗</b>", html);
    }

    [Fact]
    public void An_autolink_that_could_run_script_is_shown_as_text_with_a_warning()
    {
        var diagnostics = new DiagnosticBag();
        var html = new MarkdownConverter().Convert(Stage.Document("a") with { BodyLine = 12 }, "见 <javascript:alert(1)> 和 <https://www.gov.cn/>\n",
            (_, _) => null, diagnostics).Html;

        Assert.Equal("<p>见 javascript:alert(1) 和 <a href=\"https://www.gov.cn/\">https://www.gov.cn/</a></p>\n", html);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(Codes.UnsafeLink, warning.Code);
        Assert.Equal("content/documents/a.md:12:3", warning.Location.ToString());
    }

    [Fact]
    public void Pipe_tables_render_as_tables()
    {
        var (html, _) = Convert("| 项目 | 金额 |\n|---|---:|\n| 甲 | 100 |\n");

        Assert.Contains("<table>", html);
        Assert.Contains("<th>项目</th>", html);
        Assert.Contains("<td>甲</td>", html);
    }

    [Fact]
    public void Doc_links_are_resolved_to_permalinks_with_their_source_location()
    {
        var asked = new List<(string Id, SourceLocation At)>();

        var (html, _) = Convert("第一段。\n\n参见[该通知](doc:policy)。\n", (id, at) =>
        {
            asked.Add((id, at));
            return "/documents/000014350/2019-00001/";
        });

        Assert.Contains("<a href=\"/documents/000014350/2019-00001/\">该通知</a>", html);
        Assert.Equal([("policy", new SourceLocation("content/documents/a.md", 14, 3))], asked);
    }

    [Fact]
    public void An_unresolved_doc_link_points_nowhere()
    {
        var (html, _) = Convert("[该通知](doc:missing)\n");

        Assert.Contains("<a href=\"#\">该通知</a>", html);
        Assert.DoesNotContain("doc:", html);
    }

    [Fact]
    public void Other_links_are_left_alone()
    {
        var (html, _) = Convert("[国务院](https://www.gov.cn/)\n", (_, _) => throw new InvalidOperationException("not a doc: link"));

        Assert.Contains("<a href=\"https://www.gov.cn/\">国务院</a>", html);
    }

    [Theory]
    [InlineData("一、总体目标", "一-总体目标")]
    [InlineData("Article 1. Scope", "article-1-scope")]
    [InlineData("（一）  工作要求", "一-工作要求")]
    [InlineData("……", "section")]
    public void Slugs_keep_letters_and_digits_and_fold_the_rest_into_hyphens(string text, string slug)
    {
        Assert.Equal(slug, MarkdownConverter.Slug(text));
    }
}
