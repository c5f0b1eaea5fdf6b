using System.Text.Json;
using Gazette.Cli;
using Gazette.Pipeline;
using Gazette.Tests.Support;
using Spectre.Console;

namespace Gazette.Tests.Cli;

/// <summary><c>gazette check</c> end to end: a small site with one finding of each kind, its console report, JSON and HTML.</summary>
public sealed class CheckCommandTests
{
    private static TestSite SiteWithEveryKind() => new($"""
        -- content/catalogue.yml --
        - id: yuebao
          name: 空气质量月报
          period: monthly
        -- content/documents/late.md --
        {TestSite.Document("逾期的方案", "genre: 方案", "written: 2019-09-20", "published: 2019-10-24", "catalogue: [yuebao]")}
        -- content/documents/policy.md --
        {TestSite.Document("有解读的通知", "written: 2019-09-27", "published: 2019-09-27")}
        -- content/documents/jiedu.md --
        {TestSite.Document("迟到的解读", "genre: 政策解读", "written: 2019-10-09", "published: 2019-10-09", "interprets: policy")}
        -- content/documents/alone.md --
        {TestSite.Document("没有解读的通知", "issuers: city-gov", "written: 2019-12-02", "published: 2019-12-02")}
        -- content/documents/repealed.md --
        {TestSite.Document("已废止的方案", "genre: 方案", "validity: {status: 废止, date: 2019-06-01}")}
        -- content/documents/no-summary.md --
        {TestSite.Document("没有概述的方案", "genre: 方案", "summary: -")}
        """);

    [Fact]
    public void Check_writes_a_json_report_per_organ_and_kind_and_exits_0_on_warnings()
    {
        using var site = SiteWithEveryKind();
        var json = Path.Combine(site.Root, "reports/check.json");
        var html = Path.Combine(site.Root, "reports/check.html");

        var exit = GazetteCommand.Create().Parse(["check", "--root", site.Root, "--json", json, "--html", html]).Invoke();

        Assert.Equal(GazetteCommand.Success, exit);
        Assert.False(Directory.Exists(site.Output), "check must not write the site");
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("2019-12-02", root.GetProperty("reference_date").GetString());
        Assert.Equal(6, root.GetProperty("documents_checked").GetInt32());
        Assert.Equal(20, root.GetProperty("limits").GetProperty("publication_working_days").GetInt32());
        var counts = root.GetProperty("counts");
        Assert.Equal(6, counts.GetProperty("total").GetInt32());
        foreach (var kind in new[] { "late_publication", "late_interpretation", "policy_without_interpretation", "missing_successor", "missing_summary", "missed_period" })
        {
            Assert.Equal(1, counts.GetProperty(kind).GetInt32());
        }

        var organs = root.GetProperty("organs").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!);
        Assert.Equal(["city-gov", "city-office", "no-code"], organs.Keys);
        Assert.Equal((1, 5, 0), (organs["city-gov"].GetProperty("count").GetInt32(), organs["city-office"].GetProperty("count").GetInt32(),
            organs["no-code"].GetProperty("count").GetInt32()));
        var office = organs["city-office"].GetProperty("findings");

        var late = Assert.Single(office.GetProperty("late_publication").EnumerateArray());
        Assert.Equal("GZ0601", late.GetProperty("code").GetString());
        Assert.Equal("late", late.GetProperty("document_id").GetString());
        Assert.Equal("content/documents/late.md", late.GetProperty("path").GetString());
        Assert.Equal((5, 1), (late.GetProperty("line").GetInt32(), late.GetProperty("column").GetInt32()));
        Assert.Equal(("2019-09-20", "2019-10-24", "2019-10-23"),
            (late.GetProperty("written").GetString(), late.GetProperty("published").GetString(), late.GetProperty("due").GetString()));
        Assert.Equal((21, 20), (late.GetProperty("working_days").GetInt32(), late.GetProperty("limit").GetInt32()));

        var interpretation = Assert.Single(office.GetProperty("late_interpretation").EnumerateArray());
        Assert.Equal(("jiedu", "policy", "2019-09-27", 4),
            (interpretation.GetProperty("document_id").GetString(), interpretation.GetProperty("policy_id").GetString(),
             interpretation.GetProperty("policy_published").GetString(), interpretation.GetProperty("working_days").GetInt32()));

        var policy = Assert.Single(organs["city-gov"].GetProperty("findings").GetProperty("policy_without_interpretation").EnumerateArray());
        Assert.Equal(("alone", "通知", 7), (policy.GetProperty("document_id").GetString(), policy.GetProperty("genre").GetString(), policy.GetProperty("line").GetInt32()));

        var successor = Assert.Single(office.GetProperty("missing_successor").EnumerateArray());
        Assert.Equal(("repealed", "废止", "2019-06-01"),
            (successor.GetProperty("document_id").GetString(), successor.GetProperty("validity").GetString(), successor.GetProperty("validity_date").GetString()));

        var summary = Assert.Single(office.GetProperty("missing_summary").EnumerateArray());
        Assert.Equal(("no-summary", 2), (summary.GetProperty("document_id").GetString(), summary.GetProperty("line").GetInt32()));

        var missed = Assert.Single(office.GetProperty("missed_period").EnumerateArray());
        Assert.Equal(("yuebao", "monthly", "content/catalogue.yml", 3), (missed.GetProperty("entry_id").GetString(),
            missed.GetProperty("period").GetString(), missed.GetProperty("path").GetString(), missed.GetProperty("line").GetInt32()));
        Assert.Equal(["2019-11"], missed.GetProperty("missed_periods").EnumerateArray().Select(p => p.GetString()));
        Assert.False(missed.TryGetProperty("document_id", out _));
        Assert.False(late.TryGetProperty("missed_periods", out _));

        var page = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("迟到的解读", page);
        Assert.Contains("content/documents/late.md:5:1", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("<link", page);
        Assert.DoesNotContain("src=", page);
        Assert.DoesNotContain("http://", page);
        Assert.DoesNotContain("https://", page);
    }

    [Fact]
    public void The_console_report_groups_findings_by_organ_in_plain_lines()
    {
        using var site = SiteWithEveryKind();
        var (console, output) = PlainConsole.Create();

        var exit = GazetteCommand.Check(BuildOptions.ForSite(site.Root), null, null, console);

        Assert.Equal(GazetteCommand.Success, exit);
        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var gov = lines.IndexOf("测试市人民政府 (city-gov): 1 warning(s)");
        var office = lines.IndexOf("测试市人民政府办公室 (city-office): 5 warning(s)");
        Assert.True(gov >= 0 && office > gov, output.ToString());
        Assert.Contains("    content/documents/alone.md:7:1: alone: this 通知 is a policy document (规范性文件), but no published interpretation explains it", lines);
        Assert.Contains(lines, l => l.StartsWith("    content/documents/late.md:5:1: late: published 2019-10-24, 21 working days after", StringComparison.Ordinal));
        Assert.Contains("nothing found for: 没有代码的机构", lines);
        Assert.Contains("6 warning(s): late_publication 1, late_interpretation 1, policy_without_interpretation 1, missing_successor 1, missing_summary 1, missed_period 1", lines);
        Assert.DoesNotContain('\u001b', output.ToString());
    }

    [Fact]
    public void Check_exits_1_and_writes_no_report_when_the_content_has_errors()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("日期有误的通知", "published: 2019-02-30")}
            """);
        var json = Path.Combine(site.Root, "check.json");
        var (console, output) = PlainConsole.Create();

        var exit = GazetteCommand.Check(BuildOptions.ForSite(site.Root), json, null, console);

        Assert.Equal(GazetteCommand.ContentErrors, exit);
        Assert.False(File.Exists(json));
        Assert.Contains("content/documents/a.md:5:12: error: 'published' must be a date like 2019-07-19", output.ToString());
    }
}
