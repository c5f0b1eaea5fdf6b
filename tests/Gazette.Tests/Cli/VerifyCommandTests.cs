using Gazette.Cli;
using Gazette.Integrity;
using Gazette.Tests.Integrity;
using Gazette.Tests.Support;

namespace Gazette.Tests.Cli;

/// <summary><c>gazette verify</c> and <c>gazette key new</c> on the command line: what they print and their exit codes.</summary>
public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Verify_exits_0_and_says_verified_when_the_copy_is_as_built()
    {
        using var site = new SignedSite();
        site.Build();
        var keyFile = Path.Combine(site.Site.Root, "publisher.pem");
        await File.WriteAllTextAsync(keyFile, site.PublicKey.Pem);
        var (console, output) = PlainConsole.Create();

        var exit = await GazetteCommand.VerifyAsync(site.Output, keyFile, console);

        Assert.Equal(GazetteCommand.Verified, exit);
        Assert.Matches(@"^verified: all \d+ files of .+ match its manifest \(signed with the key given\)$", output.ToString().Trim());
    }

    [Fact]
    public async Task Verify_exits_1_and_prints_one_line_per_problem_and_a_summary()
    {
        using var site = new SignedSite();
        site.Build();
        File.AppendAllText(site.PathOf("404.html"), "改");
        File.WriteAllText(site.PathOf("extra.js"), "alert(1)");
        var (console, output) = PlainConsole.Create();

        var exit = await GazetteCommand.VerifyAsync(site.Output, site.PublicKey.Base64, console);

        Assert.Equal(GazetteCommand.Differences, exit);
        var lines = output.ToString().TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("404.html: differs from the manifest (sha256 ", lines[0], StringComparison.Ordinal);
        Assert.Equal("extra.js: not in the manifest", lines[1]);
        Assert.Matches(@"^not as published: 2 problem\(s\) in .+: 1 differing, 0 missing, 0 unreadable, 1 not in the manifest \(\d+ files listed, manifest signed with the key given\)$", lines[2]);
    }

    [Fact]
    public async Task Verify_exits_2_when_the_signature_does_not_match_the_key_given()
    {
        using var site = new SignedSite();
        site.Build();
        var (_, other) = SigningKey.New();
        var (console, output) = PlainConsole.Create();

        var exit = await GazetteCommand.VerifyAsync(site.Output, other.Pem, console);

        Assert.Equal(GazetteCommand.CannotVerify, exit);
        Assert.StartsWith("cannot verify: the manifest's signature does not match the key given", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_exits_2_for_a_key_that_is_not_a_public_key_and_for_a_folder_that_does_not_exist()
    {
        var (console, output) = PlainConsole.Create();

        Assert.Equal(GazetteCommand.CannotVerify, await GazetteCommand.VerifyAsync(Path.GetTempPath(), "not-a-key", console));
        Assert.Equal(GazetteCommand.CannotVerify, await GazetteCommand.VerifyAsync("/no/such/folder", null, console));
        Assert.Contains("--key is not an Ed25519 public key", output.ToString());
        Assert.Contains("/no/such/folder is neither an http(s) address nor a folder", output.ToString());
    }

    [Fact]
    public async Task Key_new_prints_a_private_key_for_the_environment_variable_and_its_public_key()
    {
        var (console, output) = PlainConsole.Create();

        Assert.Equal(GazetteCommand.Success, GazetteCommand.NewKey(console));

        var text = output.ToString();
        var line = text.Split('\n').Single(l => l.StartsWith("GAZETTE_SIGNING_KEY=", StringComparison.Ordinal));
        using var key = SigningKey.TryParse(line["GAZETTE_SIGNING_KEY=".Length..], out var problem);
        Assert.True(key is not null, problem);
        Assert.Contains(key.PublicKey.Pem, text);
        Assert.Contains(key.PublicKey.Base64, text);
    }
}
