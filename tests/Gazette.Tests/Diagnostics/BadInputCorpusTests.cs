using System.Text;
using Gazette.Cli;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Spectre.Console;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// The bad-input corpus (<c>tests/corpora/bad-input/</c>): one site of malformed content files, each with the diagnostics it
/// must produce in <c>expected.tsv</c>. Built whole, it reports exactly those, all at once, throws nothing and writes nothing.
/// </summary>
public sealed class BadInputCorpusTests
{
    [Fact]
    public void The_corpus_holds_at_least_fifty_documents_and_every_content_file_has_a_row_in_expected_tsv()
    {
        using var corpus = new BadInputCorpus();
        var listed = BadInputCorpus.Expectations.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var files = corpus.ContentFiles().Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.StartsWith("content/gazettes/", StringComparison.Ordinal)).ToList();

        var committed = Directory.EnumerateFiles(Path.Combine(BadInputCorpus.Source, "content", "documents"), "*.md", SearchOption.AllDirectories).Count();
        Assert.True(committed >= 50, $"the corpus commits {committed} documents");
        var missingRows = files.Except(listed).ToList();
        var missingFiles = listed.Except(files).ToList();
        Assert.True(missingRows.Count == 0, "no row in expected.tsv for " + string.Join(", ", missingRows));
        Assert.True(missingFiles.Count == 0, "expected.tsv names files that are not there: " + string.Join(", ", missingFiles));
    }

    [Fact]
    public void Building_the_whole_corpus_reports_exactly_the_expected_diagnostics_and_leaves_the_previous_site_as_it_was()
    {
        using var corpus = new BadInputCorpus();
        var marker = Path.Combine(corpus.Options.OutputDirectory, "previous-build.txt");
        Directory.CreateDirectory(corpus.Options.OutputDirectory);
        File.WriteAllText(marker, "the site of the last good build");

        var result = new BuildPipeline().Run(corpus.Options);

        Assert.False(result.Succeeded);
        AssertExpected(result.Diagnostics);
        Assert.Equal([marker], Directory.EnumerateFileSystemEntries(corpus.Options.OutputDirectory, "*", SearchOption.AllDirectories));
        Assert.Equal("the site of the last good build", File.ReadAllText(marker));
        Assert.Empty(Directory.EnumerateDirectories(corpus.Root, ".public.*"));
    }

    [Fact]
    public void Gazette_check_over_the_corpus_prints_every_expected_error_and_exits_with_content_errors()
    {
        using var corpus = new BadInputCorpus();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No,
        });

        var exit = GazetteCommand.Check(BuildOptions.ForSite(corpus.Root), null, null, console);

        Assert.Equal(GazetteCommand.ContentErrors, exit);
        var checkedDiagnostics = new BuildPipeline().Check(BuildOptions.ForSite(corpus.Root)).Diagnostics;
        AssertExpected(checkedDiagnostics);
        var printed = output.ToString();
        Assert.All(checkedDiagnostics, d => Assert.Contains($"{d.Location}: error: {d.Message} [{d.Code.Id}]", printed, StringComparison.Ordinal));
    }

    [Fact]
    public void The_valid_files_of_the_corpus_build_on_their_own_with_the_5_MB_body_on_its_page()
    {
        using var corpus = new BadInputCorpus();
        foreach (var path in BadInputCorpus.Expectations.Where(e => !e.IsOk).Select(e => e.Path).Distinct())
        {
            corpus.Delete(path);
        }

        var result = new BuildPipeline().Run(corpus.Options);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var okDocuments = BadInputCorpus.Expectations.Count(e => e.IsOk && e.Path.StartsWith("content/documents/", StringComparison.Ordinal));
        Assert.Equal((okDocuments - 1, 1), (result.Documents, result.Withheld)); // on-request.md is withheld
        var pages = Directory.EnumerateFiles(Path.Combine(corpus.Options.OutputDirectory, "documents"), "index.html", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToList();
        var huge = Assert.Single(pages, p => p.Contains("五兆字节正文的通知", StringComparison.Ordinal));
        Assert.True(Encoding.UTF8.GetByteCount(huge) > 5 * 1024 * 1024, "the page of the 5 MB body is smaller than its body");
        Assert.Contains("第18000条", huge, StringComparison.Ordinal);
        Assert.Single(pages, p => p.Contains("带字节顺序标记的通知", StringComparison.Ordinal) && !p.Contains('\uFEFF', StringComparison.Ordinal));
        Assert.Single(pages, p => p.Contains("Windows换行的通知", StringComparison.Ordinal) && !p.Contains('\r', StringComparison.Ordinal));
    }

    /// <summary>
    /// Each diagnostic must match a row of its file (code, line, and column unless the row says *), each row must be matched, and
    /// a file marked ok must have none. A failure lists every file that does not match: its case, what was expected, what came.
    /// </summary>
    private static void AssertExpected(IReadOnlyList<Diagnostic> diagnostics)
    {
        var rows = BadInputCorpus.Expectations;
        var unmatched = rows.Where(r => !r.IsOk).ToList();
        var unexpected = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var row = unmatched.FirstOrDefault(r => r.Path == diagnostic.Location.Path && r.Code == diagnostic.Code.Id
                && r.Line == diagnostic.Location.Line && (r.Column is null || r.Column == diagnostic.Location.Column));
            if (row is null)
            {
                unexpected.Add(diagnostic);
            }
            else
            {
                unmatched.Remove(row);
            }
        }

        var failed = unmatched.Select(r => r.Path).Concat(unexpected.Select(d => d.Location.Path)).Distinct().Order(StringComparer.Ordinal).ToList();
        var report = new StringBuilder();
        foreach (var path in failed)
        {
            var expected = rows.Where(r => r.Path == path).ToList();
            report.Append(path).Append(" (").Append(expected.Count > 0 ? expected[0].Case : "no row in expected.tsv").Append(")\n")
                .Append("  expected: ").AppendJoin(", ", expected.Select(r => r.ToString())).Append('\n')
                .Append("  got:      ").AppendJoin("\n            ", diagnostics.Where(d => d.Location.Path == path).Select(d => $"{d.Location}: {d.Message} [{d.Code.Id}]"))
                .Append('\n');
        }

        Assert.True(failed.Count == 0, $"{failed.Count} file(s) of the corpus do not match expected.tsv:\n{report}");
    }
}
