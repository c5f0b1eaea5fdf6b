using System.Text;
using Gazette.Cli;
using Gazette.Pipeline;
using Gazette.Tests.Support;
using Spectre.Console;

namespace Gazette.Tests.Cli;

/// <summary><c>gazette report annual</c> end to end on a small site: the files it writes, what it prints, and when it refuses.</summary>
public sealed class ReportCommandTests
{
    /// <summary>
    /// 2018: two normative documents of city-office (one repealed in 2019), one withheld. 2019: a 规章 of city-gov, a joint
    /// 意见 led by city-gov with city-office, a 方案 (not counted).
    /// </summary>
    private static TestSite Site() => new($"""
        -- content/documents/old.md --
        {TestSite.Document("二〇一八年的通知", "written: 2018-03-01", "published: 2018-03-02")}
        -- content/documents/repealed.md --
        {TestSite.Document("二〇一八年的办法", "genre: 办法", "written: 2018-06-01", "published: 2018-06-04", "validity: {status: 废止, date: 2019-08-01, repealed_by: rules}")}
        -- content/documents/withheld.md --
        {TestSite.Document("不予公开的秘密通知", "written: 2018-07-01", "published: 2018-07-02", "disclosure: 不予公开", "disclosure_reason: 涉密")}
        -- content/documents/rules.md --
        {TestSite.Document("测试市市容管理办法", "issuers: city-gov", "genre: 办法", "legal_form: 规章", "written: 2019-05-10", "published: 2019-05-20")}
        -- content/documents/joint.md --
        {TestSite.Document("联合印发的意见", "issuers: [city-gov, city-office]", "genre: 意见", "written: 2019-06-01", "published: 2019-06-03")}
        -- content/documents/plan.md --
        {TestSite.Document("工作方案", "genre: 方案", "written: 2019-07-01", "published: 2019-07-02")}
        """);

    [Fact]
    public void Report_annual_writes_the_markdown_and_a_csv_with_byte_order_mark_into_the_output_folder()
    {
        using var site = Site();
        var output = Path.Combine(site.Root, "reports");

        var exit = GazetteCommand.Create().Parse(["report", "annual", "--root", site.Root, "--year", "2019", "--output", output, "--quiet"]).Invoke();

        Assert.Equal(GazetteCommand.Success, exit);
        Assert.Equal(["annual-report-2019-table2.csv", "annual-report-2019-table2.md"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var csv = File.ReadAllBytes(Path.Combine(output, "annual-report-2019-table2.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Equal(
            "年度,统计范围,信息内容,本年制发件数,本年废止件数,现行有效件数,数据截至\r\n2019,测试公报,规章,1,0,1,2019-07-02\r\n2019,测试公报,行政规范性文件,1,1,2,2019-07-02\r\n",
            Encoding.UTF8.GetString(csv[3..]));
        var markdown = File.ReadAllBytes(Path.Combine(output, "annual-report-2019-table2.md"));
        Assert.NotEqual(0xEF, markdown[0]);
        var text = Encoding.UTF8.GetString(markdown);
        Assert.StartsWith("# 测试公报 2019年政府信息公开工作年度报告（表二）\n", text);
        Assert.Contains("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| :--- | ---: | ---: | ---: |\n| 规章 | 1 | 0 | 1 |\n| 行政规范性文件 | 1 | 1 | 2 |\n", text);
        Assert.DoesNotContain("秘密", text);
        Assert.False(Directory.Exists(site.Output), "report must not build the site");
    }

    [Fact]
    public void The_markdown_is_printed_as_written_unless_quiet()
    {
        using var site = Site();
        var folder = Path.Combine(site.Root, "out");
        var (console, output) = PlainConsole.Create();

        var exit = GazetteCommand.ReportAnnual(BuildOptions.ForSite(site.Root), 2018, null, folder, quiet: false, console);

        Assert.Equal(GazetteCommand.Success, exit);
        var markdown = File.ReadAllText(Path.Combine(folder, "annual-report-2018-table2.md"));
        Assert.StartsWith(markdown, output.ToString());
        Assert.Contains("| 行政规范性文件 | 2 | 0 | 2 |", markdown);
        Assert.Contains("wrote " + Path.Combine(folder, "annual-report-2018-table2") + ".md and .csv", output.ToString());

        var (quietConsole, quietOutput) = PlainConsole.Create();
        Assert.Equal(GazetteCommand.Success, GazetteCommand.ReportAnnual(BuildOptions.ForSite(site.Root), 2018, null, folder, quiet: true, quietConsole));
        Assert.Equal("", quietOutput.ToString());
    }

    [Fact]
    public void An_organ_report_is_named_after_the_organ_and_counts_the_documents_it_leads()
    {
        using var site = Site();
        var folder = Path.Combine(site.Root, "out");

        var exit = GazetteCommand.Create().Parse(["report", "annual", "--root", site.Root, "--year", "2019", "--organ", "city-office", "--output", folder, "-q"]).Invoke();

        Assert.Equal(GazetteCommand.Success, exit);
        var csv = File.ReadAllText(Path.Combine(folder, "annual-report-2019-city-office-table2.csv"));
        Assert.Contains("2019,测试市人民政府办公室,规章,0,0,0,2019-07-02\r\n2019,测试市人民政府办公室,行政规范性文件,0,1,1,2019-07-02\r\n", csv);
        Assert.StartsWith("# 测试市人民政府办公室 2019年", File.ReadAllText(Path.Combine(folder, "annual-report-2019-city-office-table2.md")));
    }

    [Fact]
    public void An_organ_not_in_organs_yml_is_an_error_with_a_hint_and_nothing_is_written()
    {
        using var site = Site();
        var folder = Path.Combine(site.Root, "out");
        var (console, output) = PlainConsole.Create();

        var exit = GazetteCommand.ReportAnnual(BuildOptions.ForSite(site.Root), 2019, "city-ofice", folder, quiet: false, console);

        Assert.Equal(GazetteCommand.ContentErrors, exit);
        Assert.False(Directory.Exists(folder));
        Assert.Contains("content/organs.yml:1:1: error: the organ 'city-ofice' given with --organ is not defined in organs.yml [GZ0201]\n  hint: did you mean 'city-office'?", output.ToString());
    }

    [Fact]
    public void Content_errors_are_printed_like_build_errors_and_nothing_is_written()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("日期有误的通知", "written: 2019-03-01", "validity: {status: 废止, date: 2019-02-01}")}
            -- content/documents/b.md --
            {TestSite.Document("类别有误的通知", "legal_form: 法律")}
            """);
        var folder = Path.Combine(site.Root, "out");
        var (console, output) = PlainConsole.Create();

        var exit = GazetteCommand.ReportAnnual(BuildOptions.ForSite(site.Root), 2019, null, folder, quiet: false, console);

        Assert.Equal(GazetteCommand.ContentErrors, exit);
        Assert.False(Directory.Exists(folder));
        var printed = output.ToString();
        Assert.Contains("content/documents/a.md:10:30: error: the document is marked 废止 from 2019-02-01, before it was written on 2019-03-01 [GZ0108]", printed);
        Assert.Contains("content/documents/b.md:10:13: error: 'legal_form' cannot be \"法律\" [GZ0105]", printed);
        Assert.Contains("report failed: 2 error(s)", printed);
        Assert.DoesNotContain("| 信息内容 |", printed);
    }

    [Fact]
    public void A_year_out_of_range_is_refused_by_the_command_line()
    {
        using var site = Site();

        var exit = GazetteCommand.Create().Parse(["report", "annual", "--root", site.Root, "--year", "19", "--output", site.Root]).Invoke();

        Assert.NotEqual(GazetteCommand.Success, exit);
        Assert.Empty(Directory.GetFiles(site.Root, "annual-report-*"));
    }

    [Fact]
    public void A_second_run_replaces_the_files_and_leaves_no_temporary_file()
    {
        using var site = Site();
        var folder = Path.Combine(site.Root, "out");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "annual-report-2019-table2.md"), "old");

        var exit = GazetteCommand.Create().Parse(["report", "annual", "--root", site.Root, "--year", "2019", "--output", folder, "-q"]).Invoke();

        Assert.Equal(GazetteCommand.Success, exit);
        Assert.StartsWith("# 测试公报", File.ReadAllText(Path.Combine(folder, "annual-report-2019-table2.md")));
        Assert.Equal(2, Directory.GetFiles(folder).Length);
    }
}
