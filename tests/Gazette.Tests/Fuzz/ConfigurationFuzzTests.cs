using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Stages;
using Xunit.Abstractions;

namespace Gazette.Tests.Fuzz;

/// <summary>
/// The same mutations as <see cref="ReaderFuzzTests"/> on the other content files — site.yml, organs.yml, catalogue.yml,
/// topics.yml, genres.yml, an issue file and holidays.yml, one mutated among valid others — through
/// <see cref="ParseSiteConfiguration"/>, <see cref="ParseGazetteIssues"/> and <see cref="ParseHolidays"/>: 10,000 cases, no
/// exception, every diagnostic inside the mutated file. Case n uses the seed <see cref="FirstSeed"/> + n;
/// <c>GAZETTE_FUZZ_SEED</c> and <c>GAZETTE_FUZZ_CASES</c> work as for the reader.
/// </summary>
[Collection("Fuzz")] // the fuzz tests take every core: one at a time
public sealed class ConfigurationFuzzTests(ITestOutputHelper output)
{
    public const int FirstSeed = 30_261_130;
    public const int Cases = 10_000;

    [Fact]
    public void The_samples_read_without_a_diagnostic()
    {
        var diagnostics = Read(FuzzSamples.Configuration.Select(f => (f.Path, (string?)f.Text)).ToList());

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void Ten_thousand_mutated_site_files_are_read_without_an_exception_and_with_every_diagnostic_inside_the_file()
    {
        var first = Environment.GetEnvironmentVariable("GAZETTE_FUZZ_SEED") is { } seed ? int.Parse(seed, CultureInfo.InvariantCulture) : FirstSeed;
        var cases = Environment.GetEnvironmentVariable("GAZETTE_FUZZ_CASES") is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : Cases;
        var failures = new (int Seed, string Path, byte[] Input, string Problem)?[cases];
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;

        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var random = new Random(first + i);
            var (path, sample) = FuzzSamples.Configuration[random.Next(FuzzSamples.Configuration.Count)];
            var input = new Mutator(random, [sample]).Next();
            try
            {
                var decoding = new DiagnosticBag();
                var text = ReadContentFiles.Decode(input, path, decoding);
                var lines = text is null ? input.AsSpan().Count((byte)'\n') + 1 : text.AsSpan().Count('\n') + 1;
                var files = FuzzSamples.Configuration.Select(f => f.Path == path ? (f.Path, text) : (f.Path, (string?)f.Text)).ToList();
                var diagnostics = decoding.Items.Concat(Read(files)).ToList();
                if (diagnostics.FirstOrDefault(d => d.Location.Path != path
                        || d.Location.Line < 1 || d.Location.Line > lines + 1 || d.Location.Column < 1) is { } outside)
                {
                    failures[i] = (first + i, path, input, $"a diagnostic points outside {path} of {lines} lines: {outside}");
                }
            }
            catch (Exception e)
            {
                failures[i] = (first + i, path, input, e.ToString());
            }
        });

        output.WriteLine($"{cases:N0} cases in {watch.Elapsed.TotalSeconds:0.0} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s of processor time) on {Environment.ProcessorCount} cores");
        var failed = failures.Where(f => f is not null).Select(f => f!.Value).ToList();
        var kinds = failed.GroupBy(f => f.Problem.Split('\n')[0]).Select(g => $"{g.Count(),6} × {g.Key}");
        Assert.True(failed.Count == 0,
            $"{failed.Count} of {cases:N0} cases failed:\n{string.Join("\n", kinds)}\nthe first: seed {failed.FirstOrDefault().Seed} " +
            $"(rerun with GAZETTE_FUZZ_SEED={failed.FirstOrDefault().Seed} GAZETTE_FUZZ_CASES=1), {failed.FirstOrDefault().Path}\n" +
            $"{failed.FirstOrDefault().Problem}\ninput: {Encoding.UTF8.GetString(failed.FirstOrDefault().Input ?? [])}");
    }

    /// <summary>The site files (a null text: one that is not UTF-8) read as a build reads them.</summary>
    private static IReadOnlyList<Diagnostic> Read(IReadOnlyList<(string Path, string? Text)> files)
    {
        var diagnostics = new DiagnosticBag();
        var content = new ContentSet("content/", files.Select(f => new ContentFile(f.Path, "/site/" + f.Path, f.Text?.Length ?? 0, f.Text)));
        new ParseSiteConfiguration().Run(content, diagnostics);
        new ParseGazetteIssues().Run(content, diagnostics);
        new ParseHolidays().Run(content, diagnostics);
        return diagnostics.Items;
    }
}
