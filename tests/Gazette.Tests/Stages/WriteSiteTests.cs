using System.Security.Cryptography;
using System.Text;
using Gazette.Output;
using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

public sealed class WriteSiteTests
{
    private static OutputFile Text(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes the files in one go and commits them, as a build that succeeded does.</summary>
    private static void Publish(IReadOnlyList<OutputFile> files, string output)
    {
        using var site = new WriteSite(output);
        site.Write(files);
        site.Commit();
    }

    private static List<string> Leftovers(TempFolder folder) =>
        Directory.EnumerateDirectories(folder.Root).Select(Path.GetFileName).Where(n => n!.StartsWith(".public", StringComparison.Ordinal)).ToList()!;

    [Fact]
    public void Files_are_written_in_their_folders_and_copies_are_made_from_their_source()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.PathOf("原文.pdf"), "%PDF-1.7");
        var output = folder.PathOf("public");

        Publish(
            [Text("index.html", "<h1>首页</h1>"), Text("documents/x/1/index.html", "文件"), new OutputFile("documents/x/1/原文.pdf", null, folder.PathOf("原文.pdf"))],
            output);

        Assert.Equal("<h1>首页</h1>", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal("文件", File.ReadAllText(Path.Combine(output, "documents/x/1/index.html")));
        Assert.Equal("%PDF-1.7", File.ReadAllText(Path.Combine(output, "documents/x/1/原文.pdf")));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void The_sha256_of_each_file_is_taken_as_it_is_written_or_copied()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.PathOf("原文.pdf"), "%PDF-1.7 原文");
        using var site = new WriteSite(folder.PathOf("public"));

        site.Write([Text("index.html", "<h1>首页</h1>"), new OutputFile("documents/x/1/原文.pdf", null, folder.PathOf("原文.pdf"))]);

        var hashes = site.Hashes().ToDictionary(e => e.PathText, e => e.Hash.ToHex());
        Assert.Equal(2, hashes.Count);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("<h1>首页</h1>"))), hashes["index.html"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(folder.PathOf("原文.pdf")))), hashes["documents/x/1/原文.pdf"]);
    }

    [Fact]
    public void A_file_written_piece_by_piece_to_a_stream_is_hashed_as_it_is_written_and_cannot_be_written_twice()
    {
        using var folder = new TempFolder();
        using var site = new WriteSite(folder.PathOf("public"));
        var pieces = Enumerable.Range(0, 10_000).Select(i => $"第{i}行,\"引号\"\r\n").ToList();

        site.Write("data/catalogue.csv", stream =>
        {
            foreach (var piece in pieces)
            {
                stream.Write(Encoding.UTF8.GetBytes(piece));
            }

            stream.WriteByte((byte)'!');
        });

        var expected = Encoding.UTF8.GetBytes(string.Concat(pieces) + "!");
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(site.Folder, "data/catalogue.csv")));
        var entry = Assert.Single(site.Hashes());
        Assert.Equal("data/catalogue.csv", entry.PathText);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), entry.Hash.ToHex());
        Assert.Equal(1, site.Count);
        Assert.Throws<InvalidOperationException>(() => site.Write("data/catalogue.csv", _ => { }));
    }

    [Fact]
    public void A_new_build_replaces_the_old_folder_entirely()
    {
        using var folder = new TempFolder();
        var output = folder.PathOf("public");
        Publish([Text("index.html", "旧"), Text("old/page.html", "已删除的页面")], output);

        Publish([Text("index.html", "新")], output);

        Assert.Equal("新", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(output, "old")));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void When_writing_fails_the_old_folder_is_untouched_and_no_staging_folder_is_left()
    {
        using var folder = new TempFolder();
        var output = folder.PathOf("public");
        Publish([Text("index.html", "旧"), Text("a/b.html", "乙")], output);

        var error = Assert.ThrowsAny<Exception>(() => Publish(
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
    public void Two_outputs_for_the_same_path_are_refused_and_nothing_is_published()
    {
        using var folder = new TempFolder();
        var output = folder.PathOf("public");

        var error = Assert.ThrowsAny<Exception>(() => Publish([Text("index.html", "甲"), Text("index.html", "乙")], output));

        // Written in parallel, so the refusal may arrive wrapped in an AggregateException.
        var refusal = error is AggregateException all ? Assert.Single(all.InnerExceptions) : error;
        Assert.Contains("two outputs want the same file index.html", Assert.IsType<InvalidOperationException>(refusal).Message);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void The_output_folder_and_its_parents_are_created()
    {
        using var folder = new TempFolder();
        var output = folder.PathOf("deep/er/public");

        Publish([Text("index.html", "首页")], output);

        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }

    [Fact]
    public void A_build_abandoned_after_writing_leaves_the_previous_site_whole()
    {
        using var folder = new TempFolder();
        var output = folder.PathOf("public");
        Publish([Text("index.html", "旧")], output);

        using (var site = new WriteSite(output))
        {
            site.Write([Text("index.html", "新"), Text("documents/a/index.html", "甲")]);
            site.Write(Text("documents/b/index.html", "乙"));
            Assert.Equal(3, site.Count);
            site.Abandon();
        }

        Assert.Equal("旧", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(output, "documents")));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void A_writer_disposed_without_commit_leaves_nothing_behind()
    {
        using var folder = new TempFolder();
        var output = folder.PathOf("public");

        using (var site = new WriteSite(output))
        {
            site.Write(Text("index.html", "新"));
        }

        Assert.False(Directory.Exists(output));
        Assert.Empty(Leftovers(folder));
    }

    [Fact]
    public void A_path_written_twice_across_batches_is_refused()
    {
        using var folder = new TempFolder();
        using var site = new WriteSite(folder.PathOf("public"));
        site.Write([Text("documents/a/index.html", "甲"), Text("documents/b/index.html", "乙")]);

        var error = Assert.Throws<InvalidOperationException>(() => site.Write(Text("documents/a/index.html", "丙")));

        Assert.Contains("documents/a/index.html", error.Message);
    }
}
