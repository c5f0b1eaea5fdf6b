using System.CommandLine;
using Gazette.Diagnostics;
using Gazette.Import;
using Gazette.Model;
using Gazette.Pipeline;
using Gazette.Scaffold;
using Spectre.Console;

namespace Gazette.Cli;

/// <summary>
/// <c>gazette new document|interpretation|issue</c>: writes a new content file with every required field, the next free index
/// number (or issue number), today's date and comments in Chinese on each field.
/// </summary>
public static partial class GazetteCommand
{
    private static Command CreateNew()
    {
        var command = new Command("new", "Write a new content file with every required field filled in and explained in Chinese.");
        foreach (var kind in Enum.GetValues<NewFileKind>())
        {
            var siteRoot = RootOption("content/");
            var organ = new Option<string?>("--organ") { Description = "The issuing organ's id in organs.yml (default: the policy's leading organ, else the first organ)." };
            var interprets = new Option<string?>("--interprets") { Description = "The id of the policy document the interpretation explains.", Required = kind == NewFileKind.Interpretation };
            var title = new Option<string?>("--title") { Description = "The title (default: a stand-in to replace)." };
            var sub = kind switch
            {
                NewFileKind.Document => new Command("document", "A new document (a draft until its draft line is removed), with the organ's next free index number.") { siteRoot, organ, title },
                NewFileKind.Interpretation => new Command("interpretation", "A new 政策解读 linked to its policy document by interprets:.") { siteRoot, organ, interprets, title },
                _ => new Command("issue", "The next gazette issue of this year, with the sections of the previous issue.") { siteRoot },
            };
            sub.SetAction(parse => New(kind, BuildOptions.ForSite(parse.GetValue(siteRoot)!.FullName), parse.GetValue(organ), parse.GetValue(interprets), parse.GetValue(title),
                DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))));
            command.Subcommands.Add(sub);
        }

        return command;
    }

    /// <summary>
    /// Writes the new file under the content folder; <paramref name="today"/> is the date in China (UTC+8), given for tests, and
    /// <paramref name="console"/> replaces both standard output and standard error.
    /// </summary>
    public static int New(NewFileKind kind, BuildOptions options, string? organ, string? interprets, string? title, DateOnly today, IAnsiConsole? console = null)
    {
        var stdout = console ?? AnsiConsole.Console;
        var stderr = console ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        stdout.Profile.Width = stderr.Profile.Width = 100_000;
        try
        {
            var diagnostics = new DiagnosticBag();
            var content = new ReadContentFiles().Run(options, diagnostics);
            var config = new ParseSiteConfiguration().Run(content, diagnostics);
            var issues = new ParseGazetteIssues().Run(content, diagnostics);
            var documents = new AssignIndexNumbers().Run(new ParseDocuments().Run(content, config, diagnostics), config, new DiagnosticBag());
            if (ConfigurationRefused(stderr, diagnostics, config, null, null) is { } refused)
            {
                return refused;
            }

            var file = kind == NewFileKind.Issue
                ? new WriteNewIssue().Run(issues, today)
                : new WriteNewDocument().Run(kind, config, documents, today, organ, interprets, title);
            if (file.Path is null)
            {
                stderr.MarkupLine($"[red]cannot write:[/] {Markup.Escape(file.Note)}");
                return ContentErrors;
            }

            var path = Path.Combine(options.ContentDirectory, file.Path);
            if (File.Exists(path))
            {
                stderr.MarkupLine($"[red]cannot write:[/] {Markup.Escape(options.Relative(path))} already exists");
                return ContentErrors;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            ImportArchive.WriteAtomically(path, file.Text);
            stdout.MarkupLine($"[green]wrote[/] {Markup.Escape(options.Relative(path))} ({Markup.Escape(file.Note)})" +
                (kind == NewFileKind.Issue ? "" : "; it is a draft until you fill it in and remove its 'draft: true' line"));
            return Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.MarkupLine($"[red]cannot write:[/] {Markup.Escape(e.Message)}");
            return ContentErrors;
        }
        catch (Exception e)
        {
            return InternalFailure(stderr, e);
        }
    }
}
