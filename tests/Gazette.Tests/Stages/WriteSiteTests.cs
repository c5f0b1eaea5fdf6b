using System.Text;
using Gazette.Output;
using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

public sealed class WriteSiteTests
{
    private static OutputFile Text(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    private static List<string> Leftovers(TempFolder folder) =>
        Directory.EnumerateDirectories(folder.Root).Select(Path.GetFileName).Where(n => n!.StartsWith(".public", StringComparison.Ordinal)).ToList()!;

    [Fact]
    public void Files_are_written_in_their_folders_and_copies_are_made_from_their_source()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.PathOf("原文.pdf"), "%PDF-1.7");
        var output = folder.PathOf("public");

        new WriteSite().Run(
            [Text("index.html", "<h1>首页</h1>"), Text("documents/x/1/index.html", "文件"), new OutputFile("documents/x/1/原文.pdf", null, folder.PathOf("原文.pdf"))],
            output);

        Assert.Equal("<h1>首页</h1>", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal("文件", File.ReadAllText(Path.Combine(output, "documents/x/1/index.html")));
        Assert.Equal("%PDF-1.7", File.ReadAllText(Path.Combine(output, "documents/x/1/原文.pdf")));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void A_new_build_replaces_the_old_folder_entirely()
    {
        using var folder = new TempFolder();
        var output = folder.PathOf("public");
        new WriteSite().Run([Text("index.html", "旧"), Text("old/page.html", "已删除的页面")], output);

        new WriteSite().Run([Text("index.html", "新")], output);

        Assert.Equal("新", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(output, "old")));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void When_writing_fails_the_old_folder_is_untouched_and_no_staging_folder_is_left()
    {
        using var folder = new TempFolder();
        var output = folder.PathOf("public");
        new WriteSite().Run([Text("index.html", "旧"), Text("a/b.html", "乙")], output);

        var error = Assert.ThrowsAny<Exception>(() => new WriteSite().Run(
            [Text("index.html", "新"), new OutputFile("documents/x/原文.pdf", null, folder.PathOf("does-not-exist.pdf"))],
            output));

        // Files are written in parallel, so the missing source arrives wrapped in an AggregateException.
        Assert.IsType<FileNotFoundException>(Assert.Single(Assert.IsType<AggregateException>(error).InnerExceptions));

        Assert.Equal("旧", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal("乙", File.ReadAllText(Path.Combine(output, "a/b.html")));
        Assert.False(Directory.Exists(Path.Combine(output, "documents")));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void Two_outputs_for_the_same_path_are_refused_before_anything_is_written()
    {
        using var folder = new TempFolder();
        var output = folder.PathOf("public");

        var error = Assert.Throws<InvalidOperationException>(() => new WriteSite().Run([Text("index.html", "甲"), Text("index.html", "乙")], output));

        Assert.Contains("index.html", error.Message);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void The_output_folder_and_its_parents_are_created()
    {
        using var folder = new TempFolder();
        var output = folder.PathOf("deep/er/public");

        new WriteSite().Run([Text("index.html", "首页")], output);

        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }
}
