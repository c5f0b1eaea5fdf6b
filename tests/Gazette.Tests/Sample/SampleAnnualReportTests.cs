using Gazette.Model;
using Gazette.Pipeline;
using Gazette.Reports;
using Gazette.Tests.Support;

namespace Gazette.Tests.Sample;

/// <summary>
/// Table 二 of the sample content, checked by hand. Normative by default (通知, 意见): 2018 made env-disclosure,
/// gazette-work, key-tasks (已修改: stays in force), plan-notice, soe-disclosure, xjdn-opinion and luan-2018-177 (失效
/// 2018-12-31, so also repealed in 2018); not counted: the 政策解读, the two 方案 and the 依申请公开 函. 2019 made
/// tongliang-2019-5 (废止 2019-07-19), -9 and -16. No 规章.
/// </summary>
public sealed class SampleAnnualReportTests
{
    private static AnnualTable Table(int year, string? organ = null)
    {
        var result = new BuildPipeline().ReportAnnual(BuildOptions.ForSite(Repository.Root), year, organ);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Table!;
    }

    private static string Counts(AnnualTable table) =>
        string.Join("; ", table.Rows.Select(r => $"{AnnualTableMarkdown.Label(r.Form)} {r.Made.Count} {r.Repealed.Count} {r.InForce}"));

    [Fact]
    public void The_sample_site_made_seven_normative_documents_in_2018_and_three_in_2019()
    {
        Assert.Equal("规章 0 0 0; 行政规范性文件 0 0 0", Counts(Table(2017)));
        Assert.Equal("规章 0 0 0; 行政规范性文件 7 1 6", Counts(Table(2018)));
        Assert.Equal("规章 0 0 0; 行政规范性文件 3 1 8", Counts(Table(2019)));
        Assert.Equal("规章 0 0 0; 行政规范性文件 0 0 8", Counts(Table(2020)));
        Assert.Equal(
            ["liaocheng-2018-key-tasks", "liaocheng-2018-env-disclosure", "liaocheng-2018-plan-notice", "liaocheng-2018-soe-disclosure",
             "luan-2018-177", "liaocheng-2018-gazette-work", "liaocheng-2018-xjdn-opinion"],
            Table(2018).Row(LegalForm.Normative).Made.Select(d => d.Id));
        Assert.Equal(["luan-2018-177"], Table(2018).Row(LegalForm.Normative).Repealed.Select(d => d.Id));
        Assert.Equal(["tongliang-2019-5"], Table(2019).Row(LegalForm.Normative).Repealed.Select(d => d.Id));
        Assert.Equal(new DateOnly(2019, 7, 19), Table(2019).DataDate);
    }

    [Fact]
    public void Each_organ_counts_what_it_leads_and_the_organs_add_up_to_the_site()
    {
        Assert.Equal("规章 0 0 0; 行政规范性文件 3 1 2", Counts(Table(2019, "tongliang-gov-office")));
        Assert.Equal("规章 0 0 0; 行政规范性文件 3 0 3", Counts(Table(2018, "liaocheng-gov-office")));
        Assert.Equal("规章 0 0 0; 行政规范性文件 1 1 0", Counts(Table(2018, "luan-gov-office")));
        Assert.Equal("规章 0 0 0; 行政规范性文件 1 0 1", Counts(Table(2018, "liaocheng-drc")));
        Assert.Equal("规章 0 0 0; 行政规范性文件 0 0 0", Counts(Table(2018, "liaocheng-eic"))); // joint 意见 led by the drc
        string[] organs = ["liaocheng-gov-office", "liaocheng-drc", "liaocheng-eic", "liaocheng-epb", "liaocheng-sasac", "luan-gov-office", "tongliang-gov-office"];
        foreach (var year in new[] { 2018, 2019 })
        {
            var site = Table(year).Row(LegalForm.Normative);
            var byOrgan = organs.Select(o => Table(year, o).Row(LegalForm.Normative)).ToList();
            Assert.Equal((site.Made.Count, site.Repealed.Count, site.InForce), (byOrgan.Sum(r => r.Made.Count), byOrgan.Sum(r => r.Repealed.Count), byOrgan.Sum(r => r.InForce)));
        }
    }
}
