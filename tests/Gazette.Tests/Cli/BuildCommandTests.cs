using Gazette.Cli;
using Gazette.Tests.Support;
using Spectre.Console;

namespace Gazette.Tests.Cli;

/// <summary><c>gazette build</c>'s console output.</summary>
public sealed class BuildCommandTests
{
    private static TestSite SiteWithoutSummaries(int documents) => new(string.Concat(Enumerable.Range(1, documents).Select(i => $"""
        -- content/documents/d{i}.md --
        {TestSite.Document($"第{i}号方案", "genre: 方案", "summary: -", $"index_number: 000014350/2019-{i:00000}")}

        """)));

    [Fact]
    public void A_build_lists_a_few_timeliness_and_completeness_warnings_one_by_one()
    {
        using var site = SiteWithoutSummaries(GazetteCommand.ArchiveWarningsListed);
        var (stdout, _) = PlainConsole.Create();
        var (stderr, problems) = PlainConsole.Create();

        var exit = GazetteCommand.Build(site.Options, quiet: true, stdout: stdout, stderr: stderr);

        Assert.Equal(GazetteCommand.Success, exit);
        Assert.Equal(GazetteCommand.ArchiveWarningsListed, problems.ToString().Split('\n').Count(l => l.EndsWith("[GZ0605]", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_build_with_many_timeliness_and_completeness_warnings_prints_a_count_of_each_kind()
    {
        using var site = SiteWithoutSummaries(GazetteCommand.ArchiveWarningsListed + 5);
        var (stdout, _) = PlainConsole.Create();
        var (stderr, problems) = PlainConsole.Create();

        var exit = GazetteCommand.Build(site.Options, quiet: true, stdout: stdout, stderr: stderr);

        Assert.Equal(GazetteCommand.Success, exit);
        var lines = problems.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["warning: 25 × a published document has no summary (内容概述) [GZ0605]",
            "  hint: 25 timeliness and completeness warnings in all; 'gazette check' lists them by organ (--json, --html for a report)"], lines);
        Assert.True(Directory.Exists(site.Output));
    }
}
