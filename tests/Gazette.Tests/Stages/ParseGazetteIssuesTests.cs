using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;

namespace Gazette.Tests.Stages;

public sealed class ParseGazetteIssuesTests
{
    private static (IReadOnlyList<Issue> Issues, DiagnosticBag Diagnostics) Parse(ContentSet content)
    {
        var diagnostics = new DiagnosticBag();
        return (new ParseGazetteIssues().Run(content, diagnostics), diagnostics);
    }

    private static (string, string) IssueFile(int year, int number, string extra = "", string sections = "[市政府文件]") =>
        ($"content/gazettes/{year}/{number}.yml", $"issue: {number}\ndate: {year}-03-10\nsections: {sections}\n{extra}");

    [Fact]
    public void Issues_are_ordered_by_year_then_number_not_by_file_name()
    {
        var (issues, diagnostics) = Parse(Stage.Content(IssueFile(2019, 10), IssueFile(2019, 2), IssueFile(2018, 5)));

        Assert.Empty(diagnostics.Items);
        Assert.Equal([new IssueKey(2018, 5), new IssueKey(2019, 2), new IssueKey(2019, 10)], issues.Select(i => i.Key));
    }

    [Fact]
    public void Sections_keep_the_order_the_issue_file_gives()
    {
        var (issues, _) = Parse(Stage.Content(IssueFile(2019, 1, sections: "[市政府文件, 部门文件, 政策解读, 人事任免]")));

        Assert.Equal(["市政府文件", "部门文件", "政策解读", "人事任免"], Assert.Single(issues).Sections);
    }

    [Fact]
    public void Every_field_of_an_issue_is_read()
    {
        var (issues, _) = Parse(Stage.Content(IssueFile(2019, 3, "total: 27\ntitle: 特刊\n")));

        var issue = Assert.Single(issues);
        Assert.Equal(27, issue.Total);
        Assert.Equal("特刊", issue.Title);
        Assert.Equal(new DateOnly(2019, 3, 10), issue.Date);
        Assert.Equal(new SourceLocation("content/gazettes/2019/3.yml"), issue.Source);
    }

    [Fact]
    public void Files_that_are_not_YAML_are_ignored()
    {
        var content = new ContentSet("content/",
        [
            .. Stage.Content(IssueFile(2019, 1)).Files,
            Stage.Binary("content/gazettes/2019/cover.jpg", 1000),
        ]);

        var (issues, diagnostics) = Parse(content);

        Assert.Single(issues);
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void A_running_number_used_twice_is_reported()
    {
        var (_, diagnostics) = Parse(Stage.Content(IssueFile(2019, 1, "total: 5\n"), IssueFile(2019, 2, "total: 5\n")));

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("content/gazettes/2019/2.yml:1:1: GZ0307", $"{error.Location}: {error.Code.Id}");
    }

    [Fact]
    public void An_issue_without_sections_is_reported()
    {
        var (_, diagnostics) = Parse(Stage.Content(("content/gazettes/2019/1.yml", "issue: 1\ndate: 2019-03-10\n")));

        Assert.Equal(["content/gazettes/2019/1.yml:1:1: GZ0102"], Stage.Summary(diagnostics));
    }

    [Fact]
    public void An_empty_issue_file_is_reported()
    {
        var (issues, diagnostics) = Parse(Stage.Content(("content/gazettes/2019/1.yml", "")));

        Assert.Empty(issues);
        Assert.Equal(["content/gazettes/2019/1.yml:1:1: GZ0104"], Stage.Summary(diagnostics));
    }
}
