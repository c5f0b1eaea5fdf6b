using Gazette.Diagnostics;
using Gazette.Integrity;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>GZ07xx: the key that signs the integrity manifest.</summary>
public sealed class IntegrityErrorTests
{
    [Fact]
    [Trait("Code", "GZ0701")]
    public void A_signing_key_of_the_wrong_length_is_an_error_at_the_environment_variable_that_does_not_show_the_key()
    {
        using var site = new TestSite($"-- content/documents/a.md --\n{TestSite.Document("通知")}");
        const string key = "c2VjcmV0LWJ1dC1ub3QtYS1rZXk=";
        var options = site.Options with { SigningKey = new SigningKeyText(SigningKeyText.EnvironmentVariable, key) };

        var result = new BuildPipeline().Run(options);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(Codes.InvalidSigningKey, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("environment:GAZETTE_SIGNING_KEY: error: GAZETTE_SIGNING_KEY is not an Ed25519 private key: " +
            "it is base64 of 20 bytes, but an Ed25519 private key (its seed) is 32 [GZ0701]", error.ToString().Split('\n')[0]);
        Assert.DoesNotContain(key, error.ToString());
        Assert.Contains("gazette key new", error.Hint);
        BadSite.AssertNothingWritten(site, options);
    }

    [Fact]
    [Trait("Code", "GZ0701")]
    public void A_bad_signing_key_is_reported_with_the_contents_errors()
    {
        using var site = new TestSite($"-- content/documents/a.md --\n{TestSite.Document("通知", "genre: 不存在的文种")}");
        var options = site.Options with { SigningKey = new SigningKeyText(SigningKeyText.EnvironmentVariable, "-----BEGIN RSA PRIVATE KEY-----") };

        var result = new BuildPipeline().Run(options);

        Assert.Equal(["GZ0203", "GZ0701"], result.Diagnostics.Select(d => d.Code.Id).Order());
        BadSite.AssertNothingWritten(site, options);
    }
}
