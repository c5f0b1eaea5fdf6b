using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>The audit of the finished site (GZ0313) and the errors about documents that are not published.</summary>
public sealed class WithheldErrorTests
{
    private const string Title = "关于城区供水管网改造工程内部审核意见的报告";
    private const string Sentence = "经内部审核，第三标段的造价测算存在较大偏差，建议暂缓招标";

    /// <summary>A site whose only withheld document has <see cref="Title"/> and <see cref="Sentence"/> (line 15).</summary>
    private static TestSite Site() => new($"""
        -- content/documents/2019/internal.md --
        {BadSite.DocumentWithBody(Title, $"第一段。\n\n{Sentence}。\n", "disclosure: 依申请公开", "disclosure_reason: 内部审核意见")}
        -- content/documents/2019/public.md --
        {TestSite.Document("关于做好防汛工作的通知")}
        """);

    [Fact]
    [Trait("Code", "GZ0313")]
    public void A_theme_file_holding_the_title_of_a_withheld_document_fails_the_build_at_that_title()
    {
        using var site = Site();
        BadSite.CopyRepositoryTheme(site);
        site.Write("theme/assets/notes.txt", $"待办：{Title}（下周上会）\n");

        var error = BadSite.Fails(site, Codes.WithheldTextPublished, "content/documents/2019/internal.md", 2, 1);

        Assert.StartsWith($"the title of this document, which is not published, appears in the built site: \"{Title}\" in assets/notes.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Code", "GZ0313")]
    public void A_file_the_output_folder_keeps_unread_is_read_back_when_a_document_withheld_since_holds_what_it_says()
    {
        const string later = "关于第二批老旧小区改造项目内部评审意见的报告";
        using var site = Site();
        BadSite.CopyRepositoryTheme(site);
        site.Write("theme/assets/notes.txt", $"待办：{later}（下周上会）\n");
        var options = site.Options with { CacheDirectory = Path.Combine(site.Root, BuildOptions.DefaultCacheFolder) };
        var first = new BuildPipeline().Run(options);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));

        // The note's file is made with the same bytes, so it is kept without being looked through: the passages changed, so it is read
        site.Write("content/documents/2019/later.md", BadSite.DocumentWithBody(later, "第一段。\n", "disclosure: 依申请公开", "disclosure_reason: 内部评审意见"));
        var again = new BuildPipeline().Run(options);

        Assert.False(again.Succeeded);
        var error = Assert.Single(again.Diagnostics, d => d.Code == Codes.WithheldTextPublished);
        Assert.Equal("content/documents/2019/later.md", error.Location.Path);
        Assert.Contains(" in assets/notes.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Code", "GZ0313")]
    public void A_sentence_of_a_withheld_body_in_a_theme_layout_is_reported_at_its_line()
    {
        using var site = Site();
        BadSite.CopyRepositoryTheme(site);
        var layout = Path.Combine(site.Root, "theme/layouts/home.liquid");
        File.AppendAllText(layout, $"\n<p>{Sentence}</p>\n");

        var error = BadSite.Fails(site, Codes.WithheldTextPublished, "content/documents/2019/internal.md", 15, 1);

        Assert.Contains("the sentence of this document", error.Message, StringComparison.Ordinal);
        Assert.Contains(" in index.html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Code", "GZ0313")]
    public void A_withheld_sentence_across_the_first_megabyte_of_a_large_file_is_found()
    {
        // The audit reads files a megabyte at a time: the sentence starts just before the first megabyte ends.
        using var site = Site();
        BadSite.CopyRepositoryTheme(site);
        var filler = new string('x', (1 << 20) - 10);
        site.Write("theme/assets/big.txt", filler + Sentence + "\n" + filler);

        var error = BadSite.Fails(site, Codes.WithheldTextPublished, "content/documents/2019/internal.md", 15, 1);

        Assert.Contains(" in assets/big.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Code", "GZ0313")]
    public void A_withheld_title_inside_gzip_data_is_found_and_a_file_that_only_starts_like_gzip_is_read_as_text()
    {
        using var site = Site();
        BadSite.CopyRepositoryTheme(site);
        using (var output = new MemoryStream())
        {
            using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(System.Text.Encoding.UTF8.GetBytes(new string('y', 3 << 20) + Title));
            }

            site.WriteBytes("theme/assets/packed.bin.txt", output.ToArray());
        }

        var error = BadSite.Fails(site, Codes.WithheldTextPublished, "content/documents/2019/internal.md", 2, 1);
        Assert.Contains(" in assets/packed.", error.Message, StringComparison.Ordinal);

        site.Delete("theme/assets/packed.bin.txt");
        site.WriteBytes("theme/assets/fake.txt", [0x1f, 0x8b, .. System.Text.Encoding.UTF8.GetBytes(Title)]);
        error = BadSite.Fails(site, Codes.WithheldTextPublished, "content/documents/2019/internal.md", 2, 1);
        Assert.Contains(" in assets/fake.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Code", "GZ0205")]
    public void A_link_to_a_draft_is_reported_as_a_link_to_a_document_that_is_not_published()
    {
        using var site = new TestSite($"""
            -- content/documents/draft.md --
            {TestSite.Document("征求意见中的办法", "draft: true")}
            -- content/documents/a.md --
            {BadSite.DocumentWithBody("关于测试的通知", "参见[该办法](doc:draft)。\n")}
            """);

        var error = BadSite.Fails(site, Codes.NonPublicReference, "content/documents/a.md", 12, 3);
        Assert.Equal("the link names 'draft', which is a draft", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void A_draft_flag_that_is_not_true_or_false_is_reported()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "draft: 是")}
            """);

        BadSite.Fails(site, Codes.InvalidValue, "content/documents/a.md", 10, 8);
    }
}
