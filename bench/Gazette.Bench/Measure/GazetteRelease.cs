using System.Runtime.InteropServices;

namespace Gazette.Bench.Measure;

/// <summary>
/// Gazette as the benchmark runs it: src/Gazette.Cli compiled ahead of time for this machine (<c>PublishAot</c>, as
/// netlify.toml runs it), into bench/work/gazette-release/, once per run. Hugo is measured as the compiled program Debian
/// ships; Gazette as the native program a site's build runs, with no JIT compiling its own and its libraries' code at every
/// start.
/// </summary>
internal static class GazetteRelease
{
    /// <summary>Publishes Gazette and gives the path of its program; throws with dotnet's output when publishing fails.</summary>
    public static string Publish(TextWriter log)
    {
        var folder = Path.Combine(Paths.Work, "gazette-release");
        var project = Path.Combine(Paths.RepositoryRoot, "src", "Gazette.Cli");
        log.WriteLine($"  publishing Gazette (compiled ahead of time, {RuntimeInformation.RuntimeIdentifier}) into {Paths.Relative(folder)}/");
        var run = ChildProcess.Run("dotnet",
            ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true", "-o", folder],
            TimeSpan.FromMinutes(10), 8L << 30);
        if (!run.Succeeded)
        {
            throw new InvalidOperationException($"dotnet publish of {Paths.Relative(project)} failed: {run.Failure}");
        }

        log.WriteLine($"  published in {run.Wall.TotalSeconds:N1} s");
        return Path.Combine(folder, "Gazette.Cli");
    }
}
