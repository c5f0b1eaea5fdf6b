using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>A failed build writes nothing, reports every problem at once, and sorts them by place.</summary>
public sealed class FailedBuildTests
{
    [Fact]
    public void A_failing_build_leaves_the_previous_site_byte_identical()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "index_number: 000014350/2019-00001")}
            """);
        site.BuildSuccessfully();
        var before = Snapshot(site.Output);
        Assert.Contains("documents/000014350/2019-00001/index.html", before.Keys);

        site.Write("content/documents/a.md", TestSite.Document("关于测试的通知（修订）", "index_number: 000014350/2019-00001"));
        site.Write("content/documents/b.md", TestSite.Document("有错误的通知", "published: 2019-02-30"));
        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(Codes.InvalidDate, Assert.Single(result.Diagnostics).Code);
        var after = Snapshot(site.Output);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed after a failed build");
        }

        Assert.DoesNotContain(Directory.EnumerateDirectories(site.Root), d => Path.GetFileName(d).StartsWith(".public", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failing_theme_leaves_the_previous_site_in_place()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的通知", "index_number: 000014350/2019-00001")}
            """);
        BadSite.CopyRepositoryTheme(site);
        site.BuildSuccessfully();
        var before = Snapshot(site.Output);

        site.Write("theme/layouts/document.liquid", "{% if %}\n");
        var result = site.Build();

        Assert.Equal(Codes.TemplateSyntax, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(before.Count, Snapshot(site.Output).Count);
        Assert.Equal(before["index.html"], Snapshot(site.Output)["index.html"]);
    }

    [Fact]
    public void A_site_with_many_different_errors_reports_them_all_in_one_build_sorted_by_place()
    {
        using var site = new TestSite($"""
            -- content/site.yml --
            name: 测试公报
            base_url: https://example.gov.cn/
            publisher: 测试市人民政府办公室
            page_size: 0
            -- content/organs.yml --
            {TestSite.DefaultOrgans}
            - {"{"}id: city-gov, name: 重复的机构, code: "1"{"}"}
            -- content/gazettes/2019/2.yml --
            issue: 3
            date: 2019-03-10
            sections: [市政府文件]
            -- content/documents/c.md --
            没有前言的文件。
            -- content/documents/b.md --
            {TestSite.Document("乙", "issuers: city-ofice", "disclosure: 主动公布")}
            -- content/documents/a.md --
            {TestSite.Document("甲", "published: 2019-02-30", "summery: 拼错")}
            """);
        BadSite.CopyRepositoryTheme(site);
        site.Write("theme/layouts/home.liquid", "<h1>ok</h1>\n  <p>{% endfor %}</p>\n");

        var result = site.Build();

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "content/documents/a.md:5:12: GZ0103",
                "content/documents/a.md:10:1: GZ0101",
                "content/documents/b.md:3:10: GZ0201",
                "content/documents/b.md:9:13: GZ0105",
                "content/documents/c.md:1:1: GZ0003",
                "content/gazettes/2019/2.yml:1:8: GZ0306",
                "content/organs.yml:4:8: GZ0307",
                "content/site.yml:4:12: GZ0105",
                "theme/layouts/home.liquid:2:15: GZ0401",
            ],
            result.Diagnostics.Select(d => $"{d.Location}: {d.Code.Id}"));
        Assert.True(result.Diagnostics.Select(d => d.Code).Distinct().Count() >= 5);
        BadSite.AssertNothingWritten(site);
    }

    [Fact]
    public void Diagnostics_on_the_same_line_are_sorted_by_column()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("甲", "issuers: [nobody, city-ofice, city-gv]")}
            """);

        var result = site.Build();

        Assert.Equal(["3:11", "3:19", "3:31"], result.Diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column}"));
        Assert.All(result.Diagnostics, d => Assert.Equal(Codes.UnknownOrgan, d.Code));
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
