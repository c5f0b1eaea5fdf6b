using System.CommandLine;
using Gazette.Cli.Serve;
using Gazette.Diagnostics;
using Gazette.Integrity;
using Gazette.Pipeline;
using Spectre.Console;

namespace Gazette.Cli;

public static partial class GazetteCommand
{
    /// <summary>The port <c>gazette serve</c> listens on unless told otherwise.</summary>
    public const int DefaultServePort = 8000;

    private static Command CreateServe()
    {
        var siteRoot = RootOption("content/ and theme/");
        var output = OutputOption();
        var theme = ThemeOption();
        var (cache, noCache) = CacheOptions();
        var port = new Option<int>("--port", "-p") { Description = $"The port on 127.0.0.1 (default: {DefaultServePort}; 0 takes a free one).", DefaultValueFactory = _ => DefaultServePort };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems and the address." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print how long each part of each build took." };
        var serve = new Command("serve", "Build the site, serve it on 127.0.0.1 and rebuild when content/ or theme/ changes: open pages reload, and while the content has errors they show over the last good site.")
        {
            siteRoot, output, theme, cache, noCache, port, quiet, verbose,
        };
        serve.SetAction((parse, cancellation) => Serve(
            WithCache(BuildOptions.ForSite(parse.GetValue(siteRoot)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(theme)?.FullName), parse.GetValue(cache), parse.GetValue(noCache))
                with { SigningKey = SigningKeyText.FromEnvironment() },
            parse.GetValue(port), parse.GetValue(quiet), parse.GetValue(verbose), cancellation));
        return serve;
    }

    /// <summary>
    /// <c>gazette serve</c>: builds, serves, watches and rebuilds until <paramref name="cancellation"/> (Ctrl+C). Returns 0 when
    /// stopped, 2 when the port cannot be used. <paramref name="started"/> learns the address (for tests).
    /// </summary>
    public static async Task<int> Serve(
        BuildOptions options, int port, bool quiet, bool verbose, CancellationToken cancellation,
        IAnsiConsole? stdout = null, IAnsiConsole? stderr = null, Action<Uri>? started = null)
    {
        stdout ??= AnsiConsole.Console;
        stderr ??= AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var generation = 0;
        PreviewState Built()
        {
            var (exit, result) = RunBuild(options, quiet, verbose, stdout, stderr);
            var errors = result is not null ? result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList()
                : exit == OutputUnwritable ? ["error: the disk is full (see the terminal); nothing was written: free space on that disk and save again."]
                : ["internal error: Gazette failed (see the terminal); this is a bug in Gazette, not in your content."];
            if (result is { Succeeded: true })
            {
                generation++;
            }

            return new PreviewState($"{Environment.ProcessId}-{generation}", errors);
        }

        var state = Built();
        PreviewServer server;
        try
        {
            server = await PreviewServer.Start(options.OutputDirectory, port, state);
        }
        catch (IOException e)
        {
            stderr.MarkupLine($"[red]error:[/] cannot serve on 127.0.0.1:{port}: {Markup.Escape(e.Message)}; choose another port with --port");
            return UnusablePort;
        }

        await using (server)
        {
            using var watcher = new SiteWatcher([options.ContentDirectory, options.ThemeDirectory]);
            stdout.MarkupLine($"[green]serving[/] {Markup.Escape(options.Relative(options.OutputDirectory))}/ at [link]{server.Address}[/]; watching content/ and theme/ (Ctrl+C stops)");
            started?.Invoke(server.Address);
            while (!cancellation.IsCancellationRequested)
            {
                IReadOnlyList<string> changed;
                try
                {
                    changed = await watcher.Next(cancellation);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                if (!quiet)
                {
                    var names = changed.Select(options.Relative).ToList();
                    stdout.MarkupLine($"[grey]changed: {Markup.Escape(string.Join(", ", names.Take(5)))}{(names.Count > 5 ? $" and {names.Count - 5} more" : "")}[/]");
                }

                server.Publish(Built());
            }
        }

        return Success;
    }

    /// <summary>Exit code of <c>gazette serve</c> when its port is taken or not allowed.</summary>
    public const int UnusablePort = 2;
}
