using System.Text;
using Gazette.Integrity;
using Gazette.Output;
using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

/// <summary>The writer with a build cache: files the output folder already holds are left alone, the rest is made as a build into an empty folder would.</summary>
public sealed class WriteSiteCacheTests
{
    private static OutputFile Text(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Writes the files (also one through a stream and one copied) and commits them; returns how many were kept.</summary>
    private static int Publish(TempFolder folder, IReadOnlyList<OutputFile> files, string? streamed = null, in Sha256Digest auditKey = default)
    {
        using var site = new WriteSite(folder.PathOf("public"), folder.PathOf("cache"));
        site.Write(files);
        if (streamed is not null)
        {
            site.Write("data/catalogue.csv", s => s.Write(Encoding.UTF8.GetBytes(streamed)));
        }

        site.Commit(auditKey);
        return site.Kept;
    }

    /// <summary>Sets every file of the output folder to a time long ago, so that a rewritten file shows.</summary>
    private static void Age(TempFolder folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder.PathOf("public"), "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }
    }

    private static DateTime Time(TempFolder folder, string path) => File.GetLastWriteTimeUtc(Path.Combine(folder.PathOf("public"), path));

    private static Dictionary<string, string> Contents(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText);

    [Fact]
    public void A_second_build_of_the_same_files_writes_none_and_leaves_their_timestamps()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.PathOf("原文.pdf"), "%PDF-1.7");
        List<OutputFile> files = [Text("index.html", "首页"), Text("documents/a/index.html", "甲"), new("documents/a/原文.pdf", null, folder.PathOf("原文.pdf"))];
        Assert.Equal(0, Publish(folder, files, streamed: "编号,标题\r\n"));
        Age(folder);

        var kept = Publish(folder, files, streamed: "编号,标题\r\n");

        Assert.Equal(4, kept);
        Assert.All(Directory.EnumerateFiles(folder.PathOf("public"), "*", SearchOption.AllDirectories), f => Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(f)));
        Assert.DoesNotContain(Directory.EnumerateDirectories(folder.Root), d => Path.GetFileName(d).StartsWith(".public", StringComparison.Ordinal));
    }

    [Fact]
    public void Changed_files_are_rewritten_and_files_no_longer_made_are_removed_with_their_empty_folders()
    {
        using var folder = new TempFolder();
        Publish(folder, [Text("index.html", "首页"), Text("documents/a/index.html", "甲"), Text("documents/b/index.html", "乙"), Text("old/x/page.html", "旧")], streamed: "一");
        Age(folder);

        var kept = Publish(folder, [Text("index.html", "首页（新）"), Text("documents/a/index.html", "甲"), Text("documents/c/index.html", "丙")], streamed: "二");

        Assert.Equal(1, kept);
        Assert.Equal(LongAgo, Time(folder, "documents/a/index.html"));
        Assert.NotEqual(LongAgo, Time(folder, "index.html"));
        Assert.NotEqual(LongAgo, Time(folder, "data/catalogue.csv"));
        Assert.False(Directory.Exists(folder.PathOf("public/old")));
        Assert.False(Directory.Exists(folder.PathOf("public/documents/b")));

        // The same folder as a build into an empty one
        using var clean = new TempFolder();
        using (var site = new WriteSite(clean.PathOf("public")))
        {
            site.Write([Text("index.html", "首页（新）"), Text("documents/a/index.html", "甲"), Text("documents/c/index.html", "丙")]);
            site.Write("data/catalogue.csv", s => s.Write(Encoding.UTF8.GetBytes("二")));
            site.Commit();
        }

        Assert.Equal(Contents(clean.PathOf("public")), Contents(folder.PathOf("public")));
    }

    [Fact]
    public void A_file_changed_in_the_output_folder_since_is_written_again_and_one_only_touched_is_kept()
    {
        using var folder = new TempFolder();
        List<OutputFile> files = [Text("a.html", "甲甲"), Text("b.html", "乙乙")];
        Publish(folder, files);
        File.WriteAllText(folder.PathOf("public/a.html"), "丙丙"); // same size, other bytes
        File.SetLastWriteTimeUtc(folder.PathOf("public/b.html"), LongAgo); // same bytes, another time

        var kept = Publish(folder, files);

        Assert.Equal(1, kept);
        Assert.Equal("甲甲", File.ReadAllText(folder.PathOf("public/a.html")));
        Assert.Equal(LongAgo, Time(folder, "b.html"));
    }

    [Fact]
    public void Without_its_record_every_file_is_written_and_a_record_of_another_folder_is_not_used()
    {
        using var folder = new TempFolder();
        List<OutputFile> files = [Text("index.html", "首页")];
        Publish(folder, files);
        var record = OutputRecord.FileFor(folder.PathOf("cache"), folder.PathOf("public"));
        File.Move(record, OutputRecord.FileFor(folder.PathOf("cache"), folder.PathOf("elsewhere")));
        Assert.Equal(0, Publish(folder, files));

        File.WriteAllText(record, "not a record");
        Assert.Equal(0, Publish(folder, files));
        Assert.Equal(1, Publish(folder, files));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // its record being written, as the audit runs, when the audit failed
    public void A_build_abandoned_leaves_the_output_folder_and_its_record_as_they_were(bool afterSealing)
    {
        using var folder = new TempFolder();
        List<OutputFile> files = [Text("index.html", "首页"), Text("a.html", "甲")];
        Publish(folder, files);
        Age(folder);

        using (var site = new WriteSite(folder.PathOf("public"), folder.PathOf("cache")))
        {
            site.Write([Text("index.html", "首页（新）"), Text("b.html", "乙")]);
            if (afterSealing)
            {
                site.Seal(Sha256Digest.Of("甲"u8));
                var late = Assert.Throws<InvalidOperationException>(() => site.Write(Text("c.html", "丙")));
                Assert.Contains("the site is sealed", late.Message);
            }
        }

        Assert.Equal(new Dictionary<string, string> { ["index.html"] = "首页", ["a.html"] = "甲" }, Contents(folder.PathOf("public")));
        Assert.DoesNotContain(Directory.EnumerateFiles(folder.PathOf("cache")), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Equal(2, Publish(folder, files)); // the last build's record, still in place, vouches for both files
    }

    [Fact]
    public void A_sealed_build_committed_records_its_files_and_the_audit_key_it_was_sealed_with()
    {
        using var folder = new TempFolder();
        var passages = Sha256Digest.Of("甲"u8);
        using (var site = new WriteSite(folder.PathOf("public"), folder.PathOf("cache")))
        {
            site.Write([Text("index.html", "首页"), Text("a.html", "甲")]);
            site.Seal(passages);
            site.Commit();
        }

        Assert.DoesNotContain(Directory.EnumerateFiles(folder.PathOf("cache")), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        using var next = new WriteSite(folder.PathOf("public"), folder.PathOf("cache"));
        next.Write([Text("index.html", "首页（新）"), Text("a.html", "甲")]);
        Assert.Equal(1, next.Kept);
        Assert.Equal(["index.html"], next.FilesToAudit(passages).Select(f => f.Name));
    }

    [Fact]
    public void Two_outputs_for_the_same_path_are_refused_even_when_the_first_is_kept()
    {
        using var folder = new TempFolder();
        Publish(folder, [Text("index.html", "首页")]);
        using var site = new WriteSite(folder.PathOf("public"), folder.PathOf("cache"));
        site.Write(Text("index.html", "首页"));

        var error = Assert.Throws<InvalidOperationException>(() => site.Write(Text("index.html", "首页")));

        Assert.Contains("two outputs want the same file index.html", error.Message);
    }

    [Fact]
    public void Kept_files_are_audited_again_only_when_the_passages_looked_for_changed()
    {
        using var folder = new TempFolder();
        var passages = Sha256Digest.Of("甲"u8);
        Publish(folder, [Text("index.html", "首页"), Text("a.html", "甲")], auditKey: passages);

        using var site = new WriteSite(folder.PathOf("public"), folder.PathOf("cache"));
        site.Write([Text("index.html", "首页（新）"), Text("a.html", "甲")]);

        Assert.Equal(["index.html"], site.FilesToAudit(passages).Select(f => f.Name));
        Assert.Equal(["a.html", "index.html"], site.FilesToAudit(Sha256Digest.Of("乙"u8)).Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(site.FilesToAudit(Sha256Digest.Of("乙"u8)), f => Assert.True(File.Exists(f.File)));
    }

    [Fact]
    public void A_file_renamed_is_audited_again_only_when_the_passages_looked_for_changed()
    {
        using var folder = new TempFolder();
        var passages = Sha256Digest.Of("甲"u8);
        Publish(folder, [Text("search/meta/0.aaaa.json", "[\"正文\"]") with { RenderKey = Made1 }, Text("index.html", "首页")], auditKey: passages);

        using var site = new WriteSite(folder.PathOf("public"), folder.PathOf("cache"));
        var (path, _) = site.Recall(Made1)!.Value;
        site.Rename("search/meta/0.bbbb.json", path, Made1); // its group renamed
        site.Write(Text("index.html", "首页（新）"));

        Assert.Equal(["index.html"], site.FilesToAudit(passages).Select(f => f.Name));
        Assert.Equal(["index.html", "search/meta/0.bbbb.json"], site.FilesToAudit(Sha256Digest.Of("乙"u8)).Select(f => f.Name).Order(StringComparer.Ordinal));
        site.Commit(passages);
        Assert.Equal("[\"正文\"]", File.ReadAllText(folder.PathOf("public/search/meta/0.bbbb.json")));
        Assert.False(File.Exists(folder.PathOf("public/search/meta/0.aaaa.json")));
    }

    private static readonly RenderKey Made1 = new(new Digest128(0, 1234567));

    [Fact]
    public void A_page_recorded_as_made_from_the_same_inputs_is_kept_without_its_bytes_and_stays_reusable()
    {
        using var folder = new TempFolder();
        Publish(folder, [Text("index.html", "首页") with { RenderKey = Made1 }, Text("documents/a/index.html", "甲")]);
        Age(folder);

        for (var build = 0; build < 2; build++)
        {
            using var site = new WriteSite(folder.PathOf("public"), folder.PathOf("cache"));
            Assert.True(site.Reuse("index.html", Made1));
            site.Write(Text("documents/a/index.html", "甲"));
            Assert.Equal(2, site.Kept);
            Assert.Equal(2, site.Count);
            Assert.Equal(2, site.Hashes().Length);
            site.Commit();
        }

        Assert.Equal("首页", File.ReadAllText(folder.PathOf("public/index.html")));
        Assert.Equal(LongAgo, Time(folder, "index.html"));
    }

    [Fact]
    public void A_page_is_made_again_when_its_inputs_differ_it_had_none_its_file_was_altered_or_there_is_no_record()
    {
        using var folder = new TempFolder();
        Publish(folder, [Text("index.html", "首页") with { RenderKey = Made1 }, Text("documents/a/index.html", "甲"), Text("documents/b/index.html", "乙") with { RenderKey = Made1 }]);
        File.WriteAllText(folder.PathOf("public/documents/b/index.html"), "丙"); // same length, new bytes and time

        using (var site = new WriteSite(folder.PathOf("public"), folder.PathOf("cache")))
        {
            Assert.False(site.Reuse("index.html", new RenderKey(new Digest128(0, 7654321))));
            Assert.False(site.Reuse("documents/a/index.html", Made1));
            Assert.False(site.Reuse("documents/b/index.html", Made1));
            Assert.False(site.Reuse("documents/c/index.html", Made1));
            Assert.False(site.Reuse("index.html", RenderKey.None));
            Assert.Equal(0, site.Count);
            site.Write(Text("index.html", "首页"));
            site.Abandon();
        }

        using var other = new TempFolder();
        Publish(other, [Text("index.html", "首页") with { RenderKey = Made1 }]);
        using var uncached = new WriteSite(other.PathOf("public"));
        Assert.False(uncached.Reuse("index.html", Made1));
    }

    [Fact]
    public void A_file_renamed_is_the_one_recalled_by_its_key_with_its_bytes_and_time_and_keeps_the_key_for_the_next_build()
    {
        using var folder = new TempFolder();
        var copiedKey = new RenderKey(new Digest128(0, 424242));
        Publish(folder, [Text("search/terms/0.aaaa.bin", "词块") with { RenderKey = Made1 }, Text("search/manifest.json", "{}"), Text("documents/b/index.html", "乙") with { RenderKey = copiedKey }]);
        File.WriteAllText(folder.PathOf("public/documents/b/index.html"), "丙"); // same length, new bytes and time
        var written = File.GetLastWriteTimeUtc(folder.PathOf("public/search/terms/0.aaaa.bin"));

        using (var site = new WriteSite(folder.PathOf("public"), folder.PathOf("cache")))
        {
            var recalled = site.Recall(Made1);
            Assert.NotNull(recalled);
            Assert.Equal("search/terms/0.aaaa.bin", recalled.Value.Path);
            Assert.True(recalled.Value.Hash.SameAs(Sha256Digest.Of(Encoding.UTF8.GetBytes("词块"))));
            Assert.Null(site.Recall(copiedKey)); // altered since: not as the record has it
            Assert.Null(site.Recall(new RenderKey(new Digest128(0, 7654321))));
            Assert.Null(site.Recall(RenderKey.None));

            // The group renamed: the file recalled under a new name, with the key, which the next build recalls at the new name
            site.Rename("search/terms/0.bbbb.bin", recalled.Value.Path, Made1);
            site.Write(Text("search/manifest.json", "{}"));
            Assert.Contains(site.Hashes(), e => Encoding.UTF8.GetString(e.Path) == "search/terms/0.bbbb.bin" && e.Hash.SameAs(recalled.Value.Hash));
            site.Commit();
        }

        Assert.Equal("词块", File.ReadAllText(folder.PathOf("public/search/terms/0.bbbb.bin")));
        Assert.Equal(written, File.GetLastWriteTimeUtc(folder.PathOf("public/search/terms/0.bbbb.bin"))); // the same file: not made again
        Assert.False(File.Exists(folder.PathOf("public/search/terms/0.aaaa.bin")));
        using var next = new WriteSite(folder.PathOf("public"), folder.PathOf("cache"));
        Assert.Equal("search/terms/0.bbbb.bin", next.Recall(Made1)?.Path);
        Assert.True(next.Reuse("search/terms/0.bbbb.bin", Made1));

        using var uncached = new WriteSite(folder.PathOf("public"));
        Assert.Null(uncached.Recall(Made1));
    }

    [Fact]
    public void A_file_renamed_in_a_build_that_fails_stays_in_the_output_folder_as_it_was()
    {
        using var folder = new TempFolder();
        Publish(folder, [Text("search/terms/0.aaaa.bin", "词块") with { RenderKey = Made1 }]);
        var written = File.GetLastWriteTimeUtc(folder.PathOf("public/search/terms/0.aaaa.bin"));
        using (var site = new WriteSite(folder.PathOf("public"), folder.PathOf("cache")))
        {
            site.Rename("search/terms/0.bbbb.bin", site.Recall(Made1)!.Value.Path, Made1);
            site.Abandon();
        }

        Assert.Equal(["search/terms/0.aaaa.bin"], Directory.GetFiles(folder.PathOf("public"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder.PathOf("public"), f).Replace('\\', '/')));
        Assert.Equal("词块", File.ReadAllText(folder.PathOf("public/search/terms/0.aaaa.bin")));
        Assert.Equal(written, File.GetLastWriteTimeUtc(folder.PathOf("public/search/terms/0.aaaa.bin")));
    }

    [Fact]
    public void A_file_put_into_the_output_folder_by_hand_is_left_by_a_build_with_the_cache_and_removed_by_one_without()
    {
        using var folder = new TempFolder();
        List<OutputFile> files = [Text("index.html", "首页"), Text("documents/a/index.html", "甲")];
        Publish(folder, files);
        File.WriteAllText(folder.PathOf("public/documents/a/手放的.txt"), "不是构建生成的");

        Publish(folder, [files[0]]);

        // What the last build made and this one did not is found in the record, not by walking the folder
        Assert.False(File.Exists(folder.PathOf("public/documents/a/index.html")));
        Assert.True(File.Exists(folder.PathOf("public/documents/a/手放的.txt")));
        using (var site = new WriteSite(folder.PathOf("public")))
        {
            site.Write(files);
            site.Commit();
        }

        Assert.False(File.Exists(folder.PathOf("public/documents/a/手放的.txt")));
    }
}
