using System.CommandLine;
using System.Globalization;
using System.Text;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Reports;
using Spectre.Console;

namespace Gazette.Cli;

/// <summary>
/// <c>gazette report annual</c>: table 二 of the annual report on open government information (DOMAIN rule 6), counted from
/// the metadata of the checked content, written as Markdown ready to publish and as CSV, the Markdown also printed.
/// </summary>
public static partial class GazetteCommand
{
    /// <summary>The years <c>--year</c> accepts.</summary>
    public const int FirstYear = 1949, LastYear = 9998;

    private static Command CreateReport()
    {
        var siteRoot = RootOption("content/");
        var year = new Option<int>("--year") { Description = "The year reported on, e.g. 2025.", Required = true };
        year.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < FirstYear or > LastYear)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--year must be a year from {FirstYear} to {LastYear}."));
            }
        });
        var organ = new Option<string?>("--organ") { Description = "Count only the documents of this organ (its id in content/organs.yml) as leading organ." };
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "The folder to write the Markdown and CSV files into (default: the current folder).",
            DefaultValueFactory = _ => new DirectoryInfo(Directory.GetCurrentDirectory()),
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems, not the table." };
        var annual = new Command("annual", "Table 二 of the annual report on open government information (规章 and 行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数), as Markdown and CSV.")
        {
            siteRoot, year, organ, output, quiet,
        };
        annual.SetAction(parse => ReportAnnual(BuildOptions.ForSite(parse.GetValue(siteRoot)!.FullName), parse.GetValue(year), parse.GetValue(organ),
            parse.GetValue(output)!.FullName, parse.GetValue(quiet)));
        return new Command("report", "Reports made from the content's metadata.") { annual };
    }

    /// <summary>
    /// Counts table 二 for <paramref name="year"/> (one organ's, or the whole site's when <paramref name="organ"/> is null),
    /// writes <c>annual-report-YEAR[-ORGAN]-table2.md</c> and <c>.csv</c> into <paramref name="outputDirectory"/> and prints
    /// the Markdown unless <paramref name="quiet"/>. <paramref name="console"/> replaces both standard output and standard
    /// error (for tests).
    /// </summary>
    public static int ReportAnnual(BuildOptions options, int year, string? organ, string outputDirectory, bool quiet, IAnsiConsole? console = null)
    {
        var stdout = console ?? AnsiConsole.Console;
        var stderr = console ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        stdout.Profile.Width = stderr.Profile.Width = 100_000;
        AnnualReportResult result;
        string? markdown = null;
        byte[]? csv = null;
        try
        {
            result = new BuildPipeline().ReportAnnual(options, year, organ);
            if (result.Table is { } table)
            {
                markdown = AnnualTableMarkdown.Write(table);
                csv = AnnualTableCsv.Write(table);
            }
        }
        catch (Exception e)
        {
            return InternalFailure(stderr, e);
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            Print(stderr, diagnostic);
        }

        if (!result.Succeeded || markdown is null || csv is null)
        {
            var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            stderr.MarkupLine($"[red]report failed:[/] {errors} error(s); fix them first (no report was written).");
            return ContentErrors;
        }

        var stem = Path.Combine(outputDirectory, organ is null
            ? string.Create(CultureInfo.InvariantCulture, $"annual-report-{year}-table2")
            : string.Create(CultureInfo.InvariantCulture, $"annual-report-{year}-{organ}-table2"));
        try
        {
            WriteAll([(stem + ".md", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(markdown)), (stem + ".csv", csv)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.MarkupLine($"[red]error:[/] cannot write the report into {Markup.Escape(outputDirectory)}: {Markup.Escape(e.Message)}");
            return ContentErrors;
        }

        if (!quiet)
        {
            stdout.Profile.Out.Writer.Write(markdown);
            stdout.Profile.Out.Writer.Flush();
            stderr.MarkupLine($"[grey]wrote {Markup.Escape(stem)}.md and .csv[/]");
        }

        return Success;
    }

    /// <summary>Writes every file beside its place first and moves them into place only when all were written.</summary>
    private static void WriteAll(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var staged = new List<(string Temporary, string Path)>();
        try
        {
            foreach (var (path, bytes) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
                File.WriteAllBytes(temporary, bytes);
                staged.Add((temporary, path));
            }

            foreach (var (temporary, path) in staged)
            {
                File.Move(temporary, path, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temporary, _) in staged)
            {
                File.Delete(temporary);
            }
        }
    }
}
