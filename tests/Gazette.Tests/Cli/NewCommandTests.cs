using Gazette.Cli;
using Gazette.Scaffold;
using Gazette.Tests.Support;

namespace Gazette.Tests.Cli;

/// <summary><c>gazette new document|interpretation|issue</c> on a small site: what each writes, and that the site still builds.</summary>
public sealed class NewCommandTests
{
    private static readonly DateOnly Today = new(2019, 6, 3);

    private static TestSite Site() => new($"""
        -- content/documents/policy.md --
        {TestSite.Document("测试市人民政府办公室关于加强管理的通知", "index_number: 000014350/2019-00007", "written: 2019-05-10", "published: 2019-05-13")}
        -- content/documents/derived.md --
        {TestSite.Document("没有写索引号的通知", "written: 2019-04-01", "published: 2019-04-02")}
        -- content/gazettes/2018/4.yml --
        issue: 4
        total: 12
        date: 2018-12-28
        sections: [市政府文件, 市政府办公室文件, 政策解读]
        """);

    private static (int Exit, string Output) New(TestSite site, NewFileKind kind, string? organ = null, string? interprets = null, string? title = null)
    {
        var (console, output) = PlainConsole.Create();
        var exit = GazetteCommand.New(kind, site.Options, organ, interprets, title, Today, console);
        return (exit, output.ToString());
    }

    [Fact]
    public void A_new_document_takes_the_next_free_index_number_of_its_organ_and_year_and_the_site_still_builds()
    {
        using var site = Site();

        var (exit, output) = New(site, NewFileKind.Document, organ: "city-office", title: "测试市人民政府办公室关于新事项的通知");

        Assert.Equal(GazetteCommand.Success, exit);
        Assert.Contains("index number 000014350/2019-00008", output);
        var text = File.ReadAllText(Path.Combine(site.Root, "content/documents/2019/city-office-2019-00008.md"));
        Assert.Contains("\ntitle: \"测试市人民政府办公室关于新事项的通知\"  # 标题：", text);
        Assert.Contains("\nindex_number: 000014350/2019-00008  # 索引号：", text);
        Assert.Contains("\nissuers: [city-office]  # 发布机构：", text);
        Assert.Contains("\nwritten: 2019-06-03  # 成文日期：", text);
        Assert.Contains("\npublished: 2019-06-03  # 发布日期：", text);
        Assert.Contains("\ndisclosure: 主动公开  # 公开属性：", text);
        Assert.Contains("\ndraft: true  # 草稿：", text);
        var result = site.BuildSuccessfully();
        Assert.Equal(1, result.Withheld);
        Assert.DoesNotContain(site.OutputFiles(), p => File.ReadAllText(Path.Combine(site.Output, p)).Contains("新事项", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_new_document_takes_the_number_after_the_first()
    {
        using var site = Site();

        New(site, NewFileKind.Document, organ: "city-office");
        var (_, output) = New(site, NewFileKind.Document, organ: "city-office");

        Assert.Contains("index number 000014350/2019-00009", output);
        Assert.True(File.Exists(Path.Combine(site.Root, "content/documents/2019/city-office-2019-00009.md")));
        site.BuildSuccessfully();
    }

    [Fact]
    public void A_new_interpretation_names_its_policy_takes_its_organ_and_says_so()
    {
        using var site = Site();

        var (exit, output) = New(site, NewFileKind.Interpretation, interprets: "policy");

        Assert.Equal(GazetteCommand.Success, exit);
        Assert.Contains("interprets policy (测试市人民政府办公室关于加强管理的通知)", output);
        var text = File.ReadAllText(Path.Combine(site.Root, "content/documents/2019/city-office-2019-00008.md"));
        Assert.Contains("\ninterprets: policy  # 解读对象：", text);
        Assert.Contains("\ngenre: \"政策解读\"", text);
        Assert.Contains("\ntitle: \"《测试市人民政府办公室关于加强管理的通知》政策解读\"", text);
        Assert.Contains("(doc:policy)", text);
        site.BuildSuccessfully();
    }

    [Fact]
    public void A_new_interpretation_of_a_document_that_does_not_exist_is_refused()
    {
        using var site = Site();

        var (exit, output) = New(site, NewFileKind.Interpretation, interprets: "no-such-policy");

        Assert.Equal(GazetteCommand.ContentErrors, exit);
        Assert.Contains("--interprets no-such-policy: no document has this id", output);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "content/documents/2019")));
    }

    [Fact]
    public void A_new_document_of_an_organ_without_a_code_is_refused()
    {
        using var site = Site();

        var (exit, output) = New(site, NewFileKind.Document, organ: "no-code");

        Assert.Equal(GazetteCommand.ContentErrors, exit);
        Assert.Contains("has no code", output);
    }

    [Fact]
    public void A_new_issue_is_the_first_of_the_year_with_the_next_total_and_the_sections_of_the_previous_issue()
    {
        using var site = Site();

        var (exit, output) = New(site, NewFileKind.Issue);

        Assert.Equal(GazetteCommand.Success, exit);
        Assert.Contains("issue 2019/1, sections of 2018/4", output);
        var text = File.ReadAllText(Path.Combine(site.Root, "content/gazettes/2019/1.yml"));
        Assert.Contains("\nissue: 1  # 期号：", text);
        Assert.Contains("\ntotal: 13  # 总期号", text);
        Assert.Contains("\ndate: 2019-06-03  # 出版日期", text);
        Assert.Contains("\nsections: [\"市政府文件\", \"市政府办公室文件\", \"政策解读\"]  # 栏目：", text);
        site.BuildSuccessfully();

        New(site, NewFileKind.Issue);
        Assert.Contains("\nissue: 2  #", File.ReadAllText(Path.Combine(site.Root, "content/gazettes/2019/2.yml")));
        site.BuildSuccessfully();
    }
}
