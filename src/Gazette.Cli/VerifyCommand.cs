using System.CommandLine;
using System.Globalization;
using Gazette.Integrity;
using Spectre.Console;

namespace Gazette.Cli;

/// <summary>
/// <c>gazette verify &lt;url-or-dir&gt; [--key &lt;public key or file&gt;]</c>: checks a deployed (over HTTP) or downloaded copy of
/// a site against its integrity manifest and names every file that differs, is missing or, in a folder, is not listed.
/// </summary>
public static partial class GazetteCommand
{
    /// <summary>Exit codes of <c>gazette verify</c> (<see cref="VerifyOutcome"/>), documented in the README.</summary>
    public const int Verified = (int)VerifyOutcome.Verified;
    public const int Differences = (int)VerifyOutcome.Differences;
    public const int CannotVerify = (int)VerifyOutcome.CannotVerify;

    private static Command CreateVerify()
    {
        var site = new Argument<string>("url-or-dir") { Description = "The site's root: an http(s) address where it is deployed, or a folder holding a copy." };
        var key = new Option<string?>("--key")
        {
            Description = "The publisher's Ed25519 public key (a PEM block or base64, or a file holding it) to check the signature against. " +
                "Without it the key published with the site is used, which proves only that the copy is consistent with itself.",
        };
        var verify = new Command("verify", "Check a deployed or downloaded copy of a site against its signed integrity manifest and name every file that differs.")
        {
            site, key,
        };
        verify.SetAction((parse, cancellation) => VerifyAsync(parse.GetValue(site)!, parse.GetValue(key), null, cancellation));
        return verify;
    }

    /// <summary>Runs the check; <paramref name="console"/> replaces both standard output and standard error (for tests).</summary>
    public static async Task<int> VerifyAsync(string target, string? key, IAnsiConsole? console = null, CancellationToken cancellation = default)
    {
        var stdout = console ?? AnsiConsole.Console;
        var stderr = console ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        stdout.Profile.Width = stderr.Profile.Width = 100_000;

        VerificationKey? trusted = null;
        if (key is not null)
        {
            var text = File.Exists(key) ? await File.ReadAllTextAsync(key, cancellation) : key;
            trusted = VerificationKey.TryParse(text);
            if (trusted is null)
            {
                stderr.MarkupLine("[red]cannot verify:[/] --key is not an Ed25519 public key (a '-----BEGIN PUBLIC KEY-----' block or the base64 of 32 bytes), nor a file holding one");
                return CannotVerify;
            }
        }

        IPublishedCopy copy;
        if (Uri.TryCreate(target, UriKind.Absolute, out var address) && address.Scheme is "http" or "https")
        {
            copy = new HttpCopy(address);
        }
        else if (Directory.Exists(target))
        {
            copy = new FolderCopy(target);
        }
        else
        {
            stderr.MarkupLine($"[red]cannot verify:[/] {Markup.Escape(target)} is neither an http(s) address nor a folder");
            return CannotVerify;
        }

        VerifyReport report;
        try
        {
            report = stderr.Profile.Capabilities.Interactive
                ? await stderr.Progress().AutoClear(true).StartAsync(async context =>
                    await new VerifySite().RunAsync(copy, trusted, new VerifyProgress(context.AddTask("checking files")), cancellation))
                : await new VerifySite().RunAsync(copy, trusted, null, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return InternalFailure(stderr, e);
        }
        finally
        {
            (copy as IDisposable)?.Dispose();
        }

        PrintVerifyReport(stdout, stderr, copy.Name, report);
        return (int)report.Outcome;
    }

    private static void PrintVerifyReport(IAnsiConsole stdout, IAnsiConsole stderr, string name, VerifyReport report)
    {
        if (report.Failure is { } failure)
        {
            stderr.MarkupLine($"[red]cannot verify:[/] {Markup.Escape(failure)}");
            return;
        }

        foreach (var problem in report.Problems)
        {
            stdout.MarkupLine(Markup.Escape(problem.ToString()));
        }

        foreach (var note in report.Notes)
        {
            stderr.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
        }

        var signed = report.Signature switch
        {
            SignatureState.GivenKey => "signed with the key given",
            SignatureState.PublishedKey => "signed with the key published beside it",
            _ => "unsigned",
        };
        var listed = report.Listed.ToString("N0", CultureInfo.InvariantCulture);
        if (report.Problems.Count == 0)
        {
            stdout.MarkupLine($"[green]verified:[/] all {listed} files of {Markup.Escape(name)} match its manifest ({signed})");
            return;
        }

        string Count(VerifyProblemKind kind, string what) => $"{report.Problems.Count(p => p.Kind == kind)} {what}";
        var counts = string.Join(", ", Count(VerifyProblemKind.Differs, "differing"), Count(VerifyProblemKind.Missing, "missing"),
            Count(VerifyProblemKind.Unreadable, "unreadable")) + (report.ExtrasChecked ? ", " + Count(VerifyProblemKind.Unlisted, "not in the manifest") : "");
        stdout.MarkupLine($"[red]not as published:[/] {report.Problems.Count} problem(s) in {Markup.Escape(name)}: {counts} ({listed} files listed, manifest {signed})");
    }
}
