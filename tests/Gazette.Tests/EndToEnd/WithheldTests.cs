using Gazette.Tests.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>Drafts and withheld documents over whole builds: nothing of them is published, and the audit accepts what a published document says itself.</summary>
public sealed class WithheldTests
{
    private const string Title = "关于城区供水管网改造工程内部审核意见的报告";

    [Fact]
    public void A_published_document_that_quotes_a_withheld_title_builds_and_shows_the_quote()
    {
        using var site = new TestSite($"""
            -- content/documents/2019/internal.md --
            {TestSite.Document(Title, "disclosure: 依申请公开", "disclosure_reason: 内部审核意见")}
            -- content/documents/2019/public.md --
            {BadSite.DocumentWithBody("关于供水管网改造工程的通告", $"根据《{Title}》，现将有关事项通告如下。\n")}
            """);

        site.BuildSuccessfully();

        Assert.Contains(AllText(site), t => t.Contains(Title, StringComparison.Ordinal));
    }

    [Fact]
    public void A_draft_is_checked_but_nothing_of_it_reaches_any_output_file()
    {
        const string draftTitle = "关于调整城市道路停车收费标准的通知（征求意见稿）";
        const string sentence = "拟将一类区域白天时段收费标准调整为每小时八元";
        using var site = new TestSite($"""
            -- content/documents/2019/draft.md --
            {BadSite.DocumentWithBody(draftTitle, sentence + "。\n", "draft: true", "doc_number: 测府办发〔2019〕99号", "index_number: 000014350/2019-09999")}
            -- content/documents/2019/public.md --
            {TestSite.Document("关于做好防汛工作的通知")}
            """);

        var result = site.BuildSuccessfully();

        Assert.Equal(1, result.Documents);
        Assert.Equal(1, result.Withheld);
        foreach (var needle in new[] { "征求意见稿", sentence, "〔2019〕99号", "2019-09999", "draft" })
        {
            Assert.DoesNotContain(site.OutputFiles(), f => f.Contains(needle, StringComparison.Ordinal));
            Assert.DoesNotContain(AllText(site), t => t.Contains(needle, StringComparison.Ordinal) && needle != "draft");
        }
    }

    /// <summary>The text of every output file, the search index's gzip files inflated.</summary>
    private static List<string> AllText(TestSite site) => [.. site.OutputFiles().Select(site.ReadOutputText)];
}
