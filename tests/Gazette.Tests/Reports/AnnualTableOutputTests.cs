using System.Text;
using Gazette.Model;
using Gazette.Reports;
using Gazette.Tests.Stages;

namespace Gazette.Tests.Reports;

/// <summary>Table 二 written out: Markdown in the national format with its note, and CSV with a byte order mark and CRLF.</summary>
public sealed class AnnualTableOutputTests
{
    private static readonly SiteConfiguration Config = Stage.Config();

    /// <summary>2019 of a site with one 规章 made, two normative documents made before, one of them repealed in 2019.</summary>
    private static AnnualTable Table2019(Organ? organ = null) => new CountAnnualTable().Run(Config,
    [
        Stage.Document("rules") with { Genre = "banfa", LegalForm = LegalForm.Rules, Written = new DateOnly(2019, 5, 1), Published = new DateOnly(2019, 5, 6) },
        Stage.Document("old") with { Written = new DateOnly(2018, 3, 1), Published = new DateOnly(2018, 3, 2) },
        Stage.Document("repealed") with
        {
            Written = new DateOnly(2018, 4, 1), Published = new DateOnly(2018, 4, 2),
            Validity = new Validity(ValidityStatus.Repealed, new DateOnly(2019, 9, 1), null, null, null),
        },
    ], 2019, organ);

    private static string[] Lines(string text) => text.Split('\n');

    [Fact]
    public void The_markdown_has_a_heading_and_the_table_with_the_national_column_headers()
    {
        var lines = Lines(AnnualTableMarkdown.Write(Table2019()));

        Assert.Equal("# 测试公报 2019年政府信息公开工作年度报告（表二）", lines[0]);
        Assert.Contains("## 二、主动公开政府信息情况", lines);
        var first = Array.IndexOf(lines, "**第二十条第（一）项**");
        Assert.True(first > 0, string.Join("\n", lines));
        Assert.Equal(
        [
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "| :--- | ---: | ---: | ---: |",
            "| 规章 | 1 | 0 | 1 |",
            "| 行政规范性文件 | 0 | 1 | 1 |",
            "",
        ], lines[(first + 2)..(first + 7)]);
    }

    [Fact]
    public void The_rows_that_do_not_follow_from_documents_are_left_empty_and_the_note_says_so()
    {
        var markdown = AnnualTableMarkdown.Write(Table2019());

        Assert.Contains("**第二十条第（五）项**\n\n| 信息内容 | 本年处理决定数量 |\n| :--- | ---: |\n| 行政许可 |  |\n", markdown);
        Assert.Contains("| 行政处罚 |  |\n| 行政强制 |  |\n", markdown);
        Assert.Contains("| 信息内容 | 本年收费金额（单位：万元） |\n| :--- | ---: |\n| 行政事业性收费 |  |\n", markdown);
        Assert.Contains("行政许可、行政处罚、行政强制和行政事业性收费数据不能由文件的元数据得出，本表留空", markdown);
    }

    [Fact]
    public void The_note_gives_the_date_of_the_data_how_it_was_counted_and_the_sum_behind_each_in_force_count()
    {
        var markdown = AnnualTableMarkdown.Write(Table2019());

        Assert.Contains("本站全部发布机构的主动公开文件，依申请公开和不予公开的文件不计入。", markdown);
        Assert.Contains("数据截至 2019-05-06（本站最近一份文件的发布日期），2019年此后制发或废止的文件未计入。", markdown);
        Assert.Contains("决定、命令、通告、意见、通知、办法、规定、细则等文种的文件计为行政规范性文件", markdown);
        Assert.Contains("本年制发件数按成文日期在2019年内的文件计", markdown);
        Assert.Contains("（规章：0 + 1 − 0 = 1；行政规范性文件：2 + 0 − 1 = 1）", markdown);
        Assert.EndsWith("请按本机关的办理和收费统计填写。\n", markdown);
    }

    [Fact]
    public void A_year_the_data_cover_whole_is_not_said_to_be_partial()
    {
        var markdown = AnnualTableMarkdown.Write(new CountAnnualTable().Run(Config, [Stage.Document("a") with { Published = new DateOnly(2020, 1, 6) }], 2019));

        Assert.Contains("数据截至 2020-01-06（本站最近一份文件的发布日期）。", markdown);
        Assert.DoesNotContain("未计入。", markdown.Replace("依申请公开和不予公开的文件不计入。", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_site_with_nothing_published_says_so()
    {
        var markdown = AnnualTableMarkdown.Write(new CountAnnualTable().Run(Config, [], 2019));

        Assert.Contains("本站尚无主动公开的文件。", markdown);
        Assert.Contains("| 行政规范性文件 | 0 | 0 | 0 |", markdown);
        Assert.DoesNotContain("数据截至", markdown);
    }

    [Fact]
    public void An_organs_table_is_headed_by_its_name_and_counts_it_as_leading_organ()
    {
        var markdown = AnnualTableMarkdown.Write(Table2019(Config.FindOrgan("city-office")));

        Assert.StartsWith("# 测试市人民政府办公室 2019年政府信息公开工作年度报告（表二）\n", markdown);
        Assert.Contains("测试市人民政府办公室作为主办机关（联合发文的第一个发文机关）的主动公开文件", markdown);
    }

    [Fact]
    public void Names_with_markdown_punctuation_are_escaped()
    {
        var organ = new Organ("odd", "A*B_C [D] <E> | F \\ `G`", "odd", null);

        var markdown = AnnualTableMarkdown.Write(new CountAnnualTable().Run(Config, [], 2019, organ));

        Assert.StartsWith("# A\\*B\\_C \\[D\\] \\<E\\> \\| F \\\\ \\`G\\` 2019年", markdown);
    }

    [Fact]
    public void The_csv_starts_with_a_byte_order_mark_and_has_crlf_lines_with_the_national_columns()
    {
        var bytes = AnnualTableCsv.Write(Table2019());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(
            "年度,统计范围,信息内容,本年制发件数,本年废止件数,现行有效件数,数据截至\r\n" +
            "2019,测试公报,规章,1,0,1,2019-05-06\r\n" +
            "2019,测试公报,行政规范性文件,0,1,1,2019-05-06\r\n",
            text);
    }

    [Fact]
    public void A_csv_field_with_a_comma_or_quote_is_quoted()
    {
        var organ = new Organ("odd", "甲,乙\"丙\"", "odd", null);

        var text = Encoding.UTF8.GetString(AnnualTableCsv.Write(new CountAnnualTable().Run(Config, [], 2019, organ))[3..]);

        Assert.Contains("\r\n2019,\"甲,乙\"\"丙\"\"\",规章,0,0,0,\r\n", text);
    }
}
