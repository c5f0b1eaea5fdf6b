using System.Security.Cryptography;
using System.Text;
using Gazette.Model;
using Gazette.Pipeline;
using Gazette.Theme;

namespace Gazette.Tests.Stages;

public sealed class FingerprintAssetsTests
{
    private static ThemeFile Asset(string name, string text) => new("assets/" + name, "theme/assets/" + name, Encoding.UTF8.GetBytes(text));

    private static string HashedName(string name, string text, string basePath = "/")
    {
        var (urls, _) = new FingerprintAssets().Run([Asset(name, text)], new SiteUrls(basePath));
        return urls[name];
    }

    [Fact]
    public void An_asset_is_named_after_the_first_ten_hex_digits_of_its_SHA256()
    {
        var bytes = Encoding.UTF8.GetBytes("body { color: #333; }");
        var hash = System.Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];

        var (urls, files) = new FingerprintAssets().Run([new ThemeFile("assets/site.css", "theme/assets/site.css", bytes)], new SiteUrls("/"));

        Assert.Equal($"/assets/site.{hash}.css", urls["site.css"]);
        var file = Assert.Single(files);
        Assert.Equal($"assets/site.{hash}.css", file.Path);
        Assert.Same(bytes, file.Bytes);
    }

    [Fact]
    public void The_hashed_name_changes_when_the_content_changes()
    {
        Assert.NotEqual(HashedName("site.css", "a{}"), HashedName("site.css", "b{}"));
        Assert.Equal(HashedName("site.css", "a{}"), HashedName("site.css", "a{}"));
    }

    [Fact]
    public void Map_keys_are_the_names_inside_the_assets_folder()
    {
        var (urls, _) = new FingerprintAssets().Run(
            [Asset("site.css", "a"), Asset("site.js", "b"), Asset("fonts/hei.woff2", "c")], new SiteUrls("/"));

        Assert.Equal(["fonts/hei.woff2", "site.css", "site.js"], urls.Keys);
        Assert.Matches("^/assets/fonts/hei\\.[0-9a-f]{10}\\.woff2$", urls["fonts/hei.woff2"]);
        Assert.Matches("^/assets/site\\.[0-9a-f]{10}\\.js$", urls["site.js"]);
    }

    [Fact]
    public void Asset_URLs_live_under_the_base_path()
    {
        Assert.StartsWith("/gongbao/assets/site.", HashedName("site.css", "a", "/gongbao/"));
    }
}
