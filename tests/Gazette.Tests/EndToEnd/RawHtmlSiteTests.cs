using System.Text;
using Gazette.Diagnostics;
using Gazette.Search;
using Gazette.Tests.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>Raw HTML in a document body over whole builds: the page, the search index and the privacy screen.</summary>
public sealed class RawHtmlSiteTests
{
    private const string Page = "documents/000014350/2019-00001/index.html";

    /// <summary>A document whose body (from line 13 of its file) has a raw table with merged cells, an abbreviation and a script.</summary>
    private static string Files(string cell = "自查自评", params string[] fields) => $"""
        -- content/documents/a.md --
        {BadSite.DocumentWithBody("关于试点验收的通知",
            $"""
            <abbr title="国务院办公厅">国办</abbr>印发的方案要求如下。

            <table>
            <caption>验收方式及权重</caption>
            <tr><th>序号</th><th>评估验收方式</th><th>权重</th></tr>
            <tr><td rowspan="2">1</td><td>{cell}</td><td>10%</td></tr>
            <tr><td>专业机构测评</td><td>40%</td></tr>
            </table>

            <script>document.write('机密脚本')</script>

            """,
            ["index_number: 000014350/2019-00001", .. fields])}
        """;

    [Fact]
    public void A_document_with_a_table_an_abbreviation_and_a_script_builds_with_the_table_and_without_the_script()
    {
        using var site = new TestSite(Files());

        var result = site.BuildSuccessfully();

        var warning = TestSite.Single(result, Codes.RawHtmlRemoved);
        Assert.Equal("content/documents/a.md:22:1", warning.Location.ToString());
        Assert.Equal(Severity.Warning, warning.Severity);
        var page = site.ReadOutput(Page);
        Assert.Contains("<abbr title=\"国务院办公厅\">国办</abbr>印发的方案要求如下。", page);
        Assert.Contains("<caption>验收方式及权重</caption>", page);
        Assert.Contains("<tr><td rowspan=\"2\">1</td><td>自查自评</td><td>10%</td></tr>", page);
        Assert.DoesNotContain("document.write", page);
        Assert.DoesNotContain("机密脚本", page);
    }

    [Fact]
    public void The_search_text_of_a_raw_table_has_its_cells_and_nothing_of_the_removed_script()
    {
        using var site = new TestSite(Files());

        site.BuildSuccessfully();

        var texts = site.OutputFiles().Where(f => f.StartsWith("search/", StringComparison.Ordinal)).Select(f => site.ReadOutputText(f)).ToList();
        var reader = new SearchIndexReader(Path.Combine(site.Output, "search"));
        var text = reader.Text(0);
        Assert.Contains("国办印发的方案要求如下。", text);
        Assert.Contains("专业机构测评", text);
        Assert.True(text.Contains("验收方式及权重\n序号\n评估验收方式\n权重\n1\n自查自评\n10%\n专业机构测评\n40%\n", StringComparison.Ordinal), text); // a line a cell: no term across two
        Assert.Equal([0], reader.Search("专业机构测评").Select(r => r.Id));
        Assert.All(texts, t => Assert.DoesNotContain("机密脚本", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("document.write", t, StringComparison.Ordinal));
    }

    [Fact]
    public void The_privacy_screen_sees_a_mobile_number_inside_a_raw_table()
    {
        using var site = new TestSite(Files("联系电话13812345678"));

        var result = site.Build();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("content/documents/a.md:18:35: GZ0502", $"{error.Location}: {error.Code.Id}");
        BadSite.AssertNothingWritten(site);
    }

    [Fact]
    public void Privacy_mask_masks_a_number_inside_a_raw_table_on_the_page_and_in_the_search_text()
    {
        using var site = new TestSite(Files("联系电话13812345678", "privacy: mask"));

        site.BuildSuccessfully();

        Assert.Contains("<td>联系电话138****5678</td>", site.ReadOutput(Page));
        Assert.All(site.OutputFiles(), f => Assert.DoesNotContain("13812345678", site.ReadOutputText(f), StringComparison.Ordinal));
        Assert.Contains("联系电话138****5678", new SearchIndexReader(Path.Combine(site.Output, "search")).Text(0), StringComparison.Ordinal);
    }

}
