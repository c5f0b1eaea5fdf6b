using Gazette.Integrity;
using Gazette.Tests.Support;

namespace Gazette.Tests.Integrity;

/// <summary><see cref="VerifySite"/> on a built site in a folder and over HTTP, whole and tampered with.</summary>
public sealed class VerifySiteTests
{
    private static Task<VerifyReport> Verify(SignedSite site, VerificationKey? key) => new VerifySite().RunAsync(new FolderCopy(site.Output), key);

    private static string Page(SignedSite site) =>
        site.Site.OutputFiles().First(f => f.StartsWith("documents/", StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal));

    [Fact]
    public async Task A_copy_as_built_is_verified_against_the_publishers_key()
    {
        using var site = new SignedSite();
        site.Build();

        var report = await Verify(site, site.PublicKey);

        Assert.Equal(VerifyOutcome.Verified, report.Outcome);
        Assert.Equal(SignatureState.GivenKey, report.Signature);
        Assert.Empty(report.Problems);
        Assert.Equal(site.Site.OutputFiles().Count() - 2, report.Listed);
    }

    [Fact]
    public async Task A_changed_a_missing_and_an_added_file_are_each_named()
    {
        using var site = new SignedSite();
        site.Build();
        var page = Page(site);
        File.AppendAllText(site.PathOf(page), "<p>篡改</p>");
        var attachment = site.Site.OutputFiles().First(f => f.EndsWith("附件 一.pdf", StringComparison.Ordinal));
        File.Delete(site.PathOf(attachment));
        File.WriteAllText(site.PathOf("documents/extra.html"), "新增");

        var report = await Verify(site, site.PublicKey);

        Assert.Equal(VerifyOutcome.Differences, report.Outcome);
        // Problems come sorted by path, whatever their kind
        Assert.Equal(
            [(page, VerifyProblemKind.Differs), (attachment, VerifyProblemKind.Missing), ("documents/extra.html", VerifyProblemKind.Unlisted)],
            report.Problems.Select(p => (p.Path, p.Kind)));
    }

    [Fact]
    public async Task A_changed_manifest_fails_its_signature()
    {
        using var site = new SignedSite();
        site.Build();
        var manifest = site.PathOf(IntegrityFiles.Manifest);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("  404.html", "  4O4.html", StringComparison.Ordinal));

        var withKey = await Verify(site, site.PublicKey);
        var withPublished = await Verify(site, null);

        Assert.Equal(VerifyOutcome.CannotVerify, withKey.Outcome);
        Assert.Contains("signature does not match the key given", withKey.Failure);
        Assert.Equal(VerifyOutcome.CannotVerify, withPublished.Outcome);
        Assert.Contains("signature does not match integrity/public-key.pem", withPublished.Failure);
    }

    [Fact]
    public async Task Another_key_fails_the_signature()
    {
        using var site = new SignedSite();
        site.Build();
        var (_, other) = SigningKey.New();

        var report = await Verify(site, other);

        Assert.Equal(VerifyOutcome.CannotVerify, report.Outcome);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task A_copy_re_signed_by_someone_else_passes_only_against_its_own_key()
    {
        using var site = new SignedSite();
        site.Build();
        // The attacker changes a page, writes a new manifest, signs it with their own key and publishes that key.
        var page = Page(site);
        File.AppendAllText(site.PathOf(page), "<p>篡改</p>");
        var (attackerText, attackerKey) = SigningKey.New();
        using var attacker = SigningKey.TryParse(attackerText, out _)!;
        File.WriteAllText(site.PathOf(IntegrityFiles.PublicKey), attackerKey.Pem);
        var entries = site.Site.OutputFiles().Where(f => !IntegrityFiles.IsUnlisted(f))
            .Select(f => new ManifestEntry(System.Text.Encoding.UTF8.GetBytes(f), Sha256Digest.Of(File.ReadAllBytes(site.PathOf(f))))).ToList();
        var manifest = IntegrityManifest.Write([.. entries]);
        File.WriteAllBytes(site.PathOf(IntegrityFiles.Manifest), manifest);
        File.WriteAllBytes(site.PathOf(IntegrityFiles.Signature), attacker.Sign(manifest));

        var consistent = await Verify(site, null);
        var anchored = await Verify(site, site.PublicKey);

        Assert.Equal(VerifyOutcome.Verified, consistent.Outcome);
        Assert.Equal(SignatureState.PublishedKey, consistent.Signature);
        Assert.Contains(consistent.Notes, n => n.Contains("consistent with itself", StringComparison.Ordinal));
        Assert.Equal(VerifyOutcome.CannotVerify, anchored.Outcome);
    }

    [Fact]
    public async Task An_unsigned_copy_is_checked_against_its_manifest_with_a_note_and_cannot_be_checked_against_a_key()
    {
        using var site = new SignedSite(signed: false);
        site.Build();

        var alone = await Verify(site, null);
        var withKey = await Verify(site, site.PublicKey);

        Assert.Equal(VerifyOutcome.Verified, alone.Outcome);
        Assert.Equal(SignatureState.Unsigned, alone.Signature);
        Assert.Contains(alone.Notes, n => n.StartsWith("the manifest is not signed", StringComparison.Ordinal));
        Assert.Equal(VerifyOutcome.CannotVerify, withKey.Outcome);
        Assert.Contains("not signed", withKey.Failure);
    }

    [Fact]
    public async Task A_copy_without_a_manifest_cannot_be_verified()
    {
        using var site = new SignedSite();
        site.Build();
        File.Delete(site.PathOf(IntegrityFiles.Manifest));

        var report = await Verify(site, site.PublicKey);

        Assert.Equal(VerifyOutcome.CannotVerify, report.Outcome);
        Assert.Contains("has no integrity/manifest.txt", report.Failure);
    }

    [Fact]
    public async Task A_deployed_copy_is_verified_over_HTTP_and_a_changed_file_is_named()
    {
        using var site = new SignedSite();
        site.Build();
        using var server = new FolderServer(site.Output);
        using var copy = new HttpCopy(new Uri(server.BaseUrl));

        var whole = await new VerifySite().RunAsync(copy, site.PublicKey);
        var page = Page(site);
        File.AppendAllText(site.PathOf(page), "<p>篡改</p>");
        File.Delete(site.PathOf("404.html"));
        var tampered = await new VerifySite().RunAsync(copy, site.PublicKey);

        Assert.Equal(VerifyOutcome.Verified, whole.Outcome);
        Assert.False(whole.ExtrasChecked);
        Assert.True(server.Requests >= whole.Listed + 3, $"{server.Requests} requests for {whole.Listed} files");
        Assert.Equal(VerifyOutcome.Differences, tampered.Outcome);
        Assert.True(tampered.Problems.Count == 2, string.Join("\n", tampered.Problems));
        Assert.Equal([("404.html", VerifyProblemKind.Missing), (page, VerifyProblemKind.Differs)], tampered.Problems.Select(p => (p.Path, p.Kind)));
    }

    [Fact]
    public void A_file_address_percent_encodes_each_segment()
    {
        using var copy = new HttpCopy(new Uri("https://example.gov.cn/gazette"));

        Assert.Equal("https://example.gov.cn/gazette/documents/000014350/2019-00001/%E9%99%84%E4%BB%B6%20%E4%B8%80.pdf",
            copy.Address("documents/000014350/2019-00001/附件 一.pdf").AbsoluteUri);
    }
}
