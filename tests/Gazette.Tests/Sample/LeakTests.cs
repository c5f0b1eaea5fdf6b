using System.Text.RegularExpressions;
using Gazette.Model;

namespace Gazette.Tests.Sample;

public sealed partial class LeakTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Fact]
    public void The_sample_has_a_document_that_must_not_be_published()
    {
        Assert.Contains(site.Documents, d => d.Disclosure == Disclosure.OnRequest);
    }

    [Fact]
    public void Nothing_of_a_non_public_document_appears_in_any_output_file()
    {
        var output = AllOutput();
        var leaks = new List<string>();
        foreach (var document in site.Documents.Where(d => !d.IsPublic))
        {
            foreach (var text in Distinctive(document, site.Body(document)))
            {
                if (output.FirstOrDefault(o => o.Text.Contains(text, StringComparison.Ordinal)) is { Path: not null } hit)
                {
                    leaks.Add($"{document.Source.Path}: \"{text}\" appears in {hit.Path}");
                }
            }
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public void The_leak_check_finds_the_distinctive_strings_of_a_published_document()
    {
        // The same search over a published document must find it: otherwise the leak test could not fail.
        var output = AllOutput();
        var published = site.Documents.First(d => d.IsPublic && d.DocNumber is not null);
        var strings = Distinctive(published, site.Body(published)).ToList();
        Assert.True(strings.Count > 5);
        Assert.All(strings.Take(5), s => Assert.Contains(output, o => o.Text.Contains(s, StringComparison.Ordinal)));
    }

    private List<(string Path, string Text)> AllOutput() =>
        site.Files.Select(f => (f, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(site.Output, f)))))
            .Append(("(file names)", string.Join("\n", site.Files)))
            .ToList();

    /// <summary>Title, document number, index number, attachment names and every substantial sentence of the body.</summary>
    private static IEnumerable<string> Distinctive(Document document, string body)
    {
        yield return document.Title;
        if (document.DocNumber is { } number)
        {
            yield return number;
        }

        yield return document.IndexNumber!;
        foreach (var attachment in document.Attachments)
        {
            yield return attachment.FileName;
        }

        foreach (var sentence in SentenceBreak().Split(body))
        {
            var text = MarkdownNoise().Replace(sentence, "").Trim();
            if (text.Length >= 12)
            {
                yield return text;
            }
        }
    }

    [GeneratedRegex("[。；！？\\n]")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex("[#*>|`_\\-]+|^\\s*\\d+\\.\\s*")]
    private static partial Regex MarkdownNoise();
}
