using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Import;
using Gazette.Model;
using Gazette.Pipeline;
using Spectre.Console;

namespace Gazette.Cli;

/// <summary>
/// <c>gazette import &lt;folder&gt;</c>: turns existing documents (plain text, or laws-zh's Markdown with its metadata) into
/// content files, with every field it could not derive marked <c># TODO(import)</c> and listed in a report.
/// </summary>
public static partial class GazetteCommand
{
    /// <summary>Exit code of <c>gazette import</c> when the folder to import does not exist or an option is wrong.</summary>
    public const int ImportUsage = 2;

    private static Command CreateImport()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The folder of documents to import (.txt plain text, .md in laws-zh's format with its db.sqlite3)." };
        var siteRoot = RootOption("content/");
        var into = new Option<DirectoryInfo?>("--into") { Description = "The content folder to import into (default: <root>/content); documents go under documents/imported/<year>/." };
        var organ = new Option<string?>("--organ") { Description = "The organ id (organs.yml) for documents whose issuing body is not in organs.yml." };
        var topic = new Option<string?>("--topic") { Description = "The topic (主题分类) for every document; without it 其他 is a placeholder and the documents are drafts." };
        var report = new Option<FileInfo?>("--report") { Description = "Where to write the TSV report of what is left to review (default: <root>/import-report.tsv)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print every file written and every TODO." };
        var command = new Command("import", "Turn existing documents into content files; what cannot be derived is marked TODO(import) and listed in a report.")
        {
            folder, siteRoot, into, organ, topic, report, quiet, verbose,
        };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(siteRoot)!.FullName;
            return Import(parse.GetValue(folder)!.FullName, BuildOptions.ForSite(root), parse.GetValue(into)?.FullName, parse.GetValue(organ), parse.GetValue(topic),
                parse.GetValue(report)?.FullName, parse.GetValue(quiet), parse.GetValue(verbose));
        });
        return command;
    }

    /// <summary>Runs the import; <paramref name="console"/> replaces both standard output and standard error (for tests).</summary>
    public static int Import(string folder, BuildOptions options, string? into, string? organ, string? topic, string? reportPath, bool quiet, bool verbose,
        IAnsiConsole? console = null)
    {
        var stdout = console ?? AnsiConsole.Console;
        var stderr = console ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        stdout.Profile.Width = stderr.Profile.Width = 100_000;
        if (!Directory.Exists(folder))
        {
            stderr.MarkupLine($"[red]cannot import:[/] {Markup.Escape(folder)} is not a folder");
            return ImportUsage;
        }

        var contentDirectory = into ?? options.ContentDirectory;
        options = options with { ContentDirectory = contentDirectory };
        reportPath ??= Path.Combine(options.SiteRoot, "import-report.tsv");
        var watch = Stopwatch.StartNew();
        ImportResult result;
        try
        {
            var diagnostics = new DiagnosticBag();
            var config = new ParseSiteConfiguration().Run(new ReadContentFiles().Run(options, diagnostics), diagnostics);
            if (ConfigurationRefused(stderr, diagnostics, config, organ, topic) is { } refused)
            {
                return refused;
            }

            var settings = new ImportSettings(folder, contentDirectory, options.SiteRoot, organ, topic);
            result = !quiet && stdout.Profile.Capabilities.Interactive
                ? stdout.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(context => new ImportArchive().Run(settings, config, new ImportProgress(context.AddTask("importing"), null)))
                : new ImportArchive().Run(settings, config, quiet ? null : new ImportProgress(null, stdout));
            ImportArchive.WriteAtomically(reportPath, ImportReport.Render(result));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.MarkupLine($"[red]cannot import:[/] {Markup.Escape(e.Message)}");
            return ContentErrors;
        }
        catch (Exception e)
        {
            return InternalFailure(stderr, e);
        }

        foreach (var (source, why) in result.Failures)
        {
            stderr.MarkupLine($"{Markup.Escape(source)}: [red]not imported:[/] {Markup.Escape(why)}");
        }

        foreach (var (source, why) in result.Skipped)
        {
            stderr.MarkupLine($"{Markup.Escape(source)}: [yellow]skipped:[/] {Markup.Escape(why)}");
        }

        foreach (var file in result.WithoutOrgan)
        {
            stderr.MarkupLine($"{Markup.Escape(file)}: [red]needs an organ:[/] its issuing body is not in organs.yml; add it there or import again with --organ");
        }

        if (verbose)
        {
            foreach (var todo in result.Todos)
            {
                stdout.MarkupLine($"[grey]{Markup.Escape(todo.File)}: {Markup.Escape(todo.Field)}: {Markup.Escape(todo.Why)}[/]");
            }
        }

        if (!quiet)
        {
            var files = result.Todos.Select(t => t.File).Distinct().Count();
            stdout.MarkupLine($"[green]imported[/] {result.Written.Count} documents ({result.Drafts} as drafts until reviewed) into " +
                $"{Markup.Escape(options.Relative(Path.Combine(contentDirectory, "documents", ImportArchive.Folder)))}/ in {watch.Elapsed.TotalSeconds:0.0} s; " +
                $"{result.Kept.Count} already there and kept, {result.Failures.Count} could not be read, {result.Skipped.Count} skipped; " +
                $"{result.Todos.Count} TODO(import) notes in {files} files, listed in {Markup.Escape(options.Relative(Path.GetFullPath(reportPath)))}" +
                (result.GenresAdded.Count > 0 ? $"; genres added to genres.yml: {Markup.Escape(string.Join("、", result.GenresAdded))}" : ""));
        }

        return result.Failures.Count > 0 || result.WithoutOrgan.Count > 0 ? ContentErrors : Success;
    }

    /// <summary>The exit code when the site cannot take a new or imported file (configuration errors, an unknown --organ or --topic), else null.</summary>
    private static int? ConfigurationRefused(IAnsiConsole stderr, DiagnosticBag diagnostics, SiteConfiguration config, string? organ, string? topic)
    {
        var configErrors = diagnostics.Items.Where(d => d.Severity == Severity.Error && !d.Location.Path.Contains("/documents/", StringComparison.Ordinal)).ToList();
        foreach (var diagnostic in configErrors)
        {
            Print(stderr, diagnostic);
        }

        if (configErrors.Count > 0)
        {
            stderr.MarkupLine("[red]cannot import:[/] the site's configuration has errors (above); nothing was written");
            return ContentErrors;
        }

        if (organ is not null && config.FindOrgan(organ) is null)
        {
            stderr.MarkupLine($"[red]cannot import:[/] --organ {Markup.Escape(organ)} is not an organ of organs.yml (ids: {Markup.Escape(string.Join(", ", config.Organs.Select(o => o.Id)))})");
            return ImportUsage;
        }

        if (topic is not null && config.FindTopic(topic) is null)
        {
            stderr.MarkupLine($"[red]cannot import:[/] --topic {Markup.Escape(topic)} is not a topic of the site's vocabulary");
            return ImportUsage;
        }

        return null;
    }
}
