using System.Security.Cryptography;
using System.Text;
using Gazette.Integrity;

namespace Gazette.Tests.Integrity;

public sealed class IntegrityManifestTests
{
    private static ManifestEntry Entry(string path, string content) =>
        new(Encoding.UTF8.GetBytes(path), Sha256Digest.Of(Encoding.UTF8.GetBytes(content)));

    private static string Hex(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void The_manifest_has_one_sha256sum_line_per_file_sorted_by_path_bytes()
    {
        var manifest = IntegrityManifest.Write([Entry("index.html", "首页"), Entry("documents/x/附件.pdf", "pdf"), Entry("404.html", "无"), Entry("Z.txt", "z")]);

        // Byte order: digits before upper case before lower case, and UTF-8 after ASCII (as LC_ALL=C sort)
        Assert.Equal(
            $"{Hex("无")}  404.html\n{Hex("z")}  Z.txt\n{Hex("pdf")}  documents/x/附件.pdf\n{Hex("首页")}  index.html\n",
            Encoding.UTF8.GetString(manifest));
    }

    [Fact]
    public void The_manifest_leaves_out_itself_and_its_signature_but_lists_the_public_key()
    {
        var manifest = Encoding.UTF8.GetString(IntegrityManifest.Write(
            [Entry(IntegrityFiles.Manifest, "旧清单"), Entry(IntegrityFiles.Signature, "签名"), Entry(IntegrityFiles.PublicKey, "公钥"), Entry("index.html", "首页")]));

        Assert.DoesNotContain("manifest.txt", manifest);
        Assert.DoesNotContain("manifest.sig", manifest);
        Assert.Contains($"{Hex("公钥")}  {IntegrityFiles.PublicKey}\n", manifest);
        Assert.Equal(2, manifest.Count(c => c == '\n'));
    }

    [Fact]
    public void A_path_with_a_backslash_or_line_break_is_escaped_as_sha256sum_does_and_reads_back()
    {
        var manifest = IntegrityManifest.Write([Entry("a\\b", "a"), Entry("c\nd", "b")]);

        Assert.Equal($"\\{Hex("a")}  a\\\\b\n\\{Hex("b")}  c\\nd\n", Encoding.UTF8.GetString(manifest));
        Assert.True(IntegrityManifest.TryParse(manifest, out var entries, out var error), error);
        Assert.Equal(["a\\b", "c\nd"], entries.Select(e => e.PathText));
    }

    [Fact]
    public void A_written_manifest_reads_back_with_the_same_paths_and_hashes()
    {
        var written = new[] { Entry("index.html", "首页"), Entry("documents/一/附件 1.pdf", "pdf") };

        Assert.True(IntegrityManifest.TryParse(IntegrityManifest.Write(written), out var entries, out _));

        Assert.Equal(["documents/一/附件 1.pdf", "index.html"], entries.Select(e => e.PathText));
        Assert.Equal(Hex("pdf"), entries[0].Hash.ToHex());
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    public void A_manifest_naming_a_path_outside_the_site_is_refused(string path)
    {
        var manifest = Encoding.UTF8.GetBytes($"{Hex("x")}  {path}\n");

        Assert.False(IntegrityManifest.TryParse(manifest, out _, out var error));
        Assert.Equal($"line 1: the path '{path}' is not a plain relative path", error);
    }

    [Fact]
    public void A_manifest_line_without_a_hash_is_refused_with_its_line_number()
    {
        var manifest = Encoding.UTF8.GetBytes($"{Hex("x")}  index.html\nnot a hash  404.html\n");

        Assert.False(IntegrityManifest.TryParse(manifest, out _, out var error));
        Assert.Equal("line 2 is not '<sha256>  <path>'", error);
    }

    [Fact]
    public void A_manifest_listing_a_file_twice_is_refused()
    {
        var manifest = Encoding.UTF8.GetBytes($"{Hex("x")}  index.html\n{Hex("y")}  index.html\n");

        Assert.False(IntegrityManifest.TryParse(manifest, out _, out var error));
        Assert.Equal("line 2: 'index.html' is listed twice", error);
    }
}
