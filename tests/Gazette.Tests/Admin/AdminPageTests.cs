using System.Security.Cryptography;
using System.Text;
using Gazette.Diagnostics;
using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.Admin;

/// <summary>End-to-end: a site with an installed admin package gets public/admin/ (index.html, config.yml, the hashed script).</summary>
public sealed class AdminPageTests
{
    private static string SiteWithAdmin => $"""
        -- content/documents/a.md --
        {TestSite.Document("关于测试的方案", "genre: 方案")}
        -- content/documents/secret.md --
        {TestSite.Document("关于内部事项的不予公开的方案", "genre: 方案", "doc_number: 测办发〔2019〕99号", "disclosure: 不予公开", "disclosure_reason: 内部事务信息")}
        """;

    [Fact]
    public void The_build_writes_the_administration_page_with_the_script_under_its_content_hash()
    {
        using var site = new TestSite(SiteWithAdmin);
        FakeDecapPackage.Install(Path.Combine(site.Root, "admin"));

        var result = site.BuildSuccessfully();

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FakeDecapPackage.MainScript)))[..10];
        var identity = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FakeDecapPackage.IdentityScript)))[..10];
        var admin = site.OutputFiles().Where(f => f.StartsWith("admin/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["admin/0123abcd.wasm", "admin/103.decap-cms.js", "admin/config.yml", $"admin/decap-cms.{hash}.js", "admin/decap-cms.js.LICENSE.txt", "admin/index.html",
            $"admin/netlify-identity-widget.{identity}.js"], admin.Order(StringComparer.Ordinal));
        Assert.Equal(FakeDecapPackage.MainScript, site.ReadOutput($"admin/decap-cms.{hash}.js"));
        Assert.Equal(FakeDecapPackage.IdentityScript, site.ReadOutput($"admin/netlify-identity-widget.{identity}.js"));
        var page = site.ReadOutput("admin/index.html");
        Assert.Contains($"<script src=\"/admin/netlify-identity-widget.{identity}.js\"></script>\n<script src=\"/admin/decap-cms.{hash}.js\"></script>", page);
        Assert.Contains("<link href=\"/admin/config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">", page);
        Assert.Contains("<title>内容管理 - 测试公报</title>", page);
        Assert.DoesNotContain("<script>", page); // no inline script: the page runs under a CSP without 'unsafe-inline' for scripts
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == Codes.AdminScriptMissing);
        Assert.Contains($"admin/decap-cms.{hash}.js", site.ReadOutput("integrity/manifest.txt"));
    }

    [Fact]
    public void The_administration_page_is_written_under_the_base_path_and_in_the_site_language()
    {
        using var site = new TestSite("""
            -- content/site.yml --
            name: Test Gazette
            base_url: https://example.gov.cn/gongbao/
            publisher: Test City
            language: en
            """);
        FakeDecapPackage.Install(Path.Combine(site.Root, "admin"));

        site.BuildSuccessfully();

        var page = site.ReadOutput("admin/index.html");
        Assert.Contains("<link href=\"/gongbao/admin/config.yml\"", page);
        Assert.Contains("<script src=\"/gongbao/admin/decap-cms.", page);
        Assert.Contains("<title>Content administration - Test Gazette</title>", page);
        Assert.Contains("locale: en", site.ReadOutput("admin/config.yml"));
    }

    [Fact]
    public void Nothing_of_a_withheld_document_reaches_the_administration_page()
    {
        using var site = new TestSite(SiteWithAdmin);
        FakeDecapPackage.Install(Path.Combine(site.Root, "admin"));

        site.BuildSuccessfully();

        var admin = AdminText(site.Output);
        Assert.DoesNotContain("关于内部事项的不予公开的方案", admin);
        Assert.DoesNotContain("测办发〔2019〕99号", admin);
        Assert.DoesNotContain("secret", admin);
        // The check can fail: the vocabularies the page offers are there.
        Assert.Contains("测试市人民政府办公室", admin);
    }

    [Fact]
    public void Nothing_of_the_samples_withheld_documents_reaches_its_administration_page()
    {
        var output = Path.Combine(Path.GetTempPath(), "gazette-admin-" + Guid.NewGuid().ToString("N")[..12]);
        var adminFolder = FakeDecapPackage.Install(output + "-npm");
        try
        {
            var options = BuildOptions.ForSite(Repository.Root, output: output) with { AdminDirectory = adminFolder };
            var result = new BuildPipeline().Run(options);
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Assert.True(result.Withheld > 0, "the sample has no withheld document to check against");

            var diagnostics = new DiagnosticBag();
            var content = new ReadContentFiles().Run(options, diagnostics);
            var config = new ParseSiteConfiguration().Run(content, diagnostics);
            var withheld = new AssignIndexNumbers().Run(new ParseDocuments().Run(content, config, diagnostics), config, diagnostics).Where(d => !d.IsPublic).ToList();
            Assert.NotEmpty(withheld);
            var admin = AdminText(output);
            foreach (var document in withheld)
            {
                Assert.DoesNotContain(document.Title, admin);
                Assert.DoesNotContain(document.IndexNumber!, admin);
                Assert.DoesNotContain(document.Id, admin);
                if (document.DocNumber is { } number)
                {
                    Assert.DoesNotContain(number, admin);
                }
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
            Directory.Delete(adminFolder, recursive: true);
        }
    }

    [Theory]
    [InlineData("", true, "/admin/")]
    [InlineData("admin: {backend: github, repo: example-city/gazette}", true, null)]
    [InlineData("", false, null)]
    public void Pages_send_netlify_identity_links_on_to_the_administration_page_only_when_editors_log_in_with_netlify_identity(string admin, bool installed, string? landing)
    {
        using var site = new TestSite($"""
            -- content/site.yml --
            {TestSite.DefaultSite}
            {admin}
            -- content/documents/a.md --
            {TestSite.Document("关于测试的方案", "genre: 方案")}
            """);
        if (installed)
        {
            FakeDecapPackage.Install(Path.Combine(site.Root, "admin"));
        }

        site.BuildSuccessfully();

        var attribute = landing is null ? "<html lang=\"zh-CN\">" : $"<html lang=\"zh-CN\" data-identity=\"{landing}\">";
        Assert.StartsWith("<!DOCTYPE html>\n" + attribute, site.ReadOutput("index.html"));
        Assert.StartsWith("<!DOCTYPE html>\n" + attribute, site.ReadOutput("search/index.html"));
    }

    [Fact]
    public void Without_the_netlify_identity_widget_installed_the_page_is_left_out_with_a_warning()
    {
        using var site = new TestSite(SiteWithAdmin);
        File.Delete(Path.Combine(FakeDecapPackage.Install(Path.Combine(site.Root, "admin")), ReadAdminScript.IdentityScript));

        var result = site.BuildSuccessfully();

        var warning = TestSite.Single(result, Codes.AdminScriptMissing);
        Assert.Contains("the Netlify Identity widget is not installed in admin/node_modules", warning.Message);
        Assert.False(site.OutputExists("admin/index.html"));
    }

    [Fact]
    public void Two_builds_write_the_same_administration_page()
    {
        using var site = new TestSite(SiteWithAdmin);
        FakeDecapPackage.Install(Path.Combine(site.Root, "admin"));
        site.BuildSuccessfully();
        var first = site.ReadOutput("admin/config.yml") + site.ReadOutput("admin/index.html");

        site.BuildSuccessfully();

        Assert.Equal(first, site.ReadOutput("admin/config.yml") + site.ReadOutput("admin/index.html"));
    }

    private static string AdminText(string output) =>
        string.Join("\n", Directory.EnumerateFiles(Path.Combine(output, "admin"), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileName(f) + "\n" + File.ReadAllText(f)));
}
