using AngleSharp.Html.Parser;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Rendering;

namespace Gazette.Tests.Stages;

/// <summary>
/// Raw HTML in a body, through <see cref="MarkdownConverter"/>: what the allow-list keeps stays as written, everything else goes
/// with a GZ0312 warning at the tag's line and column in the file (the body starts on line 12 here).
/// </summary>
public sealed class RawHtmlTests
{
    private const string Path = "content/documents/a.md";

    private static (RenderedBody Body, IReadOnlyList<Diagnostic> Warnings) Convert(string body, Func<string, SourceLocation, string?>? resolve = null)
    {
        var diagnostics = new DiagnosticBag();
        var rendered = new MarkdownConverter().Convert(Stage.Document("a") with { BodyLine = 12 }, body, resolve ?? ((_, _) => null), diagnostics);
        return (rendered, diagnostics.Items);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>\n", "<script", "alert(1)", "the <script> element was removed: raw HTML may not run script")]
    [InlineData("<script src=\"https://evil.example/x.js\"></script>\n", "<script", "evil.example", "the <script> element was removed: raw HTML may not run script")]
    [InlineData("<noscript>请启用脚本</noscript>\n", "<noscript", "请启用脚本", "the <noscript> element was removed: raw HTML may not run script")]
    [InlineData("<style>body { display: none }</style>\n", "<style", "display", "the <style> element was removed: raw HTML may not bring its own styles")]
    [InlineData("<iframe src=\"https://evil.example/\">框架</iframe>\n", "<iframe", "evil.example", "the <iframe> element was removed: raw HTML may not embed other pages or plug-ins")]
    [InlineData("<object data=\"x.swf\"><param name=\"a\" value=\"b\">插件</object>\n", "<object", "插件", "the <object> element was removed: raw HTML may not embed other pages or plug-ins")]
    [InlineData("<embed src=\"x.swf\">\n", "<embed", "x.swf", "the <embed> element was removed: raw HTML may not embed other pages or plug-ins")]
    [InlineData("<svg><script>alert(1)</script><circle r=\"1\"/></svg>\n", "<svg", "alert(1)", "the <svg> element was removed: raw HTML may not contain drawings or formulas")]
    [InlineData("<math><mi>x</mi><annotation-xml><script>alert(1)</script></annotation-xml></math>\n", "<math", "alert(1)", "the <math> element was removed: raw HTML may not contain drawings or formulas")]
    [InlineData("<template><script>alert(1)</script></template>\n", "<template", "alert(1)", "the <template> element was removed: it is not one of the elements raw HTML may use")]
    [InlineData("<textarea>&lt;/textarea&gt;&lt;script&gt;</textarea>\n", "<textarea", "script", "the <textarea> element was removed: raw HTML may not contain forms")]
    public void An_element_that_could_run_script_or_embed_content_goes_with_everything_in_it(string body, string tag, string content, string message)
    {
        var (rendered, warnings) = Convert("第一段。\n\n" + body + "\n末段。\n");

        Assert.DoesNotContain(tag, rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(content, rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(content, rendered.Text, StringComparison.Ordinal);
        Assert.Equal("<p>第一段。</p>\n\n<p>末段。</p>\n", rendered.Html);
        var warning = Assert.Single(warnings);
        Assert.Equal(Codes.RawHtmlRemoved, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal($"{Path}:14:1", warning.Location.ToString());
        Assert.Equal(message, warning.Message);
    }

    [Theory]
    [InlineData("<b onclick=\"steal()\">加粗</b>", "<b>加粗</b>", "the onclick attribute of <b> was removed: raw HTML may not run script")]
    [InlineData("<img src=\"x.png\" alt=\"图\" onerror=\"steal()\">", "<img src=\"x.png\" alt=\"图\">", "the onerror attribute of <img> was removed: raw HTML may not run script")]
    [InlineData("<span style=\"color: red\">红字</span>", "<span>红字</span>", "the style attribute of <span> was removed: raw HTML may not bring its own styles")]
    [InlineData("<span class=\"nav\" id=\"site-search-q\">字</span>", "<span>字</span>", "the class, id attributes of <span> were removed: class and id belong to the theme")]
    [InlineData("<a href=\"javascript:alert(1)\">链接</a>", "<a>链接</a>", "the href attribute of <a> was removed: only http, https, mailto, tel and relative addresses are kept (got \"javascript:alert(1)\")")]
    [InlineData("<a href=\"JaVaScRiPt&#x09;:alert(1)\">链接</a>", "<a>链接</a>", "the href attribute of <a> was removed: only http, https, mailto, tel and relative addresses are kept (got \"JaVaScRiPt\t:alert(1)\")")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">链接</a>", "<a>链接</a>", "the href attribute of <a> was removed: only http, https, mailto, tel and relative addresses are kept (got \"vbscript:msgbox(1)\")")]
    [InlineData("<a href=\"data:text/html,&lt;script&gt;\">链接</a>", "<a>链接</a>", "the href attribute of <a> was removed: only http, https, mailto, tel and relative addresses are kept (got \"data:text/html,<script>\")")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"图\">", "<img alt=\"图\">", "the src attribute of <img> was removed: only http, https and relative image addresses are kept (got \"data:image/png;base64,iVBORw0KGgo=\")")]
    [InlineData("<img src=\"x.png\" srcset=\"javascript:x 2x\" alt=\"图\">", "<img src=\"x.png\" alt=\"图\">", "the srcset attribute of <img> was removed: <img> keeps only alt, height, src, title, width")]
    [InlineData("<font color=\"red\">红字</font>", "红字", "the <font> element was removed, its content kept: it is not one of the elements raw HTML may use")]
    [InlineData("<cite>《条例》</cite>", "《条例》", "the <cite> element was removed, its content kept: it is not one of the elements raw HTML may use")]
    [InlineData("<input name=\"q\" value=\"1\">", "", "the <input> element was removed, its content kept: raw HTML may not contain forms")]
    public void Inline_raw_HTML_loses_what_is_not_allowed_and_keeps_the_rest(string tag, string kept, string message)
    {
        var (rendered, warnings) = Convert("\n文字" + tag + "。\n");

        Assert.Equal($"<p>文字{kept}。</p>\n", rendered.Html);
        var warning = Assert.Single(warnings);
        Assert.Equal(Codes.RawHtmlRemoved, warning.Code);
        Assert.Equal($"{Path}:13:3", warning.Location.ToString());
        Assert.Equal(message, warning.Message);
    }

    [Theory]
    [InlineData("<abbr title=\"国务院办公厅\">国办</abbr>")]
    [InlineData("<sup>2</sup>和<sub>3</sub>")]
    [InlineData("<br>")]
    [InlineData("<strong>一</strong><em>二</em><b>三</b><i>四</i><u>五</u><s>六</s><del>七</del><ins>八</ins><mark>九</mark><small>十</small>")]
    [InlineData("<span title=\"说明\">字</span>")]
    [InlineData("<code>x &lt; y</code>")]
    [InlineData("<a href=\"https://www.gov.cn/\" title=\"中国政府网\">网</a>")]
    [InlineData("<a href=\"mailto:gk@example.gov.cn\">信</a><a href=\"tel:12345\">电</a><a href=\"../b/\">相对</a><a href=\"#第一条\">锚</a>")]
    [InlineData("<img src=\"https://www.gov.cn/a.png\" alt=\"图一\" width=\"320\" height=\"240\">")]
    public void Allowed_inline_raw_HTML_stays_byte_for_byte(string html)
    {
        var (rendered, warnings) = Convert("文字" + html + "。\n");

        Assert.Equal($"<p>文字{html}。</p>\n", rendered.Html);
        Assert.Empty(warnings);
    }

    [Fact]
    public void An_allowed_table_stays_byte_for_byte_with_its_merged_cells_and_alignment()
    {
        const string table = """
            <table>
            <caption>验收方式及权重</caption>
            <colgroup><col span="2"><col align="right"></colgroup>
            <thead>
            <tr><th scope="col">序号</th><th scope="col" colspan="2">评估验收方式</th></tr>
            </thead>
            <tbody>
            <tr><td rowspan="2" align="center">1</td><td>自查自评</td><td>10%</td></tr>
            <tr><td>专业机构测评</td><td>40%</td></tr>
            </tbody>
            <tfoot><tr><td colspan="3">合计 100%</td></tr></tfoot>
            </table>

            """;

        var (rendered, warnings) = Convert(table);

        Assert.Equal(table, rendered.Html);
        Assert.Empty(warnings);
        Assert.Equal("验收方式及权重\n序号\n评估验收方式\n1\n自查自评\n10%\n专业机构测评\n40%\n合计 100%\n", rendered.Text);
    }

    [Fact]
    public void Allowed_block_raw_HTML_stays_byte_for_byte()
    {
        const string html = """
            <figure>
            <img src="images/chart.png" alt="2019年收支情况">
            <figcaption>图1 收支情况</figcaption>
            </figure>
            <dl><dt>索引号</dt><dd>000014349/2019-00222</dd></dl>
            <ol start="3" type="a"><li value="5">第五项</li></ol>
            <ul><li>甲</li></ul>
            <blockquote><p>引文</p></blockquote>
            <pre><code>第一行
              第二行</code></pre>
            <div><hr></div>

            """;

        var (rendered, warnings) = Convert(html);

        Assert.Equal(html, rendered.Html);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_table_written_without_tbody_gets_one_as_a_browser_would_read_it()
    {
        var (rendered, warnings) = Convert("<table><tr><td>甲</td></tr></table>\n");

        Assert.Equal("<table><tbody><tr><td>甲</td></tr></tbody></table>\n", rendered.Html);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Removals_are_reported_at_their_own_line_and_column_in_the_file()
    {
        var (_, warnings) = Convert("""
            第一段。

            <table>
              <tr><td style="width: 3em">甲</td><td onclick="x()">乙</td></tr>
            </table>

            - 列表<font>字</font>
            > 引用 <script>alert(1)</script>

            """);

        Assert.Equal(
            [
                $"{Path}:15:7: the style attribute of <td>",
                $"{Path}:15:36: the onclick attribute of <td>",
                $"{Path}:18:5: the <font> element",
                $"{Path}:19:6: the <script> element",
            ],
            warnings.Select(w => $"{w.Location}: {w.Message[..w.Message.IndexOf(" was", StringComparison.Ordinal)]}"));
    }

    [Fact]
    public void Raw_HTML_is_sanitised_as_a_whole_so_a_tag_opened_in_one_place_and_closed_in_another_pairs_up()
    {
        var (rendered, warnings) = Convert("<div>\n\n**加粗**的正文\n\n</div>\n\n前<font color=\"red\">中\n间</font>后\n");

        Assert.Equal("<div>\n<p><strong>加粗</strong>的正文</p>\n</div>\n<p>前中间后</p>\n", rendered.Html);
        Assert.Equal($"{Path}:18:2", Assert.Single(warnings).Location.ToString());
    }

    [Fact]
    public void Stray_and_unclosed_tags_cannot_break_out_of_the_body()
    {
        var (rendered, _) = Convert("</div></section></main>\n\n<div><table><tr><td>未闭合\n\n正文。\n");

        Assert.DoesNotContain("</main>", rendered.Html);
        Assert.DoesNotContain("</section>", rendered.Html);
        Assert.Equal(Count(rendered.Html, "<div>"), Count(rendered.Html, "</div>"));
        Assert.Equal(Count(rendered.Html, "<table>"), Count(rendered.Html, "</table>"));
        Assert.Contains("未闭合", rendered.Html);

        static int Count(string text, string part) => text.Split(part).Length - 1;
    }

    [Fact]
    public void A_formatting_tag_left_open_is_copied_into_the_next_paragraphs_without_its_script_and_reported_once()
    {
        var (rendered, warnings) = Convert("<p><b onclick=\"x()\">加粗</p>\n\n第二段。\n\n第三段。\n");

        Assert.DoesNotContain("onclick", rendered.Html);
        Assert.Contains("第三段。", rendered.Html);
        Assert.Equal($"{Path}:12:4", Assert.Single(warnings).Location.ToString());
    }

    [Fact]
    public void Markdig_markup_in_a_body_with_raw_HTML_keeps_its_ids_and_classes()
    {
        var (rendered, warnings) = Convert("## 第一条\n\n| 甲 | 乙 |\n|:---:|---|\n| 1 | <span class=\"x\">2</span> |\n\n注[^1]\n\n[^1]: 脚注。\n");

        Assert.Contains("<h2 id=\"第一条\">第一条</h2>", rendered.Html);
        Assert.Contains("<th class=\"align-center\">甲</th>", rendered.Html);
        Assert.Contains("<td><span>2</span></td>", rendered.Html);
        Assert.Contains("class=\"footnote-ref\"", rendered.Html);
        Assert.Contains("class=\"footnote-back-ref\"", rendered.Html);
        Assert.Equal("the class attribute of <span> was removed: class and id belong to the theme", Assert.Single(warnings).Message);
        Assert.Equal("第一条\n甲\n乙\n1\n2\n注\n脚注。\n", rendered.Text);
    }

    [Fact]
    public void A_raw_tag_that_pretends_to_be_Markdig_markup_is_still_sanitised()
    {
        var (rendered, _) = Convert("## 标题\n\n<h2 id=\"标题\" onclick=\"x()\">假标题</h2>\n\n<p class=\"footnote-ref\" onmouseover=\"x()\">段</p>\n");

        Assert.Equal("<h2 id=\"标题\">标题</h2>\n假标题\n<p>段</p>\n", rendered.Html);
    }

    [Fact]
    public void A_block_element_that_is_not_allowed_leaves_its_text_in_place()
    {
        var (rendered, warnings) = Convert("<center>\n居中的文字\n</center>\n\n<h3>标题</h3>\n");

        Assert.Equal("\n居中的文字\n\n标题\n", rendered.Html);
        Assert.Equal(
            [
                "the <center> element was removed, its content kept: it is not one of the elements raw HTML may use",
                "the <h3> element was removed, its content kept: headings are written in Markdown",
            ],
            warnings.Select(w => w.Message));
    }

    [Theory]
    [InlineData("<svg></p><style><a id=\"</style><img src=\"x\" onerror=\"alert(1)\">\">")]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>")]
    [InlineData("<a href=\"&#106;avascript&#58;alert(1)\">x</a>")]
    [InlineData("<a href=\" \u0001javascript:alert(1)\">x</a>")]
    [InlineData("<img src=\"x\" alt=\"\" onerror =alert(1)>")]
    [InlineData("<form><button formaction=\"javascript:alert(1)\">x</button></form>")]
    [InlineData("<details open ontoggle=alert(1)>x</details>")]
    [InlineData("<table><tr><td background=\"javascript:alert(1)\">x</td></tr></table>")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>")]
    [InlineData("<object data=\"javascript:alert(1)\"></object>")]
    [InlineData("<base href=\"javascript:alert(1)//\"><a href=\"/x\">x</a>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">")]
    [InlineData("<!--><script>alert(1)</script>-->")]
    public void Known_script_injections_come_out_without_script(string html)
    {
        foreach (var body in new[] { html + "\n", "文字" + html + "文字\n" })
        {
            var (rendered, _) = Convert(body);

            // Read back as a browser reads the page: only allowed elements, no handlers, no script addresses. Text may still say "alert".
            var elements = new HtmlParser().ParseDocument(rendered.Html).Body!.QuerySelectorAll("*");
            Assert.All(elements, e => Assert.True(RawHtmlAllowList.Elements.ContainsKey(e.LocalName), $"<{e.LocalName}> in {rendered.Html}"));
            Assert.All(elements.SelectMany(e => e.Attributes), a => Assert.False(
                a.Name.StartsWith("on", StringComparison.Ordinal) || a.Value.Contains("javascript", StringComparison.OrdinalIgnoreCase),
                $"{a.Name}=\"{a.Value}\" in {rendered.Html}"));
        }
    }

    [Fact]
    public void Comments_are_dropped_without_a_warning()
    {
        var (rendered, warnings) = Convert("<!-- 内部备注：暂不公开 -->\n\n正文<!-- 又一条 -->。\n");

        Assert.Equal("\n<p>正文。</p>\n", rendered.Html);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Script_inside_a_paragraph_is_kept_out_of_the_page_and_the_search_text()
    {
        var (rendered, warnings) = Convert("前文<script>var secret = '机密';</script>后文。\n");

        Assert.Equal("<p>前文后文。</p>\n", rendered.Html);
        Assert.Equal("前文后文。\n", rendered.Text);
        Assert.Single(warnings);
    }

    [Fact]
    public void A_doc_link_in_raw_HTML_becomes_the_documents_permalink()
    {
        var asked = new List<(string Id, SourceLocation At)>();

        var (rendered, warnings) = Convert("\n<p>参见<a href=\"doc:policy\">该通知</a>。</p>\n", (id, at) =>
        {
            asked.Add((id, at));
            return "/documents/000014350/2019-00001/";
        });

        Assert.Equal("<p>参见<a href=\"/documents/000014350/2019-00001/\">该通知</a>。</p>\n", rendered.Html);
        Assert.Equal([("policy", new SourceLocation(Path, 13, 6))], asked);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_body_without_raw_HTML_is_left_as_Markdig_wrote_it()
    {
        var (rendered, _) = Convert("第一行  \n第二行\n\n***\n\n![图](a.png)\n");

        Assert.Equal("<p>第一行<br />\n第二行</p>\n<hr />\n<p><img src=\"a.png\" alt=\"图\" /></p>\n", rendered.Html);
    }
}
