using System.Text.Json;

namespace Gazette.Tests.Sample;

/// <summary>The sample site's open data and Netlify files: every published document is in them, no withheld one.</summary>
public sealed class OpenDataSampleTests(SampleSite site) : IClassFixture<SampleSite>
{
    private List<(string Path, string Text)> Outputs() =>
        site.Files.Where(f => f.StartsWith("data/", StringComparison.Ordinal) || f is "_redirects" or "_headers")
            .Select(f => (f, site.Read(f)))
            .ToList();

    [Fact]
    public void No_withheld_document_of_the_sample_appears_in_the_open_data_or_the_netlify_files()
    {
        var withheld = site.Documents.Where(d => !d.IsPublic).ToList();
        Assert.NotEmpty(withheld);
        var outputs = Outputs();
        foreach (var document in withheld)
        {
            var needles = new[] { document.Title, document.IndexNumber!, document.DocNumber }.OfType<string>();
            foreach (var needle in needles)
            {
                Assert.DoesNotContain(outputs, o => o.Text.Contains(needle, StringComparison.Ordinal) || o.Path.Contains(needle, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Every_published_document_of_the_sample_is_in_the_catalogue_the_redirects_and_has_its_own_file()
    {
        var published = site.Documents.Where(d => d.IsPublic).ToList();
        var csv = site.Read("data/catalogue.csv");
        var redirects = site.Read("_redirects");
        using var catalogue = JsonDocument.Parse(site.Read("data/catalogue.json"));

        Assert.Equal(published.Count, catalogue.RootElement.GetProperty("documents").GetArrayLength());
        Assert.Equal(published.Count + 2, csv.Split("\r\n").Length); // the header and the empty string after the last line end
        foreach (var document in published)
        {
            Assert.Contains(document.Title, csv);
            Assert.Contains($"/i/{document.IndexNumber}  /documents/{document.IndexNumber}/  301", redirects);
            Assert.Contains(site.Files, f => f == $"data/documents/{document.IndexNumber}.json");
        }
    }
}
