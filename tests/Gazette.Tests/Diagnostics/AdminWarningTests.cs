using Gazette.Diagnostics;
using Gazette.Tests.Admin;
using Gazette.Tests.Support;

namespace Gazette.Tests.Diagnostics;

/// <summary>GZ08xx: the administration page (public/admin/, Decap CMS).</summary>
public sealed class AdminWarningTests
{
    [Fact]
    [Trait("Code", "GZ0801")]
    public void A_site_whose_admin_package_is_not_installed_builds_without_the_administration_page_and_a_warning()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的方案", "genre: 方案")}
            """);
        FakeDecapPackage.Install(Path.Combine(site.Root, "admin"), withNodeModules: false);

        var result = site.BuildSuccessfully();

        var warning = Assert.Single(result.Diagnostics, d => d.Code == Codes.AdminScriptMissing);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("admin/package.json:1:1", warning.Location.ToString());
        Assert.Contains("npm ci --prefix admin", warning.Hint);
        Assert.DoesNotContain(site.OutputFiles(), f => f.StartsWith("admin/", StringComparison.Ordinal));
        Assert.True(site.OutputExists("index.html"), "the rest of the site was not built");
    }

    [Fact]
    public void A_site_without_an_admin_package_has_no_administration_page_and_no_warning()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于测试的方案", "genre: 方案")}
            """);

        var result = site.BuildSuccessfully();

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Codes.AdminScriptMissing);
        Assert.DoesNotContain(site.OutputFiles(), f => f.StartsWith("admin/", StringComparison.Ordinal));
    }
}
