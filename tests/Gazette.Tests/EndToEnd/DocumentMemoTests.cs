using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>
/// The build cache's memo of documents (<see cref="DocumentMemo"/>): a document whose file and surroundings are as they were
/// is not made again, and the site is still the one a clean build makes.
/// </summary>
public sealed class DocumentMemoTests
{
    private static BuildResult BuildWithCache(TestSite site)
    {
        var result = new BuildPipeline().Run(site.Options with { CacheDirectory = Path.Combine(site.Root, BuildOptions.DefaultCacheFolder) });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    /// <summary>The sample content and theme of the repository, copied into a site of their own.</summary>
    private static TestSite Sample()
    {
        var site = new TestSite("");
        foreach (var (from, to) in new[] { (Repository.Content, "content/"), (Repository.Theme, "theme/") })
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                site.WriteBytes(to + Path.GetRelativePath(from, file).Replace('\\', '/'), File.ReadAllBytes(file));
            }
        }

        return site;
    }

    private static string Document(TestSite site, string name) => Path.Combine(site.Root, "content/documents", name);

    [Fact]
    public void A_second_build_makes_no_document_and_after_one_body_changes_only_that_one_and_the_site_is_the_clean_builds()
    {
        using var site = Sample();
        var first = BuildWithCache(site);
        Assert.Equal(0, first.Recalled);

        var again = BuildWithCache(site);
        // Every published document but those with text attachments or with something reported about their bodies
        Assert.InRange(again.Recalled, first.Documents - 5, first.Documents);
        Assert.Equal(0, again.Rendered);
        Assert.Equal(again.Files, again.Unchanged);

        // The changed body is the one document made; every searchable text is in its group again (the group's name changed),
        // so the recalled documents' texts are made again from their files for those files
        File.AppendAllText(Document(site, "2018/liaocheng-2018-key-tasks.md"), "\n本通知自印发之日起施行，由市政府办公室负责解释。\n");
        var changed = BuildWithCache(site);
        Assert.Equal(again.Recalled - 1, changed.Recalled);
        Assert.Equal(1, changed.Indexed);
        Assert.Contains("由市政府办公室负责解释", site.ReadOutput(PageOf(site, "liaocheng-2018-key-tasks")));
        IncrementalBuildTests.AssertSameAsCleanBuild(site);
        Assert.Equal(again.Recalled, BuildWithCache(site).Recalled);
    }

    [Fact]
    public void Batches_of_recalled_documents_and_of_documents_made_again_give_the_clean_builds_site()
    {
        // More documents than a batch of documents made (BuildPipeline.BatchSize): the first build makes them in batches of
        // that many, one changed then goes through as one batch with the others recalled, and when more than a batch changed
        // the documents are made a batch at a time again, recalled ones among them.
        const int Count = BuildPipeline.BatchSize * 2 + 40;
        using var site = new TestSite("");
        string Body(int i, string more = "") =>
            TestSite.Document($"关于第{i}项工作的通知", $"published: 2019-{1 + (i % 12):00}-{1 + (i % 28):00}", $"written: 2019-{1 + (i % 12):00}-01") + more;
        for (var i = 0; i < Count; i++)
        {
            site.Write($"content/documents/2019/n{i:000}.md", Body(i));
        }

        Assert.Equal(0, BuildWithCache(site).Recalled);

        site.Write("content/documents/2019/n007.md", Body(7, "\n第二段。\n"));
        Assert.Equal(Count - 1, BuildWithCache(site).Recalled);
        IncrementalBuildTests.AssertSameAsCleanBuild(site);

        for (var i = 0; i < Count; i += 2)
        {
            site.Write($"content/documents/2019/n{i:000}.md", Body(i, "\n第三段。\n"));
        }

        Assert.Equal(Count / 2, BuildWithCache(site).Recalled);
        IncrementalBuildTests.AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_changed_title_makes_the_documents_that_show_it_again_and_a_changed_layout_or_other_content_file_every_document()
    {
        using var site = Sample();
        BuildWithCache(site);
        var recalled = BuildWithCache(site).Recalled;
        Assert.True(recalled > 10);

        // Another document's title: the policy's shows on its interpretation's page, whose own file did not change
        IncrementalBuildTests.RetitleThePolicy(site);
        // Made again: its interpretation and the notice it repealed, whose pages show it (the policy, with text attachments, is never recalled)
        Assert.Equal(recalled - 2, BuildWithCache(site).Recalled);
        Assert.Contains("关于改题后的通知", site.ReadOutput(PageOf(site, "tongliang-2019-16-jiedu")));
        Assert.Contains("关于改题后的通知", site.ReadOutput(PageOf(site, "tongliang-2019-5")));
        IncrementalBuildTests.AssertSameAsCleanBuild(site);
        Assert.Equal(recalled, BuildWithCache(site).Recalled);

        File.AppendAllText(Path.Combine(site.Root, "theme/layouts/document.liquid"), "{% comment %}改过{% endcomment %}\n");
        Assert.Equal(0, BuildWithCache(site).Recalled);
        Assert.Equal(recalled, BuildWithCache(site).Recalled);

        var organs = Path.Combine(site.Root, "content/organs.yml");
        File.AppendAllText(organs, "\n# 改过\n");
        Assert.Equal(0, BuildWithCache(site).Recalled);
        IncrementalBuildTests.AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_document_whose_page_was_altered_in_the_output_folder_is_made_again()
    {
        using var site = Sample();
        BuildWithCache(site);
        var recalled = BuildWithCache(site).Recalled;
        var page = Path.Combine(site.Output, PageOf(site, "liaocheng-2018-key-tasks"));
        File.WriteAllText(page, "<p>改坏了</p>");

        var again = BuildWithCache(site);
        Assert.Equal(recalled - 1, again.Recalled);
        Assert.Equal(1, again.Rendered);
        IncrementalBuildTests.AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_recalled_document_still_sets_aside_the_withheld_passage_it_quotes_and_a_body_with_a_warning_is_made_and_reported_each_time()
    {
        const string sentence = "城区供水管网改造工程第三标段的审核意见已经形成并报区政府备案";
        using var site = new TestSite($"""
            -- content/documents/2019/report.md --
            {BadSite.DocumentWithBody("关于城区供水管网改造工程审核意见的报告", sentence + "。\n", "disclosure: 依申请公开", "disclosure_reason: 内部审核意见")}
            -- content/documents/2019/public.md --
            {BadSite.DocumentWithBody("关于供水管网改造工程的通告", "经审核，" + sentence + "。\n")}
            -- content/documents/2019/table.md --
            {BadSite.DocumentWithBody("带表格的通知", "见下表。\n\n<table>\n<tr><td onclick=\"steal()\">甲</td></tr>\n</table>\n")}
            """);
        BuildWithCache(site);

        // public.md is recalled and sets the quoted sentence aside again: were it not, the audit would find it in its kept page
        var again = BuildWithCache(site);
        Assert.Equal(1, again.Recalled);
        Assert.Single(again.Diagnostics, d => d.Code == Codes.RawHtmlRemoved);
        Assert.Equal(1, BuildWithCache(site).Recalled);

        // What the withheld document holds changed: every document is made again
        site.Write("content/documents/2019/report.md",
            BadSite.DocumentWithBody("关于城区供水管网改造工程审核意见的报告", sentence + "。\n另附工程第三标段预算调整的说明材料，供内部参考使用。\n", "disclosure: 依申请公开", "disclosure_reason: 内部审核意见"));
        Assert.Equal(0, BuildWithCache(site).Recalled);
    }

    [Fact]
    public void A_damaged_memo_is_no_memo()
    {
        using var site = Sample();
        BuildWithCache(site);
        var memo = Directory.EnumerateFiles(Path.Combine(site.Root, BuildOptions.DefaultCacheFolder), "memo-*.bin").Single();
        var bytes = File.ReadAllBytes(memo);
        File.WriteAllBytes(memo, bytes[..(bytes.Length / 2)]);

        Assert.Equal(0, BuildWithCache(site).Recalled);
        Assert.True(BuildWithCache(site).Recalled > 10);
    }

    /// <summary>The output path of the page of the document whose file is <paramref name="name"/>.md: the page whose heading is its title.</summary>
    private static string PageOf(TestSite site, string name)
    {
        var text = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(site.Root, "content/documents"), name + ".md", SearchOption.AllDirectories).Single());
        var title = text.Split('\n').First(l => l.StartsWith("title:", StringComparison.Ordinal))["title:".Length..].Trim();
        return site.OutputFiles().Single(f => f.StartsWith("documents/", StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal)
            && site.ReadOutput(f).Contains(">" + title + "</h1>", StringComparison.Ordinal));
    }
}
