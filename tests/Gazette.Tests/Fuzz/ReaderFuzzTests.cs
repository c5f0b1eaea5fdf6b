using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Model;
using Gazette.Pipeline;
using Gazette.Rendering;
using Gazette.Tests.Stages;
using Xunit.Abstractions;

namespace Gazette.Tests.Fuzz;

/// <summary>
/// Feeds 100,000 random and mutated document files through the reader as a build reads them: strict UTF-8 decoding, the front
/// matter split, the YAML, the field readers of <see cref="ParseDocuments"/>, <see cref="CheckReferences"/> and
/// <see cref="AssignIndexNumbers"/> (with three other documents the samples refer to), and the Markdown converter on the body
/// (on the whole text when it has no front matter). No exception may escape, and every diagnostic must point into the file
/// (line 1 to one past the last line). Case n uses the seed <see cref="FirstSeed"/> + n and runs on as many threads as there
/// are cores; a failure prints how many cases failed in which way, the first one's seed and input, and
/// <c>GAZETTE_FUZZ_SEED=&lt;seed&gt; GAZETTE_FUZZ_CASES=1</c> runs that case alone. The time it took is printed, not asserted.
/// </summary>
[Collection("Fuzz")] // the fuzz tests take every core: one at a time
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    public const int FirstSeed = 20_261_130;
    public const int Cases = 100_000;

    private const string DocumentPath = "content/documents/2019/fuzz.md";

    private static readonly SiteConfiguration Config = Stage.Config(("content/catalogue.yml", "- {id: policy-files, name: 政策文件}\n"));

    private static readonly IReadOnlyList<Issue> Issues =
        [new Issue(new IssueKey(2019, 1), 1, new DateOnly(2019, 3, 10), ["市政府文件", "市政府办公室文件"], null, new SourceLocation("content/gazettes/2019/1.yml"))];

    /// <summary>The documents the samples refer to (interprets, repealed_by, amended_by), as if read from other files.</summary>
    private static readonly IReadOnlyList<Document> Others = [Stage.Document("policy"), Stage.Document("other"), Stage.Document("newer")];

    private static readonly MarkdownConverter Converter = new();

    [Fact]
    public void The_samples_read_without_a_diagnostic()
    {
        foreach (var sample in FuzzSamples.All)
        {
            var (diagnostics, _) = Read(Encoding.UTF8.GetBytes(sample));
            Assert.True(diagnostics.Count == 0, sample + "\n" + string.Join("\n", diagnostics));
        }
    }

    [Fact]
    public void A_hundred_thousand_random_and_mutated_documents_are_read_without_an_exception_and_with_every_diagnostic_inside_the_file()
    {
        var first = Environment.GetEnvironmentVariable("GAZETTE_FUZZ_SEED") is { } seed ? int.Parse(seed, CultureInfo.InvariantCulture) : FirstSeed;
        var cases = Environment.GetEnvironmentVariable("GAZETTE_FUZZ_CASES") is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : Cases;
        var failures = new (int Seed, byte[] Input, string Problem)?[cases];
        var diagnosed = 0;
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var input = new Mutator(new Random(first + i), FuzzSamples.All).Next();
            try
            {
                var (diagnostics, lines) = Read(input);
                if (diagnostics.Count > 0)
                {
                    Interlocked.Increment(ref diagnosed);
                }

                if (diagnostics.FirstOrDefault(d => d.Location.Path != DocumentPath
                        || d.Location.Line < 1 || d.Location.Line > lines + 1 || d.Location.Column < 1) is { } outside)
                {
                    failures[i] = (first + i, input, $"a diagnostic points outside the file of {lines} lines: {outside}");
                }
            }
            catch (Exception e)
            {
                failures[i] = (first + i, input, e.ToString());
            }
        });

        output.WriteLine($"{cases:N0} cases in {watch.Elapsed.TotalSeconds:0.0} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s of processor time) " +
            $"on {Environment.ProcessorCount} cores; {diagnosed:N0} had diagnostics");
        var failed = failures.Where(f => f is not null).Select(f => f!.Value).ToList();
        var kinds = failed.GroupBy(f => f.Problem.Split('\n')[0]).Select(g => $"{g.Count(),6} × {g.Key}");
        Assert.True(failed.Count == 0,
            $"{failed.Count} of {cases:N0} cases failed:\n{string.Join("\n", kinds)}\nthe first: seed {failed.FirstOrDefault().Seed} " +
            $"(rerun with GAZETTE_FUZZ_SEED={failed.FirstOrDefault().Seed} GAZETTE_FUZZ_CASES=1)\n{failed.FirstOrDefault().Problem}\n" +
            $"input ({failed.FirstOrDefault().Input?.Length} bytes): {Show(failed.FirstOrDefault().Input)}");
    }

    /// <summary>Reads one file's bytes as the build would; returns every diagnostic and how many lines the file has.</summary>
    private static (IReadOnlyList<Diagnostic> Diagnostics, int Lines) Read(byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var text = ReadContentFiles.Decode(bytes, DocumentPath, diagnostics);
        if (text is null)
        {
            return (diagnostics.Items, bytes.AsSpan().Count((byte)'\n') + 1);
        }

        // As ReadContentFiles keeps it: the text up to the end of the front matter, the body read again later.
        var split = FrontMatter.Split(text).Result;
        var content = new ContentSet("content/",
        [
            new ContentFile(DocumentPath, "/site/" + DocumentPath, bytes.Length, split is null ? text : text[..split.BodyStart]),
            Stage.Binary("content/documents/2019/原文.txt", 10),
            Stage.Binary("content/documents/2019/附件/表格.csv", 10),
        ]);
        var documents = new ParseDocuments().Run(content, Config, diagnostics);
        new CheckReferences().Run([.. documents, .. Others], Issues, diagnostics);
        new AssignIndexNumbers().Run([.. documents, .. Others], Config, diagnostics);

        var document = documents.Count > 0 ? documents[0] : Stage.Document("fuzz") with { Source = new SourceLocation(DocumentPath), BodyLine = split?.BodyLine ?? 1 };
        var body = split is null ? text : text[split.BodyStart..];
        Converter.Convert(document, body, (id, at) => id == "tongfu-16" ? "/documents/tongfu-16/" : null, diagnostics);
        return (diagnostics.Items, text.AsSpan().Count('\n') + 1);
    }

    /// <summary>The input as a C# string literal (bytes that are not UTF-8 as \xNN), cut after 4,000 characters.</summary>
    private static string Show(byte[]? input)
    {
        if (input is null)
        {
            return "";
        }

        var text = new StringBuilder("\"");
        var decoder = new UTF8Encoding(false, true);
        for (var i = 0; i < input.Length && text.Length < 4000; i++)
        {
            var length = input[i] switch { < 0x80 => 1, >= 0xC2 and < 0xE0 => 2, >= 0xE0 and < 0xF0 => 3, >= 0xF0 and < 0xF5 => 4, _ => 0 };
            string? decoded = null;
            try
            {
                decoded = length > 0 && i + length <= input.Length ? decoder.GetString(input, i, length) : null;
            }
            catch (DecoderFallbackException)
            {
            }

            if (decoded is null)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\x{input[i]:X2}");
                continue;
            }

            i += length - 1;
            text.Append(decoded switch
            {
                "\n" => "\\n",
                "\r" => "\\r",
                "\t" => "\\t",
                "\"" => "\\\"",
                "\\" => "\\\\",
                _ when decoded.Length == 1 && (char.IsControl(decoded[0]) || char.IsSurrogate(decoded[0]) || decoded[0] is '\uFEFF' or '\u2028' or '\u2029' or >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E')
                    => $"\\u{(int)decoded[0]:X4}",
                _ => decoded,
            });
        }

        return text.Append(text.Length >= 4000 ? "\"…" : "\"").ToString();
    }
}
