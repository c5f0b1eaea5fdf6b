using Gazette.Audit;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Tests.Support;

namespace Gazette.Tests.Stages;

public sealed class WithheldTextTests
{
    private static Document Withheld(string title, string? number = null, string? summary = null) => new(
        "internal", new SourceLocation("content/documents/internal.md"), title, number, "000014350/2019-00007", ["city-office"],
        new DateOnly(2019, 3, 1), new DateOnly(2019, 3, 5), "zonghe", "tongzhi", summary, Disclosure.OnRequest, "内部事务",
        Validity.InForce, null, null, [], [], 0, 12,
        new Dictionary<string, SourceLocation>
        {
            ["title"] = new("content/documents/internal.md", 2, 1),
            ["doc_number"] = new("content/documents/internal.md", 3, 1),
            ["summary"] = new("content/documents/internal.md", 4, 1),
        });

    [Fact]
    public void A_withheld_document_gives_its_title_numbers_and_longest_sentences_with_their_places()
    {
        const string body = "## 一、总体要求\n\n短句。\n\n经内部审核，第三标段的造价测算存在较大偏差，建议暂缓招标。另一句也足够长，足以分辨出这份文件来源。\n";
        var text = "一、总体要求\n短句。\n经内部审核，第三标段的造价测算存在较大偏差，建议暂缓招标。另一句也足够长，足以分辨出这份文件来源。";

        var passages = WithheldText.Of(Withheld("关于内部审核意见的报告", "测府办发〔2019〕7号"), body, text).ToList();

        Assert.Equal(["关于内部审核意见的报告", "测府办发〔2019〕7号", "000014350/2019-00007", "经内部审核，第三标段的造价测算存在较大偏差，建议暂缓招标", "另一句也足够长，足以分辨出这份文件来源"],
            passages.Select(p => p.Text));
        Assert.Equal(["title", "document number", "index number", "sentence", "sentence"], passages.Select(p => p.What));
        Assert.Equal("content/documents/internal.md:2:1", passages[0].At.ToString());
        Assert.Equal("content/documents/internal.md:16:1", passages[3].At.ToString()); // body line 12 + 4
        Assert.True(passages[2].InPaths);
        Assert.False(passages[0].InPaths);
    }

    [Fact]
    public void Passages_are_cut_where_html_or_json_would_escape_a_character()
    {
        var passages = WithheldText.Of(Withheld("关于\"放管服\"改革中内部事项的请示"), "", "").ToList();

        Assert.Equal("改革中内部事项的请示", passages[0].Text);
    }

    [Fact]
    public void Short_titles_and_sentences_are_not_looked_for()
    {
        var passages = WithheldText.Of(Withheld("请示", "1号"), "很短的一句话。", "很短的一句话。").ToList();

        Assert.Equal(["000014350/2019-00007"], passages.Select(p => p.Text));
    }

    [Fact]
    public void A_passage_a_published_document_holds_is_set_aside_and_the_others_are_found()
    {
        var withheld = new WithheldText(WithheldText.Of(Withheld("关于内部审核意见的报告", "测府办发〔2019〕7号"), "", ""));

        withheld.SetAsideShared("根据测府办发〔2019〕7号文件精神，现通知如下。");
        var found = withheld.Finder().In("<li>关于内部审核意见的报告</li><li>测府办发〔2019〕7号</li>").ToList();

        Assert.Equal(["关于内部审核意见的报告"], found.Select(p => p.Text));
        Assert.Equal(["关于内部审核意见的报告", "000014350/2019-00007"], withheld.Unshared().Select(p => p.Text));
    }

    [Fact]
    public void Every_passage_a_published_text_holds_is_set_aside_whatever_its_characters_and_only_those()
    {
        // Chinese, ASCII, a number of 5 characters, a passage holding U+FFFD (looked for as text, not as UTF-8), one at the very
        // start and one at the very end of the text, and passages the text holds only in part
        string[] held = ["经内部审核第三标段的造价测算存在较大偏差", "ABCDE-2019", "测府办发7", "替换\uFFFD字符的一句话", "开头的一句话"];
        string[] notHeld = ["经内部审核第三标段的造价测算存在较小偏差", "ABCDE-2020", "测府办发8", "替换字符的一句话"];
        var withheld = new WithheldText([.. held.Concat(notHeld).Select((t, i) => new WithheldPassage(t, "internal", "sentence", new SourceLocation("content/documents/internal.md", i + 1)))]);

        var document = Stage.Document("public", "关于公开事项的通知") with { Summary = "开头的一句话，其后是" + held[0] + "。" };
        var body = new RenderedBody("", [], $"正文：{held[1]}，{held[2]}号，{held[3]}，{notHeld[2][..4]}。", new string('0', 64));
        var shared = withheld.SetAsideShared(new PublishedDocument(document, "000014350/2019-00001", "/documents/000014350/2019-00001/"), body, []);

        Assert.Equal(held.Order(StringComparer.Ordinal), shared.Order(StringComparer.Ordinal));
        Assert.Equal(notHeld.Order(StringComparer.Ordinal), withheld.Unshared().Select(p => p.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void With_no_withheld_document_there_is_nothing_to_look_for()
    {
        Assert.True(WithheldText.None.Finder().IsEmpty);
        Assert.Empty(WithheldText.None.Finder().In("anything"));
    }
}
