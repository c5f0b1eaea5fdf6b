using System.Security.Cryptography;
using System.Text;
using Gazette.Integrity;

namespace Gazette.Tests.Integrity;

/// <summary>What a build publishes for integrity: the manifest of every file, its signature and the public key.</summary>
public sealed class ManifestBuildTests
{
    private static IReadOnlyList<ManifestEntry> Manifest(SignedSite site)
    {
        Assert.True(IntegrityManifest.TryParse(File.ReadAllBytes(site.PathOf(IntegrityFiles.Manifest)), out var entries, out var error), error);
        return entries;
    }

    [Fact]
    public void The_manifest_lists_every_published_file_with_its_sha256_except_itself_and_its_signature()
    {
        using var site = new SignedSite();
        site.Build();

        var entries = Manifest(site);

        var published = site.Site.OutputFiles().Where(f => !IntegrityFiles.IsUnlisted(f)).ToList();
        Assert.Equal(published, entries.Select(e => e.PathText).Order(StringComparer.Ordinal));
        Assert.Contains(IntegrityFiles.PublicKey, published);
        Assert.All(entries, e => Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(site.PathOf(e.PathText)))), e.Hash.ToHex()));
        Assert.Contains(entries, e => e.PathText.EndsWith("/附件 一.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public void The_signature_is_the_keys_signature_of_the_manifest_and_the_published_key_is_its_public_key()
    {
        using var site = new SignedSite();
        site.Build();

        var manifest = File.ReadAllBytes(site.PathOf(IntegrityFiles.Manifest));
        var signature = File.ReadAllBytes(site.PathOf(IntegrityFiles.Signature));

        Assert.True(site.PublicKey.Verifies(manifest, signature));
        Assert.Equal(site.PublicKey.Pem, File.ReadAllText(site.PathOf(IntegrityFiles.PublicKey)));
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", site.PublicKey.Pem, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_key_the_manifest_is_written_unsigned()
    {
        using var site = new SignedSite(signed: false);
        site.Build();

        Assert.NotEmpty(Manifest(site));
        Assert.False(File.Exists(site.PathOf(IntegrityFiles.Signature)));
        Assert.False(File.Exists(site.PathOf(IntegrityFiles.PublicKey)));
    }

    [Fact]
    public void A_withheld_document_and_its_attachment_are_not_in_the_manifest()
    {
        using var site = new SignedSite();
        site.Build();

        var manifest = Encoding.UTF8.GetString(File.ReadAllBytes(site.PathOf(IntegrityFiles.Manifest)));

        Assert.DoesNotContain("secret-list.txt", manifest);
        Assert.Equal(site.Site.OutputFiles().Count(f => f.EndsWith("index.html", StringComparison.Ordinal)),
            manifest.Split('\n').Count(l => l.EndsWith("index.html", StringComparison.Ordinal)));
    }

    [Fact]
    public void Two_builds_with_the_same_key_are_byte_identical()
    {
        using var site = new SignedSite();
        var second = Path.Combine(site.Site.Root, "public-2");
        site.Build();
        site.Build(second);

        var files = site.Site.OutputFiles().ToList();
        Assert.Contains(IntegrityFiles.Signature, files);
        Assert.Equal(files, Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(second, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.True(File.ReadAllBytes(site.PathOf(f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, f))), $"{f} differs"));
    }
}
