using System.Text;
using Gazette.Integrity;

namespace Gazette.Tests.Integrity;

public sealed class SigningKeyTests
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("0123  index.html\n");

    /// <summary>A PKCS#8 PEM Ed25519 private key, as <c>openssl genpkey -algorithm ed25519</c> writes it, for a given seed.</summary>
    private static string Pkcs8Pem(byte[] seed) =>
        "-----BEGIN PRIVATE KEY-----\n" + Convert.ToBase64String([.. Convert.FromHexString("302e020100300506032b657004220420"), .. seed]) + "\n-----END PRIVATE KEY-----\n";

    [Fact]
    public void A_new_key_signs_and_its_public_key_verifies_in_each_written_form()
    {
        var (text, publicKey) = SigningKey.New();
        using var key = SigningKey.TryParse(text, out var problem)!;

        Assert.Null(problem);
        var signature = key.Sign(Data);
        Assert.Equal(64, signature.Length);
        Assert.True(publicKey.Verifies(Data, signature));
        var pem = VerificationKey.TryParse(publicKey.Pem)!;
        var inner = VerificationKey.TryParse(publicKey.Pem.Split('\n')[1])!;
        var raw = VerificationKey.TryParse(publicKey.Base64)!;
        Assert.All([pem, inner, raw], k => Assert.True(k.Verifies(Data, signature)));
        Assert.True(key.PublicKey.SameAs(raw));
    }

    [Fact]
    public void A_signature_fails_for_changed_data_and_for_another_key()
    {
        var (text, _) = SigningKey.New();
        using var key = SigningKey.TryParse(text, out _)!;
        var signature = key.Sign(Data);
        var (_, other) = SigningKey.New();

        Assert.False(key.PublicKey.Verifies([.. Data, (byte)'x'], signature));
        Assert.False(other.Verifies(Data, signature));
        Assert.False(key.PublicKey.SameAs(other));
    }

    [Fact]
    public void Signing_is_deterministic()
    {
        var (text, _) = SigningKey.New();
        using var first = SigningKey.TryParse(text, out _)!;
        using var second = SigningKey.TryParse(text, out _)!;

        Assert.Equal(first.Sign(Data), second.Sign(Data));
    }

    [Fact]
    public void A_PKCS8_PEM_key_and_the_base64_of_the_same_seed_are_the_same_key()
    {
        var seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        using var fromPem = SigningKey.TryParse(Pkcs8Pem(seed), out var problem);
        using var fromBase64 = SigningKey.TryParse(Convert.ToBase64String(seed), out _)!;

        Assert.True(fromPem is not null, problem);
        Assert.True(fromPem.PublicKey.SameAs(fromBase64.PublicKey));
        Assert.Equal(fromPem.Sign(Data), fromBase64.Sign(Data));
    }

    [Theory]
    [InlineData("not a key!", "it is neither base64 nor a PEM block")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g", "it is base64 of 33 bytes, but an Ed25519 private key (its seed) is 32")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA2y4P13ywQQTecwNWUO4CjKiIxbkWK2JdSxqcIyjlPyQ=\n-----END PUBLIC KEY-----",
        "it is a PEM block but not a PKCS#8 private key (-----BEGIN PRIVATE KEY-----)")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "the PEM block is not an Ed25519 private key")]
    public void A_malformed_private_key_is_refused_with_a_reason(string text, string reason)
    {
        Assert.Null(SigningKey.TryParse(text, out var problem));
        Assert.Equal(reason, problem);
    }

    [Fact]
    public void The_key_text_never_shows_the_key()
    {
        var (text, _) = SigningKey.New();
        var given = new SigningKeyText(SigningKeyText.EnvironmentVariable, text);

        Assert.DoesNotContain(text, given.ToString());
        Assert.DoesNotContain(text, new Gazette.Pipeline.BuildOptions("/a", "/a/content", "/a/theme", "/a/public") { SigningKey = given }.ToString());
    }
}
