using Gazette.Pipeline;
using Gazette.Search;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>
/// Builds with the build cache after a change: the search index is patched from the last build's state when the documents are
/// the same and in the same order — only the changed documents are indexed — and made anew otherwise; either way it is the
/// index a clean build writes, byte for byte.
/// </summary>
public sealed class IncrementalSearchIndexTests
{
    private const string Policy = "content/documents/2019/tongliang-2019-16.md";

    private static BuildResult BuildWithCache(TestSite site)
    {
        var result = new BuildPipeline().Run(site.Options with { CacheDirectory = Cache(site) });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static string Cache(TestSite site) => Path.Combine(site.Root, BuildOptions.DefaultCacheFolder);

    private static string StateFile(TestSite site) => SearchState.FileFor(Cache(site), site.Output);

    /// <summary>The sample content of the repository, copied into a site of its own, built once with the cache.</summary>
    private static TestSite BuiltSample()
    {
        var site = new TestSite("");
        foreach (var file in Directory.EnumerateFiles(Repository.Content, "*", SearchOption.AllDirectories))
        {
            site.WriteBytes("content/" + Path.GetRelativePath(Repository.Content, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }

        var first = BuildWithCache(site);
        Assert.Equal(first.Documents, first.Indexed);
        Assert.True(File.Exists(StateFile(site)));
        return site;
    }

    private static void Edit(TestSite site, string path, Func<string, string> edit)
    {
        var file = Path.Combine(site.Root, path);
        var text = File.ReadAllText(file);
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        File.WriteAllText(file, edited);
    }

    private static string ReplaceLine(string text, string key, string line) =>
        string.Join('\n', text.Split('\n').Select(l => l.StartsWith(key + ":", StringComparison.Ordinal) ? line : l));

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes);

    /// <summary>The output folder holds exactly what a build without a cache into an empty folder makes, byte for byte.</summary>
    private static void AssertSameAsCleanBuild(TestSite site)
    {
        var clean = Path.Combine(site.Root, "clean-build");
        Assert.False(Directory.Exists(clean));
        Assert.True(new BuildPipeline().Run(site.Options with { OutputDirectory = clean }).Succeeded);
        var expected = Files(clean);
        var actual = Files(site.Output);
        Directory.Delete(clean, recursive: true);
        Assert.Contains(expected.Keys, k => k.StartsWith("search/terms/", StringComparison.Ordinal));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.True(e.Value.AsSpan().SequenceEqual(actual[e.Key]), $"{e.Key} differs from the clean build's"));
    }

    [Fact]
    public void A_build_of_the_same_content_indexes_no_document_and_keeps_every_file_of_the_index()
    {
        using var site = BuiltSample();
        var index = Directory.GetFiles(Path.Combine(site.Output, "search"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var again = BuildWithCache(site);

        Assert.Equal(0, again.Indexed);
        Assert.Equal(again.Files, again.Unchanged);
        Assert.All(index, t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void After_a_body_edit_only_that_document_is_indexed_and_the_index_is_the_clean_builds()
    {
        using var site = BuiltSample();
        Edit(site, Policy, t => t.Replace("深化重点领域信息公开", "深化重点领域信息公开和蘑菇种植试点", StringComparison.Ordinal) + "\n本通知自印发之日起施行。\n");

        var changed = BuildWithCache(site);

        Assert.Equal(1, changed.Indexed);
        AssertSameAsCleanBuild(site);
        Assert.Single(new SearchIndexReader(Path.Combine(site.Output, "search")).Search("蘑菇种植"));
    }

    [Fact]
    public void After_a_title_edit_only_that_document_is_indexed_and_the_index_is_the_clean_builds()
    {
        using var site = BuiltSample();
        Edit(site, Policy, t => ReplaceLine(t, "title", "title: 重庆市铜梁区人民政府办公室关于做好政务新媒体蘑菇管理工作的通知"));

        var changed = BuildWithCache(site);

        Assert.Equal(1, changed.Indexed);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void After_a_title_edit_the_facet_and_dates_files_stay_and_after_a_topic_edit_the_topic_facet_is_the_clean_builds()
    {
        using var site = BuiltSample();
        string[] Metadata() => [.. Directory.GetFiles(Path.Combine(site.Output, "search/facets")).Append(Directory.GetFiles(Path.Combine(site.Output, "search"), "dates.*").Single()).Order(StringComparer.Ordinal)];
        var before = Metadata().ToDictionary(f => f, File.GetLastWriteTimeUtc);
        foreach (var file in before.Keys)
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)); // as if the last build had written them long ago
        }

        BuildWithCache(site); // the record takes the files' new times (their bytes are compared)
        Edit(site, Policy, t => ReplaceLine(t, "title", "title: 重庆市铜梁区人民政府办公室关于做好政务新媒体蘑菇管理工作的通知"));
        BuildWithCache(site);
        Assert.Equal(before.Keys, Metadata());
        Assert.All(Metadata(), f => Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(f)));
        AssertSameAsCleanBuild(site);

        // A topic the document did not have: the topic facet changes, and is the clean build's
        Edit(site, Policy, t => ReplaceLine(t, "topic", "topic: zhengfu-wangzhan"));
        BuildWithCache(site);
        Assert.NotEqual(before.Keys.Single(f => f.Contains("/topic.", StringComparison.Ordinal)), Metadata().Single(f => f.Contains("/topic.", StringComparison.Ordinal)));
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void After_a_summary_edit_only_that_document_is_indexed_and_the_index_is_the_clean_builds()
    {
        using var site = BuiltSample();
        Edit(site, Policy, t => ReplaceLine(t, "summary", "summary: 要求各单位做好蘑菇种植信息的公开。"));

        var changed = BuildWithCache(site);

        Assert.Equal(1, changed.Indexed);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void After_a_document_moves_in_the_archive_every_document_is_indexed_anew_and_the_index_is_the_clean_builds()
    {
        using var site = BuiltSample();
        Edit(site, "content/documents/2018/luan-2018-177.md", t => ReplaceLine(t, "published", "published: 2019-12-30")); // from the oldest to the newest

        var moved = BuildWithCache(site);

        Assert.Equal(moved.Documents, moved.Indexed);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void After_a_document_is_added_every_document_is_indexed_anew_and_the_index_is_the_clean_builds()
    {
        using var site = BuiltSample();
        var text = File.ReadAllText(Path.Combine(site.Root, "content/documents/2019/tongliang-2019-5.md"));
        site.Write("content/documents/2019/added.md", ReplaceLine(ReplaceLine(text, "doc_number", "doc_number: 铜府办发〔2019〕99号"), "gazette", "") + "\n蘑菇种植。\n");

        var added = BuildWithCache(site);

        Assert.Equal(added.Documents, added.Indexed);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_damaged_state_file_is_not_used_and_the_index_is_made_anew()
    {
        using var site = BuiltSample();
        var state = File.ReadAllBytes(StateFile(site));
        state[state.Length / 2] ^= 0x5A;
        File.WriteAllBytes(StateFile(site), state);
        Edit(site, Policy, t => t + "\n蘑菇种植。\n");

        var changed = BuildWithCache(site);

        Assert.Equal(changed.Documents, changed.Indexed);
        AssertSameAsCleanBuild(site);
        Assert.NotEqual(state, File.ReadAllBytes(StateFile(site)));
    }

    [Fact]
    public void Without_its_state_file_the_index_is_made_anew_and_a_new_state_is_kept()
    {
        using var site = BuiltSample();
        File.Delete(StateFile(site));
        Edit(site, Policy, t => t + "\n蘑菇种植。\n");

        var changed = BuildWithCache(site);

        Assert.Equal(changed.Documents, changed.Indexed);
        AssertSameAsCleanBuild(site);
        Edit(site, Policy, t => t + "\n香菇种植。\n");
        Assert.Equal(1, BuildWithCache(site).Indexed); // the state kept by the build without one
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_build_without_the_cache_keeps_no_state_file()
    {
        using var site = new TestSite($"""
            -- content/documents/2019/a.md --
            {TestSite.Document("关于蘑菇种植的通知")}
            """);
        site.BuildSuccessfully();
        Assert.False(Directory.Exists(Cache(site)));
    }
}
