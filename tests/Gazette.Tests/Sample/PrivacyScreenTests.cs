using System.Text;
using Gazette.Privacy;
using Gazette.Search;
using Gazette.Tests.Support;

namespace Gazette.Tests.Sample;

/// <summary>The sample content, real public documents, passes the privacy screen: nothing reported, nothing personal published.</summary>
public sealed class PrivacyScreenTests(SampleSite site) : IClassFixture<SampleSite>
{
    [Fact]
    public void The_sample_builds_without_a_privacy_diagnostic()
    {
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Code.Id.StartsWith("GZ05", StringComparison.Ordinal));
    }

    [Fact]
    public void No_output_file_of_the_sample_holds_personal_data()
    {
        var scanner = new PersonalDataScanner(DateOnly.FromDateTime(DateTime.UtcNow));
        var hits = new List<string>();
        // Decap CMS's files under admin/ are the npm package's, copied as they are: its licence notice names its authors' e-mail
        // addresses, which are no one's personal data published by the site. The page and its configuration are the build's own.
        foreach (var file in site.Files.Where(f => !f.StartsWith("admin/", StringComparison.Ordinal) || f is "admin/index.html" or "admin/config.yml"))
        {
            var bytes = File.ReadAllBytes(Path.Combine(site.Output, file));
            var text = TestSite.TextOf(bytes);
            hits.AddRange(scanner.Scan(text).Select(m => $"{file}: {m.Kind} {m.Masked}"));
        }

        Assert.True(site.Files.Count() > 50);
        Assert.Empty(hits);
    }
}
