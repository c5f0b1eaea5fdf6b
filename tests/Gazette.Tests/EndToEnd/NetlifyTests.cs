using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>The files Netlify reads from the built site: _redirects (permalinks and old addresses) and _headers.</summary>
public sealed class NetlifyTests
{
    [Fact]
    public void Redirects_lead_from_the_index_number_the_document_number_key_and_each_alias_to_the_page()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("关于做好防汛工作的通知", "index_number: 000014350/2019-00016", "doc_number: 测府办发〔2019〕16号",
                "aliases: [/art/2019/7/19/art_1234.html, /xxgk/旧栏目/文件（一）/]")}
            """);
        site.BuildSuccessfully();

        var rules = site.ReadOutput("_redirects").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        const string page = "/documents/000014350/2019-00016/";
        Assert.Equal(
        [
            $"/i/000014350/2019-00016  {page}  301",
            $"/n/{Uri.EscapeDataString("测府办发201916")}  {page}  301",
            $"/art/2019/7/19/art_1234.html  {page}  301",
            $"/xxgk/{Uri.EscapeDataString("旧栏目")}/{Uri.EscapeDataString("文件（一）")}/  {page}  301",
        ], rules);
        Assert.All(rules, r => Assert.True(r.All(char.IsAscii), r));
    }

    [Fact]
    public void A_document_number_that_two_documents_share_leads_to_the_search_for_it()
    {
        using var site = new TestSite($"""
            -- content/documents/a.md --
            {TestSite.Document("甲通知", "index_number: 000014350/2019-00001", "doc_number: 测府办发〔2019〕5号")}
            -- content/documents/b.md --
            {TestSite.Document("乙通知", "index_number: 000014350/2019-00002", "doc_number: 测府办发[2019]5号")}
            """);
        site.BuildSuccessfully();

        var rule = Assert.Single(site.ReadOutput("_redirects").Split('\n'), l => l.StartsWith("/n/", StringComparison.Ordinal));
        Assert.Equal($"/n/{Uri.EscapeDataString("测府办发20195")}  /search/?q={Uri.EscapeDataString("测府办发〔2019〕5号")}  302", rule);
    }

    [Fact]
    public void Headers_come_from_the_theme_with_the_site_base_path_and_netlify_toml_sets_none()
    {
        using var site = TestSite.UnderFolder("通知");
        site.BuildSuccessfully();

        var headers = site.ReadOutput("_headers").Split('\n');
        Assert.Contains("/gongbao/*", headers);
        Assert.Contains("/gongbao/assets/*", headers);
        Assert.Contains(headers, h => h.StartsWith("  Content-Security-Policy: default-src 'none'; script-src 'self'", StringComparison.Ordinal));
        Assert.Contains("  Cache-Control: public, max-age=31536000, immutable", headers);
        Assert.Contains("/gongbao/i/000014350/2019-00001  /gongbao/documents/000014350/2019-00001/  301", site.ReadOutput("_redirects"));
        var toml = File.ReadAllText(Path.Combine(Repository.Root, "netlify.toml"));
        Assert.DoesNotContain("[[headers]]", toml);
        Assert.DoesNotContain("Content-Security-Policy =", toml);
    }

    [Fact]
    public void Netlify_keeps_the_build_cache_the_published_folder_and_Gazette_as_compiled_between_builds()
    {
        var toml = File.ReadAllText(Path.Combine(Repository.Root, "netlify.toml"));
        var publish = System.Text.RegularExpressions.Regex.Match(toml, "publish = \"([^\"]+)\"").Groups[1].Value;
        var script = File.ReadAllText(Path.Combine(Repository.Root, ".ci", "netlify-build"));

        Assert.Contains("command = \"bash .ci/netlify-build\"", toml);
        Assert.Contains("package = \"netlify-plugin-cache\"", toml);
        Assert.Contains($"paths = [\"{Gazette.Pipeline.BuildOptions.DefaultCacheFolder}\", \"{publish}\", \".gazette-bin\"]", toml);
        Assert.Contains("bin=.gazette-bin", script);
        Assert.Contains("-p:PublishAot=true -o \"$bin\"", script);
        Assert.Contains("exec \"$bin/Gazette.Cli\" build\n", script);
        Assert.DoesNotContain("--no-cache", toml + script);
    }
}
