using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>
/// Gazette compiled ahead of time (<c>dotnet publish -p:PublishAot=true</c>), as Netlify and the benchmark run it: nothing it
/// does may need code made at run time, which the compiled program does not have (serializers, Fluid's property accessors).
/// It builds the sample site to the bytes the JIT-compiled Gazette writes, from scratch and, with its build cache, after a
/// title change (which keys pages of every kind again).
/// </summary>
public sealed partial class AheadOfTimeTests(AheadOfTimeTests.Compiled compiled) : IClassFixture<AheadOfTimeTests.Compiled>
{
    /// <summary>
    /// The compiled program: GAZETTE_AOT_CLI when it is given, else published for these tests (a minute or two on two cores),
    /// with its intermediate files in a folder of its own and no build server of another build reused, so nothing of the build
    /// the tests run is touched; deleted after.
    /// </summary>
    public sealed class Compiled : IDisposable
    {
        private readonly string? _folder;

        public Compiled()
        {
            if (Environment.GetEnvironmentVariable("GAZETTE_AOT_CLI") is { Length: > 0 } given)
            {
                Cli = given;
                return;
            }

            _folder = Path.Combine(Path.GetTempPath(), "gazette-aot-" + Guid.NewGuid().ToString("N")[..12]);
            var (code, output) = Run("dotnet", ["publish", Path.Combine(Repository.Root, "src", "Gazette.Cli"), "-c", "Release",
                "-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true", "--artifacts-path", Path.Combine(_folder, "artifacts"),
                "-o", Path.Combine(_folder, "bin"), "--disable-build-servers"], TimeSpan.FromMinutes(15));
            Cli = Path.Combine(_folder, "bin", "Gazette.Cli");
            if (code != 0)
            {
                Dispose(); // xunit disposes no fixture whose constructor threw
                Assert.Fail("dotnet publish -p:PublishAot=true failed:\n" + output);
            }
        }

        public string Cli { get; }

        public void Dispose()
        {
            if (_folder is not null && Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true); // some 400 MB
            }
        }
    }

    [Fact]
    public void Gazette_compiled_ahead_of_time_builds_the_sample_to_the_bytes_of_the_JIT_compiled_build_from_scratch_and_after_a_title_change()
    {
        using var site = IncrementalBuildTests.Sample();
        var first = Build(site);
        Assert.Equal(first.Pages, first.Rendered);
        IncrementalBuildTests.AssertSameAsCleanBuild(site);

        IncrementalBuildTests.RetitleThePolicy(site);
        var retitled = Build(site);

        Assert.Equal(first.Pages, retitled.Pages);
        Assert.InRange(retitled.Rendered, 3, retitled.Pages / 2); // the pages that show the title, each keyed to be found changed
        IncrementalBuildTests.AssertSameAsCleanBuild(site);
    }

    /// <summary>A build of <paramref name="site"/> by the compiled program with its build cache: the pages it made and rendered.</summary>
    private (int Pages, int Rendered) Build(TestSite site)
    {
        var (code, output) = Run(compiled.Cli, ["build", "--root", site.Root, "--theme", Repository.Theme, "--output", site.Output,
            "--cache", Path.Combine(site.Root, BuildOptions.DefaultCacheFolder)], TimeSpan.FromMinutes(2));
        Assert.True(code == 0, output);
        var built = BuiltLine().Match(output);
        Assert.True(built.Success, output);
        return (int.Parse(built.Groups["pages"].Value), int.Parse(built.Groups["rendered"].Value));
    }

    private static (int Code, string Output) Run(string program, IEnumerable<string> arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(limit);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var output = stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult();
        return exited ? (process.ExitCode, output) : (-1, output + $"\n(stopped after {limit.TotalMinutes:N0} min)");
    }

    [GeneratedRegex(@"(?<pages>\d+) pages \((?<rendered>\d+) rendered\)")]
    private static partial Regex BuiltLine();
}
