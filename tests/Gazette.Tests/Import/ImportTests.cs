using Gazette.Cli;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Import;

/// <summary>
/// <c>gazette import</c> on real files: three seeds (plain text) and five laws-zh files with a db.sqlite3 cut down to their rows
/// (tests/corpora/import/), front matter asserted field by field, and the imported site built.
/// </summary>
public sealed class ImportTests
{
    private static readonly string Fixtures = Path.Combine(Repository.Root, "tests/corpora/import");

    private const string Organs = """
        - {id: tongliang-gov-office, name: 重庆市铜梁区人民政府办公室, short_name: 铜梁区政府办公室, code: "009287554"}
        - {id: luan-gov-office, name: 六安市人民政府办公室, code: "003124578"}
        - {id: liaocheng-gov-office, name: 聊城市人民政府办公室, code: "004254315"}
        - {id: npc, name: 全国人民代表大会, code: "000000001"}
        - {id: npcsc, name: 全国人民代表大会常务委员会, code: "000000002"}
        - {id: state-council, name: 中华人民共和国国务院, short_name: 国务院, code: "000000003"}
        - {id: spp, name: 最高人民检察院, code: "000000005"}
        - {id: ministries, name: 国务院各部门, code: "000000007"}
        """;

    private static TestSite Site() => new($"""
        -- content/organs.yml --
        {Organs}
        """);

    private static (int Exit, string Output) Import(TestSite site, string folder, params string[] options)
    {
        var (console, output) = PlainConsole.Create();
        string? Option(string name) => Array.IndexOf(options, name) is var at and >= 0 ? options[at + 1] : null;
        var exit = GazetteCommand.Import(folder, BuildOptions.ForSite(site.Root), null, Option("--organ"), Option("--topic"), null, quiet: false, verbose: false, console);
        return (exit, output.ToString());
    }

    private static ImportedFile Imported(TestSite site, string source, int year) =>
        new(Path.Combine(site.Root, "content/documents/imported", year.ToString(System.Globalization.CultureInfo.InvariantCulture), Gazette.Import.ImportArchive.IdOf(source) + ".md"));

    [Fact]
    public void A_plain_text_notice_gets_its_number_title_organ_and_date_from_where_they_stand()
    {
        using var site = Site();

        var (exit, _) = Import(site, Path.Combine(Fixtures, "seeds"), "--topic", "综合政务");

        Assert.Equal(GazetteCommand.Success, exit);
        var file = Imported(site, "tongliang-2019-disclosure-notice.txt", 2019);
        Assert.Equal("\"重庆市铜梁区人民政府办公室关于进一步做好政务公开和政府网站及政务新媒体有关工作的通知\"", file["title"]);
        Assert.Null(file.Todo("title"));
        Assert.Equal("\"铜府办发〔2019〕16号\"", file["doc_number"]);
        Assert.Equal("[tongliang-gov-office]", file["issuers"]);
        Assert.Equal("2019-07-19", file["written"]);
        Assert.Null(file.Todo("written"));
        Assert.Equal("2019-07-19", file["published"]);
        Assert.Contains("暂填成文日期", file.Todo("published"));
        Assert.Equal("\"综合政务\"", file["topic"]);
        Assert.Equal("\"通知\"", file["genre"]);
        Assert.Equal("\"主动公开\"", file["disclosure"]);
        Assert.NotNull(file.Todo("#summary"));
        Assert.Equal("true", file["draft"]);
        Assert.StartsWith("\n各镇人民政府、街道办事处,区政府各部门,有关单位:\n", file.Body);
        Assert.Contains("\n## 一、切实做好政务公开工作\n\n### (一)深化重点领域信息公开\n\n1. 深化营商环境信息公开。", file.Body);
        Assert.Contains("\n2. 加强“三大攻坚战”信息公开。", file.Body);
        Assert.Contains("\n附件:重庆市铜梁区政务新媒体备案表\n", file.Body);
        Assert.EndsWith("\n2019年7月19日\n", file.Body);
    }

    [Fact]
    public void A_web_page_copy_gets_its_publication_date_from_the_page_and_loses_the_page_furniture()
    {
        using var site = Site();

        Import(site, Path.Combine(Fixtures, "seeds"), "--topic", "综合政务");

        var file = Imported(site, "luan-2018-pilot-acceptance.txt", 2018);
        Assert.Equal("\"六安市人民政府办公室关于印发基层政务公开标准化规范化试点验收实施方案的通知\"", file["title"]);
        Assert.Equal("\"六政办秘〔2018〕177号\"", file["doc_number"]);
        Assert.Equal("[luan-gov-office]", file["issuers"]);
        Assert.Equal("2018-09-03", file["written"]);
        Assert.Equal("2018-09-10", file["published"]);
        Assert.Null(file.Todo("published"));
        Assert.Null(file["draft"]);
        Assert.DoesNotContain("您当前的位置", file.Body);
        Assert.DoesNotContain("浏览次数", file.Body);
        Assert.Contains("\n## 一、组织实施\n\n1. 试点单位自查。", file.Body);
        Assert.Contains("\n附件:1.基层政务公开标准化规范化试点验收参考指标\n\n2.基层政务公开标准化规范化试点验收方式及权重\n\n附件1\n", file.Body);
        Assert.Contains("\n| 序号 | 评估验收方式 | 责任主体 | 权重 |\n| --- | --- | --- | --- |\n| 1 | 自查自评 | 各试点县区 | 10% |\n", file.Body);
        Assert.Contains("合并的单元格", file.Todo("#body"));
        Assert.Contains("<!-- TODO(import): 这里的表格在原文中每格占一行", file.Body);
    }

    [Fact]
    public void Tab_separated_lines_become_a_table_and_markdown_characters_show_as_written()
    {
        var notes = new List<string>();

        var markdown = Gazette.Import.OutlineConverter.Convert(["项目\t金额", "办公费\t1,200", "*合计*\t<b>1,200</b>", "- 不是列表", "2019. 不是列表"], notes);

        Assert.Equal("| 项目 | 金额 |\n| --- | --- |\n| 办公费 | 1,200 |\n| \\*合计\\* | \\<b\\>1,200\\</b\\> |\n\n\\- 不是列表\n\n2019\\. 不是列表\n", markdown);
        Assert.Empty(notes);
    }

    [Fact]
    public void A_document_without_any_date_gets_a_marked_stand_in_and_stays_a_draft()
    {
        using var site = Site();

        Import(site, Path.Combine(Fixtures, "seeds"), "--topic", "综合政务");

        var file = Imported(site, "liaocheng-2018-disclosure-plan.txt", 2018);
        Assert.Equal("\"聊城市人民政府办公室关于印发《聊城市全面推进政务公开工作实施方案》的通知\"", file["title"]);
        Assert.Null(file["doc_number"]);
        Assert.Equal("2018-01-01", file["written"]);
        Assert.Contains("找不到成文日期", file.Todo("written"));
        Assert.Equal("true", file["draft"]);
        Assert.Contains("\n#### 1.聚焦新旧动能转换、乡村振兴做好公开\n\n##### (1)围绕全市新旧动能转换重大工程做好公开\n", file.Body);
        var report = File.ReadAllText(Path.Combine(site.Root, "import-report.tsv"));
        Assert.Contains(Gazette.Import.ImportArchive.IdOf("liaocheng-2018-disclosure-plan.txt") + ".md\tliaocheng-2018-disclosure-plan.txt\twritten\tyes\t", report);
    }

    [Fact]
    public void A_law_gets_its_adoption_date_organ_and_a_genre_added_to_the_site()
    {
        using var site = Site();

        var (exit, output) = Import(site, Path.Combine(Fixtures, "laws-zh"), "--organ", "ministries");

        Assert.Equal(GazetteCommand.Success, exit);
        Assert.Contains("imported 5 documents", output);
        var file = Imported(site, "宪法相关法/人民法院组织法(2018-10-26).md", 2018);
        Assert.Equal("\"中华人民共和国人民法院组织法\"", file["title"]);
        Assert.Null(file["doc_number"]);
        Assert.Equal("[npcsc]", file["issuers"]);
        Assert.Null(file.Todo("issuers"));
        Assert.Equal("2018-10-26", file["written"]);
        Assert.Equal("2018-10-26", file["published"]);
        Assert.Equal("\"法律\"", file["genre"]);
        Assert.Equal("有效", file["validity"]);
        Assert.Equal("\"其他\"", file["topic"]);
        Assert.Equal("true", file["draft"]);
        Assert.StartsWith("\n## 第一章 总则\n\n第一条 为了规范人民法院的设置", file.Body);
        Assert.Contains("- {id: falv, name: 法律}", File.ReadAllText(Path.Combine(site.Root, "content/genres.yml")));
    }

    [Fact]
    public void A_regulation_gets_its_order_number_and_the_organ_given_for_a_body_not_in_organs_yml()
    {
        using var site = Site();

        Import(site, Path.Combine(Fixtures, "laws-zh"), "--organ", "ministries", "--topic", "工业、交通");

        var file = Imported(site, "行政法规/上海航运交易所管理规定(1996-10-03).md", 1996);
        Assert.Equal("\"中华人民共和国交通部令第8号\"", file["doc_number"]);
        Assert.Equal("1996-09-19", file["written"]);
        Assert.Equal("1996-10-03", file["published"]);
        Assert.Equal("[ministries]", file["issuers"]);
        Assert.Contains("中华人民共和国交通部令第8号发布", file.Todo("issuers"));
        Assert.Equal("\"规定\"", file["genre"]);
        Assert.Equal("{imported_from: \"行政法规/上海航运交易所管理规定(1996-10-03).md\"}", file["extra"]);
    }

    [Fact]
    public void An_expired_version_is_amended_by_the_next_version_and_one_without_a_successor_is_a_draft()
    {
        using var site = Site();

        Import(site, Path.Combine(Fixtures, "laws-zh"), "--organ", "ministries", "--topic", "综合政务");

        var old = Imported(site, "宪法相关法/立法法(2015-03-15).md", 2015);
        Assert.Equal("[npc]", old["issuers"]);
        Assert.Equal("2015-03-15", old["written"]);
        Assert.Equal($"{{status: 已修改, date: 2023-03-13, amended_by: {Gazette.Import.ImportArchive.IdOf("宪法相关法/立法法(2023-03-13).md")}}}", old["validity"]);
        Assert.Null(old["draft"]);
        Assert.Equal("有效", Imported(site, "宪法相关法/立法法(2023-03-13).md", 2023)["validity"]);

        var expired = Imported(site, "司法解释/人民检察院民事诉讼监督规则（试行）(2013-11-18).md", 2013);
        Assert.Equal("[spp]", expired["issuers"]);
        Assert.Equal("2013-09-23", expired["written"]);
        Assert.Equal("2013-11-18", expired["published"]);
        Assert.Equal("{status: 失效, date: 2013-09-23}", expired["validity"]);
        Assert.Contains("没有失效日期", expired.Todo("validity"));
        Assert.Equal("true", expired["draft"]);
    }

    [Fact]
    public void The_imported_site_builds_without_errors_and_no_output_file_shows_a_draft()
    {
        using var site = Site();
        Import(site, Path.Combine(Fixtures, "laws-zh"), "--organ", "ministries", "--topic", "综合政务");

        var result = site.BuildSuccessfully();

        Assert.Equal(4, result.Documents);
        Assert.Equal(1, result.Withheld);
        foreach (var path in site.OutputFiles().Where(p => !p.EndsWith(".gz", StringComparison.Ordinal) && !p.EndsWith(".bin", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("人民检察院民事诉讼监督规则", File.ReadAllText(Path.Combine(site.Output, path)));
        }
    }

    [Fact]
    public void Imported_plain_text_documents_build_with_no_warning_about_their_markdown()
    {
        using var site = Site();
        var folder = Path.Combine(site.Root, "incoming");
        Directory.CreateDirectory(folder);
        // Not the Tongliang notice: it becomes a draft, and the theme's search script quotes its number as an example, which the
        // audit rightly refuses for a withheld document.
        foreach (var seed in new[] { "luan-2018-pilot-acceptance.txt", "liaocheng-2018-disclosure-plan.txt" })
        {
            File.Copy(Path.Combine(Fixtures, "seeds", seed), Path.Combine(folder, seed));
        }

        Import(site, folder, "--topic", "综合政务");
        var result = site.BuildSuccessfully();

        Assert.Equal(1, result.Documents);
        Assert.Equal(1, result.Withheld);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code.Id is "GZ0311" or "GZ0312" or "GZ0006");
        var page = site.OutputFiles().Single(p => p.StartsWith("documents/003124578/2018-", StringComparison.Ordinal) && p.EndsWith("index.html", StringComparison.Ordinal));
        var html = site.ReadOutput(page);
        Assert.Contains("<h2", html);
        Assert.Contains("<td>自查自评</td>", html);
        Assert.DoesNotContain("TODO(import)", html);
    }

    [Fact]
    public void A_second_import_keeps_the_files_already_there()
    {
        using var site = Site();
        Import(site, Path.Combine(Fixtures, "seeds"), "--topic", "综合政务");
        var path = Path.Combine(site.Root, "content/documents/imported/2018", Gazette.Import.ImportArchive.IdOf("luan-2018-pilot-acceptance.txt") + ".md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"综合政务\"", "\"其他\"", StringComparison.Ordinal));

        var (exit, output) = Import(site, Path.Combine(Fixtures, "seeds"), "--topic", "综合政务");

        Assert.Equal(GazetteCommand.Success, exit);
        Assert.Contains("imported 0 documents", output);
        Assert.Contains("3 already there and kept", output);
        Assert.Contains("\"其他\"", File.ReadAllText(path));
    }

    [Fact]
    public void Progress_is_a_plain_line_when_not_on_a_terminal_and_quiet_prints_nothing()
    {
        using var site = Site();
        var (console, output) = PlainConsole.Create();

        GazetteCommand.Import(Path.Combine(Fixtures, "seeds"), BuildOptions.ForSite(site.Root), null, null, "综合政务", null, quiet: true, verbose: false, console);

        Assert.Equal("", output.ToString());
        using var again = Site();
        var (_, shown) = Import(again, Path.Combine(Fixtures, "seeds"), "--topic", "综合政务");
        Assert.Contains("imported 3 of 3 files…\n", shown);
        Assert.Contains("imported 3 documents (2 as drafts until reviewed)", shown);
    }

    [Fact]
    public void An_unknown_organ_option_or_a_missing_folder_is_refused_before_anything_is_written()
    {
        using var site = Site();

        Assert.Equal(GazetteCommand.ImportUsage, Import(site, Path.Combine(Fixtures, "seeds"), "--organ", "nobody").Exit);
        Assert.Equal(GazetteCommand.ImportUsage, Import(site, Path.Combine(Fixtures, "no-such-folder")).Exit);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "content/documents/imported")));
    }

    [Fact]
    public void A_document_whose_organ_is_unknown_without_organ_option_exits_with_one_and_names_the_file()
    {
        using var site = Site();

        var (exit, output) = Import(site, Path.Combine(Fixtures, "laws-zh"));

        Assert.Equal(GazetteCommand.ContentErrors, exit);
        Assert.Contains(Gazette.Import.ImportArchive.IdOf("行政法规/上海航运交易所管理规定(1996-10-03).md") + ".md: needs an organ", output);
    }
}
