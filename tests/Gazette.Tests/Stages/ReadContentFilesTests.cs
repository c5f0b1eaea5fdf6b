using System.Text;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Stages;

public sealed class ReadContentFilesTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Decode_removes_the_byte_order_mark()
    {
        var diagnostics = new DiagnosticBag();

        var text = ReadContentFiles.Decode([0xEF, 0xBB, 0xBF, .. Utf8("title: 通知\n")], "content/a.yml", diagnostics);

        Assert.Equal("title: 通知\n", text);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Decode_turns_CRLF_and_lone_CR_into_LF()
    {
        var text = ReadContentFiles.Decode(Utf8("a: 1\r\nb: 2\rc: 3\r\n"), "content/a.yml", new DiagnosticBag());

        Assert.Equal("a: 1\nb: 2\nc: 3\n", text);
    }

    [Fact]
    public void Decode_reports_invalid_UTF8_on_the_line_of_the_bad_byte()
    {
        var diagnostics = new DiagnosticBag();

        var text = ReadContentFiles.Decode([.. Utf8("---\ntitle: 通知\n"), 0xC3, 0x28, .. Utf8("\n---\n")], "content/documents/a.md", diagnostics);

        Assert.Null(text);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(Codes.FileUnreadable, error.Code);
        Assert.Equal("content/documents/a.md:3:1", error.Location.ToString());
    }

    [Fact]
    public void Decode_counts_lines_from_the_start_of_the_file_when_there_is_a_BOM()
    {
        // The bad byte is the only byte of line 3: a line count off by the BOM's three bytes would say line 4.
        var diagnostics = new DiagnosticBag();

        ReadContentFiles.Decode([0xEF, 0xBB, 0xBF, .. Utf8("---\ntitle: a\n"), 0xFF, .. Utf8("\nz\nz\n")], "a.md", diagnostics);

        Assert.Equal(3, Assert.Single(diagnostics.Items).Location.Line);
    }

    [Fact]
    public void Decode_finds_the_line_of_a_bad_byte_deep_in_a_large_file()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 5000; i++)
        {
            text.Append("第").Append(i).Append("行：政务公开\n");
        }

        var diagnostics = new DiagnosticBag();
        ReadContentFiles.Decode([.. Utf8(text.ToString()), 0xB2, 0xE2, .. Utf8("\n末行\n")], "a.md", diagnostics);

        Assert.Equal(5001, Assert.Single(diagnostics.Items).Location.Line);
    }

    [Fact]
    public void Decode_reports_a_multi_byte_character_cut_off_at_the_end_of_the_file()
    {
        var diagnostics = new DiagnosticBag();

        ReadContentFiles.Decode([.. Utf8("a\nb\n"), 0xE6, 0x96], "a.md", diagnostics);

        Assert.Equal("a.md:3:1", Assert.Single(diagnostics.Items).Location.ToString());
    }

    [Fact]
    public void Run_lists_every_content_file_with_site_relative_paths_and_decodes_only_text()
    {
        using var site = new TestSite("""
            -- content/documents/2019/a.md --
            ---
            title: 通知
            ---
            -- content/genres.yaml --
            []
            """);
        site.WriteBytes("content/documents/2019/原文.pdf", [0x25, 0x50, 0x44, 0x46, 0xFF, 0xFE]);
        var diagnostics = new DiagnosticBag();

        var content = new ReadContentFiles().Run(BuildOptions.ForSite(site.Root), diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal("content/", content.Prefix);
        Assert.Equal(
            ["content/documents/2019/a.md", "content/documents/2019/原文.pdf", "content/genres.yaml", "content/organs.yml", "content/site.yml"],
            content.Files.Select(f => f.Path));
        var pdf = content.Find("content/documents/2019/原文.pdf")!;
        Assert.Null(pdf.Text);
        Assert.Equal(6, pdf.Size);
        Assert.Equal(Path.Combine(site.Root, "content", "documents", "2019", "原文.pdf"), pdf.FullPath);
        Assert.Equal("---\ntitle: 通知\n---\n", content.Find("content/documents/2019/a.md")!.Text);
        Assert.Equal("[]\n", content.FindInContent("genres.yaml")!.Text);
        Assert.Equal(["content/documents/2019/a.md", "content/documents/2019/原文.pdf"], content.Under("documents/").Select(f => f.Path));
    }

    [Fact]
    public void Run_reports_a_missing_content_folder_and_returns_no_files()
    {
        using var folder = new TempFolder();
        var diagnostics = new DiagnosticBag();

        var content = new ReadContentFiles().Run(BuildOptions.ForSite(folder.Root), diagnostics);

        Assert.Empty(content.Files);
        Assert.Equal(["content/:1:1: GZ0002"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void Run_keeps_a_documents_front_matter_however_long_and_reports_a_bad_byte_in_a_body_it_does_not_keep()
    {
        // A front matter of 9 KB of Chinese (its end past the first two prefixes decoded) with CRLF line ends and a body of 20 KB;
        // a bad byte deep in another document's body; a document without front matter
        var summary = string.Concat(Enumerable.Repeat("概述", 1500));
        var frontMatter = $"---\r\ntitle: 通知\r\nsummary: {summary}\r\n---\r\n";
        using var site = new TestSite("""
            -- content/documents/c.md --
            正文，没有前置元数据。
            """);
        site.WriteBytes("content/documents/a.md", Utf8(frontMatter + string.Concat(Enumerable.Repeat("正文。\r\n", 2000))));
        site.WriteBytes("content/documents/b.md", [.. Utf8("---\ntitle: 通知\n---\n" + new string('文', 3000) + "\n"), 0xC3, 0x28]);
        var diagnostics = new DiagnosticBag();

        var content = new ReadContentFiles().Run(BuildOptions.ForSite(site.Root), diagnostics);

        Assert.Equal(frontMatter.Replace("\r\n", "\n", StringComparison.Ordinal), content.Find("content/documents/a.md")!.Text);
        Assert.Null(content.Find("content/documents/b.md")!.Text);
        Assert.Equal(["content/documents/b.md:5:1: GZ0001"], Stage.Summary(diagnostics));
        Assert.Equal("正文，没有前置元数据。\n", content.Find("content/documents/c.md")!.Text);
    }

    [Theory]
    [InlineData("---\ntitle: 通知\nsummary: >\n...续写的概述\n---- 不是结束行\n---\n正文\n---\n", "---\ntitle: 通知\nsummary: >\n...续写的概述\n---- 不是结束行\n---\n")]
    [InlineData("---\ntitle: 通知\n---   \n正文", "---\ntitle: 通知\n---   \n")]
    [InlineData("---\ntitle: 通知\n---", "---\ntitle: 通知\n---")]
    [InlineData("---\ntitle: 通知\n--- x\n正文", "---\ntitle: 通知\n--- x\n正文")]
    [InlineData("正文\n---\n更多正文\n", "正文\n---\n更多正文\n")]
    public void Run_keeps_a_documents_text_up_to_the_line_that_closes_its_front_matter(string file, string kept)
    {
        using var site = new TestSite("");
        site.WriteBytes("content/documents/a.md", Utf8(file));

        var content = new ReadContentFiles().Run(BuildOptions.ForSite(site.Root), new DiagnosticBag());

        Assert.Equal(kept, content.Find("content/documents/a.md")!.Text);
    }
}
