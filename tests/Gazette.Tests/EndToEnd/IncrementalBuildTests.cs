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
    internal static TestSite Sample()
    {
        var site = new TestSite("");
        foreach (var file in Directory.EnumerateFiles(Repository.Content, "*", SearchOption.AllDirectories))
        {
            site.WriteBytes("content/" + Path.GetRelativePath(Repository.Content, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }

        return site;
    }

    /// <summary>
    /// Gives the sample's policy that an interpretation explains (tongliang-2019-16) the title 铜梁区人民政府办公室关于改题后的通知:
    /// it shows on its own page, its interpretation's, the notice it repealed and the listings. Gives the policy's file.
    /// </summary>
    internal static string RetitleThePolicy(TestSite site)
    {
        var policy = Path.Combine(site.Root, "content/documents/2019/tongliang-2019-16.md");
        var text = File.ReadAllText(policy);
        var title = text.Split('\n').First(l => l.StartsWith("title:", StringComparison.Ordinal));
        File.WriteAllText(policy, text.Replace(title, "title: 铜梁区人民政府办公室关于改题后的通知", StringComparison.Ordinal));
        return policy;
    }

    /// <summary>The sample content and the repository's theme, copied into a site of their own (so the theme can be changed).</summary>
    private static TestSite SampleWithTheme()
    {
        var site = Sample();
        foreach (var file in Directory.EnumerateFiles(Repository.Theme, "*", SearchOption.AllDirectories))
        {
            site.WriteBytes("theme/" + Path.GetRelativePath(Repository.Theme, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }

        return site;
    }

    /// <summary>Builds with the cache, and dates every file of the output <see cref="LongAgo"/>, so that the next build's writes show.</summary>
    private static void BuildAndAge(TestSite site)
    {
        var built = BuildWithCache(site);
        Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics));
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes);

    [Fact]
    public void After_one_document_changes_only_the_files_that_show_it_are_written_and_the_site_is_the_clean_builds()
    {
        using var site = Sample();
        BuildAndAge(site);

        var again = BuildWithCache(site);
        Assert.Equal(again.Files, again.Unchanged);
        Assert.All(Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories), f => Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(f)));

        var before = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal);
        var document = Directory.EnumerateFiles(Path.Combine(site.Root, "content/documents"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(document, "\n本通知自印发之日起施行。\n");
        var changed = BuildWithCache(site);

        // Written: files with new bytes, and index files renamed with their group (new names for the files they were, times kept)
        Assert.True(changed.Succeeded, string.Join("\n", changed.Diagnostics));
        var written = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
            .Where(f => File.GetLastWriteTimeUtc(f) != LongAgo || !before.Contains(f)).ToList();
        Assert.Equal(changed.Files - changed.Unchanged, written.Count);
        Assert.InRange(written.Count, 2, changed.Files / 2);
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_second_build_renders_no_page_and_after_a_title_changes_only_the_pages_that_show_it_are_rendered()
    {
        using var site = Sample();
        var first = BuildWithCache(site);
        Assert.Equal(first.Pages, first.Rendered);
        Assert.Equal(0, BuildWithCache(site).Rendered);

        // The policy an interpretation explains: its title is on its own page, on the interpretation's and on listings
        RetitleThePolicy(site);
        var changed = BuildWithCache(site);

        Assert.True(changed.Succeeded, string.Join("\n", changed.Diagnostics));
        Assert.False(changed.ListingsKept); // a title is metadata: the listings show it
        Assert.InRange(changed.Rendered, 3, changed.Pages / 2);
        Assert.Contains("关于改题后的通知", site.ReadOutput(InterpretationPage(site)));
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void After_a_successors_title_a_publication_date_and_a_deletion_change_the_listings_the_site_is_the_clean_builds()
    {
        using var site = Sample();
        Assert.True(BuildWithCache(site).Succeeded);
        void Edit(string document, string line, string replacement)
        {
            var path = Path.Combine(site.Root, "content/documents", document);
            var text = File.ReadAllText(path);
            Assert.Contains(line, text);
            File.WriteAllText(path, text.Replace(line, replacement, StringComparison.Ordinal));
        }

        // The document that amended another: its title is in the amended one's summary on every listing that shows it
        Edit("2018/liaocheng-2018-plan-notice.md", "title: ", "title: 改题后的");
        var retitled = BuildWithCache(site);
        Assert.True(retitled.Succeeded, string.Join("\n", retitled.Diagnostics));
        Assert.InRange(retitled.Rendered, 3, retitled.Pages / 2);
        AssertSameAsCleanBuild(site);

        // A later publication date: the document moves to the front of each listing, the others one place on, and the listings' dates change
        Edit("2018/liaocheng-2018-key-tasks.md", "published: 2018-05-18", "published: 2020-01-06");
        var moved = BuildWithCache(site);
        Assert.True(moved.Succeeded, string.Join("\n", moved.Diagnostics));
        Assert.InRange(moved.Rendered, 3, moved.Pages - 1);
        AssertSameAsCleanBuild(site);

        File.Delete(Path.Combine(site.Root, "content/documents/2018/luan-2018-93.md"));
        var deleted = BuildWithCache(site);
        Assert.True(deleted.Succeeded, string.Join("\n", deleted.Diagnostics));
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void After_a_title_changes_redirects_the_sitemap_and_the_other_issues_open_data_and_feeds_are_kept_and_after_a_number_changes_redirects_are_written()
    {
        using var site = Sample();
        BuildAndAge(site);

        bool Written(string path) => File.GetLastWriteTimeUtc(Path.Combine(site.Output, path)) != LongAgo;
        var issues = Directory.EnumerateFiles(Path.Combine(site.Output, "data/gazette"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).ToList();
        Assert.Contains("data/gazette/2019/2.json", issues);
        Assert.True(issues.Count > 1);

        // 铜府办发〔2019〕16号, printed in the 2019 gazette's issue 2
        var policy = RetitleThePolicy(site);
        Assert.True(BuildWithCache(site).Succeeded);
        Assert.False(Written("_redirects"));
        Assert.False(Written("sitemap.xml")); // the same pages with the same dates
        Assert.False(Written("robots.txt"));
        Assert.True(Written("catalogue/organs/tongliang-gov-office/feed.xml")); // the feeds that show the document, and only those
        Assert.True(Written("feed.xml"));
        Assert.False(Written("catalogue/organs/luan-gov-office/feed.xml"));
        Assert.Equal(["data/gazette/2019/2.json"], issues.Where(Written));
        Assert.False(Written("data/gazette.json")); // the same issues with the same counts
        AssertSameAsCleanBuild(site);

        File.WriteAllText(policy, File.ReadAllText(policy).Replace("铜府办发〔2019〕16号", "铜府办发〔2019〕61号", StringComparison.Ordinal));
        Assert.True(BuildWithCache(site).Succeeded);
        Assert.True(Written("_redirects"));
        Assert.Contains("/n/", File.ReadAllText(Path.Combine(site.Output, "_redirects")));
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void After_a_body_changes_the_listings_sitemap_and_feeds_are_kept_unmade_and_after_one_is_deleted_they_are_made_again()
    {
        using var site = Sample();
        BuildAndAge(site);

        // A body edit: what every page but the document's own shows is metadata, and none of it changed
        var document = Path.Combine(site.Root, "content/documents/2019/tongliang-2019-16.md");
        File.AppendAllText(document, "\n本通知自印发之日起施行。\n");
        var edited = BuildWithCache(site);

        Assert.True(edited.Succeeded, string.Join("\n", edited.Diagnostics));
        Assert.True(edited.ListingsKept);
        Assert.Equal(1, edited.Rendered);
        Assert.All(new[] { "index.html", "catalogue/index.html", "gazette/index.html", "sitemap.xml", "feed.xml", "_redirects" },
            f => Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(site.Output, f))));
        AssertSameAsCleanBuild(site);

        // A listing page gone from the output folder: every listing is made again (and kept where its bytes are the same)
        File.Delete(Path.Combine(site.Output, "catalogue/index.html"));
        File.AppendAllText(document, "\n本通知由区政府办公室负责解释。\n");
        var again = BuildWithCache(site);

        Assert.True(again.Succeeded, string.Join("\n", again.Diagnostics));
        Assert.False(again.ListingsKept);
        Assert.Equal(edited.Pages, again.Pages);
        Assert.Equal(2, again.Rendered);
        Assert.True(File.Exists(Path.Combine(site.Output, "catalogue/index.html")));
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_changed_response_header_of_the_theme_makes_the_listings_and_netlifys_files_again()
    {
        using var site = SampleWithTheme();
        Assert.True(BuildWithCache(site).Succeeded);
        Assert.True(BuildWithCache(site).ListingsKept);

        // No page shows theme/_headers: only Netlify's _headers, which is made with the listings
        File.AppendAllText(Path.Combine(site.Root, "theme/_headers"), "/data/*\n  X-Robots-Tag: noarchive\n");
        var changed = BuildWithCache(site);

        Assert.True(changed.Succeeded, string.Join("\n", changed.Diagnostics));
        Assert.False(changed.ListingsKept);
        Assert.Contains("X-Robots-Tag: noarchive", site.ReadOutput("_headers"));
        AssertSameAsCleanBuild(site);
    }

    [Fact]
    public void A_changed_layout_or_UI_string_renders_every_page_again()
    {
        using var site = SampleWithTheme();
        Assert.True(BuildWithCache(site).Succeeded);
        var layout = Path.Combine(site.Root, "theme/layouts/document.liquid");
        File.AppendAllText(layout, "{% comment %}改过{% endcomment %}\n");
        var relaid = BuildWithCache(site);
        Assert.True(relaid.Succeeded, string.Join("\n", relaid.Diagnostics));
        Assert.Equal(relaid.Pages, relaid.Rendered);

        var strings = Path.Combine(site.Root, "theme/i18n/zh-CN.yml");
        File.WriteAllText(strings, File.ReadAllText(strings).Replace("nav_home: 首页", "nav_home: 网站首页", StringComparison.Ordinal));
        var reworded = BuildWithCache(site);
        Assert.Equal(reworded.Pages, reworded.Rendered);
        Assert.Contains("网站首页", site.ReadOutput("index.html"));
        AssertSameAsCleanBuild(site);
    }

    /// <summary>The page of the interpretation of tongliang-2019-16 (the one document page whose heading ends in 》解读).</summary>
    private static string InterpretationPage(TestSite site) =>
        site.OutputFiles().Single(f => f.StartsWith("documents/", StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal)
            && site.ReadOutput(f).Contains("》解读</h1>", StringComparison.Ordinal));

    /// <summary>The output folder holds exactly what a build without a cache into an empty folder makes, byte for byte.</summary>
    internal static void AssertSameAsCleanBuild(TestSite site)
    {
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
