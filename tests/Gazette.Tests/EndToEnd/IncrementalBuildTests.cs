using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>Builds with the build cache: only the files whose bytes change are written, and the site is the one a clean build makes.</summary>
public sealed class IncrementalBuildTests
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static BuildResult BuildWithCache(TestSite site) =>
        new BuildPipeline().Run(site.Options with { CacheDirectory = Path.Combine(site.Root, BuildOptions.DefaultCacheFolder) });

    /// <summary>The sample content of the repository, copied into a site of its own.</summary>
    private static TestSite Sample()
    {
        var site = new TestSite("");
        foreach (var file in Directory.EnumerateFiles(Repository.Content, "*", SearchOption.AllDirectories))
        {
            site.WriteBytes("content/" + Path.GetRelativePath(Repository.Content, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }

        return site;
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes);

    [Fact]
    public void After_one_document_changes_only_the_files_that_show_it_are_written_and_the_site_is_the_clean_builds()
    {
        using var site = Sample();
        var first = BuildWithCache(site);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }

        var again = BuildWithCache(site);
        Assert.Equal(again.Files, again.Unchanged);
        Assert.All(Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories), f => Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(f)));

        var document = Directory.EnumerateFiles(Path.Combine(site.Root, "content/documents"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(document, "\n本通知自印发之日起施行。\n");
        var changed = BuildWithCache(site);

        Assert.True(changed.Succeeded, string.Join("\n", changed.Diagnostics));
        var written = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Where(f => File.GetLastWriteTimeUtc(f) != LongAgo).ToList();
        Assert.Equal(changed.Files - changed.Unchanged, written.Count);
        Assert.InRange(written.Count, 2, changed.Files / 2);
        using var clean = new TempOutput();
        Assert.True(new BuildPipeline().Run(site.Options with { OutputDirectory = clean.Path }).Succeeded);
        var expected = Files(clean.Path);
        var actual = Files(site.Output);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.True(e.Value.AsSpan().SequenceEqual(actual[e.Key]), $"{e.Key} differs from the clean build's"));
    }

    [Fact]
    public void A_document_withheld_since_the_last_build_is_found_in_a_file_whose_bytes_did_not_change()
    {
        const string sentence = "城区供水管网改造工程第三标段的审核意见尚未形成定论需要进一步论证";
        using var site = new TestSite($"""
            -- content/documents/2019/report.md --
            {BadSite.DocumentWithBody("关于城区供水管网改造工程审核意见的报告", sentence + "。\n")}
            -- content/documents/2019/public.md --
            {TestSite.Document("关于供水管网改造工程的通告", "attachments: [{file: 工程清单.xml, title: 工程清单}]")}
            -- content/documents/2019/工程清单.xml --
            <清单><备注>{sentence}</备注></清单>
            """);
        Assert.True(BuildWithCache(site).Succeeded);
        var before = Files(site.Output);
        site.Write("content/documents/2019/report.md",
            BadSite.DocumentWithBody("关于城区供水管网改造工程审核意见的报告", sentence + "。\n", "disclosure: 依申请公开", "disclosure_reason: 内部审核意见"));

        var result = BuildWithCache(site);

        // The attachment of the other document is the same file as before, but what the audit looks for changed: it is read again.
        var leak = TestSite.Single(result, Codes.WithheldTextPublished);
        Assert.Contains("工程清单.xml", leak.Message);
        var after = Files(site.Output);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before, b => Assert.True(b.Value.AsSpan().SequenceEqual(after[b.Key]), $"{b.Key} changed though the build failed"));
    }

    /// <summary>An output folder in the temporary folder, deleted at the end of the test.</summary>
    private sealed class TempOutput : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gazette-clean-" + Guid.NewGuid().ToString("N")[..12]);

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
