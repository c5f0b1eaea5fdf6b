using Gazette.Diagnostics;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>
/// GZ05xx: personal data in a published document (DOMAIN rule 2). Documents come from <see cref="TestSite.Document"/>: line 2
/// title, 8 summary, 10 onwards the extra fields; the body given to <see cref="BadSite.DocumentWithBody"/> starts on line 12
/// when there are no extra fields. Messages show the number masked, never whole.
/// </summary>
public sealed class PrivacyErrorTests
{
    [Fact]
    [Trait("Code", "GZ0505")]
    public void Privacy_reviewed_without_a_reason_is_reported_at_its_value()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("行政处罚决定书", "privacy: reviewed")}
            """);

        var error = BadSite.Fails(site, Codes.ReviewedWithoutReason, "content/documents/a.md", 10, 10);
        Assert.StartsWith("add 'privacy_reason:'", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void An_unknown_privacy_value_is_reported_with_the_allowed_values()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("行政处罚决定书", "privacy: hide")}
            """);

        var error = BadSite.Fails(site, Codes.InvalidValue, "content/documents/a.md", 10, 10);
        Assert.Equal("'privacy' cannot be \"hide\"", error.Message);
        Assert.Equal("write one of mask, reviewed, 去标识化, 已审核", error.Hint);
    }

    [Fact]
    [Trait("Code", "GZ0105")]
    public void A_misspelt_privacy_value_gets_a_did_you_mean_hint()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("行政处罚决定书", "privacy: masked")}
            """);

        var error = BadSite.Fails(site, Codes.InvalidValue, "content/documents/a.md", 10, 10);
        Assert.Equal("did you mean 'mask'?", error.Hint);
    }
}
