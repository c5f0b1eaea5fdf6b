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

    [Fact]
    public void A_build_on_plain_output_prints_each_stage_and_the_documents_rendered_with_the_time_left()
    {
        using var site = SiteWithoutSummaries(3 * Gazette.Pipeline.BuildPipeline.BatchSize + 10);
        var (stdout, output) = PlainConsole.Create();
        var (stderr, _) = PlainConsole.Create();

        var exit = GazetteCommand.Build(site.Options, quiet: false, stdout: stdout, stderr: stderr);

        Assert.Equal(GazetteCommand.Success, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("reading content…", lines);
        Assert.Contains("rendering 778 documents…", lines);
        // The first batch starts the clock; each later tenth reached says how many are done and about how long is left.
        Assert.Matches(@"^rendered 512 of 778 documents, about \d+ (s|min) left$", Assert.Single(lines, l => l.StartsWith("rendered 512 ", StringComparison.Ordinal)));
        Assert.Matches(@"^rendered 768 of 778 documents, about \d+ (s|min) left$", Assert.Single(lines, l => l.StartsWith("rendered 768 ", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("rendered 256 ", StringComparison.Ordinal) || l.StartsWith("rendered 778 ", StringComparison.Ordinal));
        Assert.StartsWith("built 778 documents", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiet_build_prints_no_progress()
    {
        using var site = SiteWithoutSummaries(2 * Gazette.Pipeline.BuildPipeline.BatchSize + 1);
        var (stdout, output) = PlainConsole.Create();
        var (stderr, _) = PlainConsole.Create();

        Assert.Equal(GazetteCommand.Success, GazetteCommand.Build(site.Options, quiet: true, stdout: stdout, stderr: stderr));
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void A_full_disk_is_told_apart_from_a_bug_in_Gazette()
    {
        // A write to /dev/full fails as a write to a full disk does (ENOSPC); a build's writes fail inside Parallel.For's AggregateException
        var full = Assert.Throws<IOException>(() => File.WriteAllBytes("/dev/full", new byte[16]));
        var missing = Assert.ThrowsAny<IOException>(() => File.ReadAllBytes(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));

        Assert.Same(full, GazetteCommand.DiskFull(full));
        Assert.Same(full, GazetteCommand.DiskFull(new AggregateException(new InvalidOperationException(), full)));
        Assert.Same(full, GazetteCommand.DiskFull(new InvalidOperationException("wrapped", full)));
        Assert.Null(GazetteCommand.DiskFull(missing));
        Assert.Null(GazetteCommand.DiskFull(new AggregateException(new InvalidOperationException(), missing)));
    }
}
