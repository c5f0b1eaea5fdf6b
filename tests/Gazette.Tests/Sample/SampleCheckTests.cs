using Gazette.Checks;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Sample;

/// <summary>The timeliness and completeness check of the sample content: warnings only, and the sample still builds.</summary>
public sealed class SampleCheckTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Fact]
    public void The_sample_content_checks_with_six_policies_without_interpretation_and_two_missed_periods()
    {
        var result = new BuildPipeline().Check(BuildOptions.ForSite(Repository.Root));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var report = result.Report!;
        Assert.Equal(new DateOnly(2019, 7, 19), report.ReferenceDate);
        Assert.Equal(14, report.DocumentsChecked);
        Assert.Equal(
            "late_publication 0, late_interpretation 0, policy_without_interpretation 6, missing_successor 0, missing_summary 0, missed_period 2",
            string.Join(", ", FindingKind.All.Select(k => $"{k.Id} {report.Count(k)}")));
        Assert.Empty(report.YearsWithoutHolidays);
        Assert.Equal(
            ["huanjing-baohu 13", "guoyou-qiye 10"],
            report.Findings.Where(f => f.Kind == FindingKind.MissedPeriod).OrderBy(f => f.Location.Line).Select(f => $"{f.EntryId} {f.MissedPeriods.Count}"));
    }

    [Fact]
    public void The_sample_build_succeeds_and_reports_the_same_findings_as_warnings()
    {
        Assert.True(site.Result.Succeeded);
        var warnings = site.Result.Diagnostics.Where(d => d.Code.Id.StartsWith("GZ06", StringComparison.Ordinal)).ToList();
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.Equal(
            ["GZ0603 6", "GZ0606 2"],
            warnings.GroupBy(w => w.Code.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
    }
}
