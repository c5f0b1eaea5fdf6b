using System.CommandLine;
using System.Text;
using Gazette.Checks;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Spectre.Console;

namespace Gazette.Cli;

/// <summary>
/// <c>gazette check</c>: reads and checks the content like a build, then reports, per organ, what is late or missing (DOMAIN
/// rules 3–6) on the console, and on request as JSON and as a standalone HTML page. Writes nothing of the site.
/// </summary>
public static partial class GazetteCommand
{
    private static Command CreateCheck()
    {
        var siteRoot = RootOption("content/");
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON to this file." };
        var html = new Option<FileInfo?>("--html") { Description = "Also write the report as one HTML page to this file, for publishers (keep it out of the published site)." };
        var check = new Command("check", "Check the content and report, per organ, late publications and interpretations, policy documents without interpretation, missing successors and summaries, and missed periods.")
        {
            siteRoot, json, html,
        };
        check.SetAction(parse => Check(BuildOptions.ForSite(parse.GetValue(siteRoot)!.FullName), parse.GetValue(json)?.FullName, parse.GetValue(html)?.FullName));
        return check;
    }

    /// <summary>Runs the check; <paramref name="console"/> replaces both standard output and standard error (for tests).</summary>
    public static int Check(BuildOptions options, string? jsonPath, string? htmlPath, IAnsiConsole? console = null)
    {
        var stdout = console ?? AnsiConsole.Console;
        var stderr = console ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        stdout.Profile.Width = stderr.Profile.Width = 100_000;
        CheckResult result;
        string? json = null, html = null;
        try
        {
            result = new BuildPipeline().Check(options);
            if (result.Report is { } made)
            {
                json = jsonPath is null ? null : CheckReportJson.Write(made);
                html = htmlPath is null ? null : CheckReportHtml.Write(made);
            }
        }
        catch (Exception e)
        {
            return InternalFailure(stderr, e);
        }

        // Content errors and the warnings that belong to no organ, GCC style; the findings follow grouped by organ.
        var findings = result.Report?.Findings.Select(f => f.ToDiagnostic()).ToHashSet() ?? [];
        foreach (var diagnostic in result.Diagnostics.Where(d => !findings.Contains(d)))
        {
            Print(stderr, diagnostic);
        }

        if (result.Report is not { } report)
        {
            var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            stderr.MarkupLine($"[red]check failed:[/] {errors} error(s) in the content; fix them first (no report was written).");
            return ContentErrors;
        }

        PrintReport(stdout, report);
        foreach (var (path, text) in new[] { (jsonPath, json), (htmlPath, html) })
        {
            if (path is null || text is null)
            {
                continue;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                stdout.MarkupLine($"[grey]wrote {Markup.Escape(path)}[/]");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.MarkupLine($"[red]error:[/] cannot write {Markup.Escape(path)}: {Markup.Escape(e.Message)}");
                return ContentErrors;
            }
        }

        return Success;
    }

    /// <summary>
    /// The findings organ by organ and kind by kind, one line per finding starting with its file:line:col. In a terminal
    /// headings are coloured and a table of counts ends the report; elsewhere (a pipe, a CI log) every line is plain text.
    /// </summary>
    private static void PrintReport(IAnsiConsole console, CheckReport report)
    {
        var terminal = console.Profile.Capabilities.Ansi;
        var reference = report.ReferenceDate is { } date ? $", up to {date:yyyy-MM-dd} (the latest publication date)" : "";
        console.MarkupLine(Markup.Escape($"{report.Site}: {report.DocumentsChecked} published documents checked{reference}"));
        foreach (var organ in report.Organs.Where(o => o.Findings.Count > 0))
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(organ.Organ.Name)}[/] ({Markup.Escape(organ.Organ.Id)}): {organ.Findings.Count} warning(s)");
            foreach (var kind in FindingKind.All)
            {
                var found = organ.Of(kind);
                if (found.Count == 0)
                {
                    continue;
                }

                console.MarkupLine($"  [yellow]{Markup.Escape(kind.Title)}[/] {Markup.Escape(kind.Label)} [grey]{Markup.Escape("[" + kind.Code.Id + "]")}[/]: {found.Count}");
                foreach (var finding in found)
                {
                    var subject = finding.DocumentId ?? finding.EntryId;
                    console.MarkupLine($"    {Markup.Escape($"{finding.Location}: {subject}: {finding.Message}")}");
                    if (finding.Hint is { } hint)
                    {
                        console.MarkupLine($"      [blue]hint:[/] {Markup.Escape(hint)}");
                    }
                }
            }
        }

        var clean = report.Organs.Where(o => o.Findings.Count == 0).Select(o => o.Organ.Name).ToList();
        if (clean.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine(Markup.Escape($"nothing found for: {string.Join(", ", clean)}"));
        }

        if (terminal && report.Findings.Any())
        {
            console.WriteLine();
            var table = new Table().AddColumn("organ");
            foreach (var kind in FindingKind.All)
            {
                table.AddColumn(new TableColumn(Markup.Escape(kind.Code.Id)).RightAligned());
            }

            foreach (var organ in report.Organs)
            {
                table.AddRow([Markup.Escape(organ.Organ.ShortName), .. FindingKind.All.Select(k => organ.Of(k).Count is var n and > 0 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "[grey]·[/]")]);
            }

            console.Write(table);
        }

        console.WriteLine();
        var counts = string.Join(", ", FindingKind.All.Select(k => $"{k.Id} {report.Count(k)}"));
        var total = report.Findings.Count();
        console.MarkupLine(total == 0
            ? "[green]nothing is late or missing[/]"
            : $"[yellow]{total} warning(s):[/] {Markup.Escape(counts)}");
    }
}
