using Gazette.Checks;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// GZ06xx: the timeliness and completeness warnings of <c>gazette check</c> (and <c>build</c>), one site per kind with exact
/// counts. Front matter lines of <see cref="TestSite.Document"/>: 2 title, 5 published, 7 genre, 8 summary, 10 onwards the extra
/// fields. Documents that are not about the kind under test use the genre 方案, which is no policy genre.
/// </summary>
public sealed class ArchiveCheckWarningTests
{
    [Fact]
    [Trait("Code", "GZ0601")]
    public void A_document_published_21_working_days_after_it_was_written_is_late()
    {
        // From Friday 20 September 2019, the 20th working day is 23 October (the 国庆节 week off, two weekend days worked).
        using var site = new TestSite($"""
            -- content/documents/late.md --
            {TestSite.Document("逾期的方案", "genre: 方案", "written: 2019-09-20", "published: 2019-10-24")}
            -- content/documents/in-time.md --
            {TestSite.Document("按时的方案", "genre: 方案", "written: 2019-09-20", "published: 2019-10-23")}
            """);

        var (report, diagnostics) = Check(site);

        AssertCounts(report, late: 1);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("late", 21, 20, new DateOnly(2019, 10, 23)), (finding.DocumentId, finding.WorkingDays, finding.Limit, finding.Due));
        Assert.Equal("city-office", finding.Organ);
        var warning = Warning(diagnostics, Codes.LatePublication, "content/documents/late.md:5:1");
        Assert.Contains("21 working days after it was written on 2019-09-20", warning.Message);
    }

    [Fact]
    [Trait("Code", "GZ0602")]
    public void An_interpretation_four_working_days_after_its_policy_is_late()
    {
        // The policy is published on Friday 27 September 2019: Sunday 29th (worked), Monday 30th, then 8 and 9 October.
        using var site = new TestSite($"""
            -- content/documents/policy.md --
            {TestSite.Document("关于测试的通知", "written: 2019-09-27", "published: 2019-09-27")}
            -- content/documents/jiedu-1.md --
            {TestSite.Document("按时的解读", "genre: 政策解读", "written: 2019-10-08", "published: 2019-10-08", "interprets: policy")}
            -- content/documents/jiedu-2.md --
            {TestSite.Document("迟到的解读", "genre: 政策解读", "written: 2019-10-09", "published: 2019-10-09", "interprets: policy")}
            """);

        var (report, diagnostics) = Check(site);

        AssertCounts(report, lateInterpretation: 1);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("jiedu-2", "policy", 4, new DateOnly(2019, 10, 8)), (finding.DocumentId, finding.PolicyId, finding.WorkingDays, finding.Due));
        Warning(diagnostics, Codes.LateInterpretation, "content/documents/jiedu-2.md:5:1");
    }

    [Fact]
    [Trait("Code", "GZ0603")]
    public void Policy_documents_in_force_without_an_interpretation_are_reported_at_their_genre()
    {
        using var site = new TestSite($"""
            -- content/documents/alone.md --
            {TestSite.Document("没有解读的通知")}
            -- content/documents/explained.md --
            {TestSite.Document("有解读的通知")}
            -- content/documents/explained-jiedu.md --
            {TestSite.Document("通知的解读", "genre: 政策解读", "interprets: explained")}
            -- content/documents/amended.md --
            {TestSite.Document("已修改的意见", "genre: 意见", "validity: {status: 已修改, date: 2019-06-01, amended_by: explained}")}
            -- content/documents/repealed.md --
            {TestSite.Document("已废止的办法", "genre: 办法", "validity: {status: 废止, date: 2019-06-01, repealed_by: explained}")}
            -- content/documents/plan.md --
            {TestSite.Document("工作方案", "genre: 方案")}
            -- content/documents/withheld.md --
            {TestSite.Document("不公开的通知", "disclosure: 不予公开", "disclosure_reason: 内部事务")}
            """);

        var (report, diagnostics) = Check(site);

        AssertCounts(report, policy: 2);
        Assert.Equal(["alone", "amended"], report.Findings.Select(f => f.DocumentId));
        Assert.Equal(["通知", "意见"], report.Findings.Select(f => f.Genre));
        var warning = Warning(diagnostics, Codes.PolicyWithoutInterpretation, "content/documents/alone.md:7:1");
        Assert.Contains("interprets: alone", warning.Hint);
        Warning(diagnostics, Codes.PolicyWithoutInterpretation, "content/documents/amended.md:7:1");
    }

    [Fact]
    [Trait("Code", "GZ0603")]
    public void A_legal_form_decides_over_the_genre_and_the_finding_is_at_the_legal_form()
    {
        using var site = new TestSite($"""
            -- content/documents/work-notice.md --
            {TestSite.Document("工作安排的通知", "legal_form: 其他")}
            -- content/documents/normative-plan.md --
            {TestSite.Document("规范性的方案", "genre: 方案", "legal_form: 行政规范性文件")}
            """);

        var (report, diagnostics) = Check(site);

        AssertCounts(report, policy: 1);
        Assert.Equal(["normative-plan"], report.Findings.Select(f => f.DocumentId));
        Warning(diagnostics, Codes.PolicyWithoutInterpretation, "content/documents/normative-plan.md:10:1");
    }

    [Fact]
    [Trait("Code", "GZ0603")]
    public void A_site_can_say_a_genre_is_no_policy_genre()
    {
        using var site = new TestSite($$"""
            -- content/genres.yml --
            - {id: tongzhi, name: 通知, policy: false}
            -- content/documents/a.md --
            {{TestSite.Document("没有解读的通知")}}
            """);

        AssertCounts(Check(site).Report);
    }

    [Fact]
    [Trait("Code", "GZ0604")]
    public void Repealed_and_amended_documents_that_name_no_successor_are_reported_at_validity()
    {
        using var site = new TestSite($"""
            -- content/documents/repealed.md --
            {TestSite.Document("已废止的方案", "genre: 方案", "validity: {status: 废止, date: 2019-06-01}")}
            -- content/documents/amended.md --
            {TestSite.Document("已修改的方案", "genre: 方案", "validity: {status: 已修改, date: 2019-06-01}")}
            -- content/documents/expired.md --
            {TestSite.Document("已失效的方案", "genre: 方案", "validity: {status: 失效, date: 2019-06-01}")}
            -- content/documents/named.md --
            {TestSite.Document("注明依据的方案", "genre: 方案", "validity: {status: 废止, date: 2019-06-01, repealed_by: successor}")}
            -- content/documents/successor.md --
            {TestSite.Document("新方案", "genre: 方案")}
            """);

        var (report, diagnostics) = Check(site);

        AssertCounts(report, successor: 2);
        Assert.Equal([("amended", "已修改"), ("repealed", "废止")], report.Findings.Select(f => (f.DocumentId, f.Validity)));
        Assert.Contains("amended_by:", Warning(diagnostics, Codes.MissingSuccessor, "content/documents/amended.md:10:1").Hint);
        Assert.Contains("repealed_by:", Warning(diagnostics, Codes.MissingSuccessor, "content/documents/repealed.md:10:1").Hint);
    }

    [Fact]
    [Trait("Code", "GZ0605")]
    public void Published_documents_without_a_summary_are_reported_at_summary_or_else_title()
    {
        using var site = new TestSite($"""
            -- content/documents/none.md --
            {TestSite.Document("没有概述的方案", "genre: 方案", "summary: -")}
            -- content/documents/empty.md --
            {TestSite.Document("概述为空的方案", "genre: 方案", "summary: ''")}
            -- content/documents/withheld.md --
            {TestSite.Document("不公开的方案", "genre: 方案", "summary: -", "disclosure: 依申请公开", "disclosure_reason: 内部事务")}
            -- content/documents/fine.md --
            {TestSite.Document("有概述的方案", "genre: 方案")}
            """);

        var (report, diagnostics) = Check(site);

        AssertCounts(report, summary: 2);
        Warning(diagnostics, Codes.MissingSummary, "content/documents/none.md:2:1");
        Warning(diagnostics, Codes.MissingSummary, "content/documents/empty.md:8:1");
    }

    [Fact]
    [Trait("Code", "GZ0606")]
    public void Periodic_entries_that_miss_a_period_before_the_latest_publication_are_reported_at_period()
    {
        using var site = new TestSite($"""
            -- content/catalogue.yml --
            - id: kongqi
              name: 空气质量月报
              period: monthly
            - id: shuiyuan
              name: 水源监测季报
              period: quarterly
            - id: nianbao
              name: 年度报告
              period: yearly
            - id: weikai
              name: 尚未发布的月报
              period: monthly
            - id: putong
              name: 普通事项
            -- content/documents/m1.md --
            {TestSite.Document("1月空气质量", "genre: 方案", "written: 2019-01-15", "published: 2019-01-15", "catalogue: [kongqi]")}
            -- content/documents/m2.md --
            {TestSite.Document("2月空气质量", "genre: 方案", "written: 2019-02-11", "published: 2019-02-11", "catalogue: [kongqi]")}
            -- content/documents/m4.md --
            {TestSite.Document("4月空气质量", "genre: 方案", "written: 2019-04-03", "published: 2019-04-03", "catalogue: [kongqi]", "issuers: city-gov")}
            -- content/documents/q1.md --
            {TestSite.Document("一季度水源", "genre: 方案", "written: 2018-02-01", "published: 2018-02-01", "catalogue: [shuiyuan]")}
            -- content/documents/q4.md --
            {TestSite.Document("四季度水源", "genre: 方案", "written: 2018-11-01", "published: 2018-11-01", "catalogue: [shuiyuan]")}
            -- content/documents/y2017.md --
            {TestSite.Document("2016年度报告", "genre: 方案", "written: 2017-01-20", "published: 2017-01-20", "catalogue: [nianbao]")}
            -- content/documents/y2019.md --
            {TestSite.Document("2018年度报告", "genre: 方案", "written: 2019-01-18", "published: 2019-01-18", "catalogue: [nianbao]")}
            -- content/documents/latest.md --
            {TestSite.Document("最近的方案", "genre: 方案", "written: 2019-07-10", "published: 2019-07-10", "catalogue: [putong]")}
            """);

        var (report, diagnostics) = Check(site);

        // The reference date is the latest publication, 2019-07-10: its month, quarter and year may still be under way.
        Assert.Equal(new DateOnly(2019, 7, 10), report.ReferenceDate);
        AssertCounts(report, missed: 3);
        var missed = report.Findings.ToDictionary(f => f.EntryId!, f => f.MissedPeriods);
        Assert.Equal(["2019-03", "2019-05", "2019-06"], missed["kongqi"]);
        Assert.Equal(["2018-Q2", "2018-Q3", "2019-Q1", "2019-Q2"], missed["shuiyuan"]);
        Assert.Equal(["2018"], missed["nianbao"]);
        Assert.Equal("city-gov", report.Findings.Single(f => f.EntryId == "kongqi").Organ); // the organ of the entry's latest document
        Assert.Contains("3 months since its first on 2019-01-15: 2019-03, 2019-05, 2019-06",
            Warning(diagnostics, Codes.MissedPeriod, "content/catalogue.yml:3:3").Message);
        Warning(diagnostics, Codes.MissedPeriod, "content/catalogue.yml:6:3");
        Warning(diagnostics, Codes.MissedPeriod, "content/catalogue.yml:9:3");
    }

    [Fact]
    [Trait("Code", "GZ0607")]
    public void Counting_in_years_the_holiday_table_lacks_is_said_once()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("跨年的方案", "genre: 方案", "written: 2027-12-20", "published: 2028-01-05")}
            -- content/documents/b.md --
            {TestSite.Document("次年的方案", "genre: 方案", "written: 2028-03-01", "published: 2028-03-02")}
            -- content/documents/c.md --
            {TestSite.Document("同日的方案", "genre: 方案", "written: 2029-03-01", "published: 2029-03-01")}
            """);

        var (report, diagnostics) = Check(site);

        AssertCounts(report);
        Assert.Equal([2027, 2028], report.YearsWithoutHolidays);
        var warning = Warning(diagnostics, Codes.NoHolidayData, "content/documents/a.md:5:1");
        Assert.StartsWith("working days in 2027, 2028 were counted as Monday to Friday", warning.Message);
        Assert.Contains("content/holidays.yml", warning.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void A_working_day_in_content_holidays_yml_that_is_a_weekday_fails_the_build()
    {
        using var site = new TestSite($$"""
            -- content/holidays.yml --
            - year: 2019
              holidays:
                - {name: 国庆节, from: 2019-10-01, to: 2019-10-07}
              workdays: [2019-09-29, 2019-10-11]
            -- content/documents/a.md --
            {{TestSite.Document("测试方案", "genre: 方案")}}
            """);

        var error = BadSite.Fails(site, Codes.InvalidValue, "content/holidays.yml", 4, 26);
        Assert.Equal("2019-10-11 is a Friday: only a Saturday or a Sunday can be made a working day", error.Message);
    }

    [Fact]
    [Trait("Code", "GZ0601")]
    public void Build_prints_the_findings_as_warnings_and_still_writes_the_site()
    {
        using var site = new TestSite($"""
            -- content/documents/late.md --
            {TestSite.Document("逾期的方案", "genre: 方案", "written: 2019-01-02", "published: 2019-06-03", "index_number: 000014350/2019-00001")}
            """);

        var result = site.BuildSuccessfully();

        var warning = TestSite.Single(result, Codes.LatePublication);
        Assert.Equal((Severity.Warning, "content/documents/late.md:5:1"), (warning.Severity, warning.Location.ToString()));
        Assert.True(site.OutputExists("documents/000014350/2019-00001/index.html"));
    }

    private static (CheckReport Report, IReadOnlyList<Diagnostic> Diagnostics) Check(TestSite site)
    {
        var result = new BuildPipeline().Check(site.Options);
        Assert.True(result.Succeeded, "the check failed:\n" + string.Join("\n", result.Diagnostics));
        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.False(Directory.Exists(site.Output), "gazette check wrote the site");
        return (result.Report!, result.Diagnostics);
    }

    /// <summary>The one warning with <paramref name="code"/> at <paramref name="at"/> (path:line:col).</summary>
    private static Diagnostic Warning(IReadOnlyList<Diagnostic> diagnostics, DiagnosticCode code, string at)
    {
        var matching = diagnostics.Where(d => d.Code == code && d.Location.ToString() == at).ToList();
        Assert.True(matching.Count == 1, $"expected one {code.Id} at {at}, got:\n" + string.Join("\n", diagnostics));
        Assert.Equal(Severity.Warning, matching[0].Severity);
        return matching[0];
    }

    private static void AssertCounts(CheckReport report, int late = 0, int lateInterpretation = 0, int policy = 0, int successor = 0,
        int summary = 0, int missed = 0)
    {
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["late_publication"] = late,
                ["late_interpretation"] = lateInterpretation,
                ["policy_without_interpretation"] = policy,
                ["missing_successor"] = successor,
                ["missing_summary"] = summary,
                ["missed_period"] = missed,
            },
            FindingKind.All.ToDictionary(k => k.Id, report.Count));
    }
}
