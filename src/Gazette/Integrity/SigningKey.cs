using NSec.Cryptography;

namespace Gazette.Integrity;

/// <summary>
/// An Ed25519 private key that signs the manifest. It is written either as the base64 of its 32-byte seed (one line, what
/// <see cref="New"/> makes, easy to paste into an environment variable) or as a PKCS#8 PEM block (<c>-----BEGIN PRIVATE KEY-----</c>,
/// what <c>openssl genpkey -algorithm ed25519</c> writes). Ed25519 signatures are deterministic: the same manifest and key
/// always give the same signature.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private SigningKey(Key key) => _key = key;

    /// <summary>Reads a key; on failure <paramref name="problem"/> says why, without showing any of the key.</summary>
    public static SigningKey? TryParse(string text, out string? problem)
    {
        var trimmed = text.Trim();
        problem = null;
        if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            if (!trimmed.StartsWith("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal))
            {
                problem = "it is a PEM block but not a PKCS#8 private key (-----BEGIN PRIVATE KEY-----)";
                return null;
            }

            if (Key.TryImport(Ed25519, System.Text.Encoding.ASCII.GetBytes(trimmed), KeyBlobFormat.PkixPrivateKeyText, out var pem))
            {
                return new SigningKey(pem!);
            }

            problem = "the PEM block is not an Ed25519 private key";
            return null;
        }

        var seed = new byte[64];
        if (!Convert.TryFromBase64String(trimmed, seed, out var length))
        {
            problem = "it is neither base64 nor a PEM block";
            return null;
        }

        if (length != Ed25519.PrivateKeySize)
        {
            problem = $"it is base64 of {length} bytes, but an Ed25519 private key (its seed) is {Ed25519.PrivateKeySize}";
            return null;
        }

        var imported = Key.Import(Ed25519, seed.AsSpan(0, length), KeyBlobFormat.RawPrivateKey);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        return new SigningKey(imported);
    }

    /// <summary>A new random key: the base64 of its seed (for <see cref="SigningKeyText.EnvironmentVariable"/>) and its public key.</summary>
    public static (string PrivateKey, VerificationKey PublicKey) New()
    {
        using var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var seed = key.Export(KeyBlobFormat.RawPrivateKey);
        var text = Convert.ToBase64String(seed);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        return (text, new VerificationKey(key.PublicKey));
    }

    /// <summary>The public key that checks this key's signatures.</summary>
    public VerificationKey PublicKey => new(_key.PublicKey);

    /// <summary>The 64-byte Ed25519 signature of <paramref name="data"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => Ed25519.Sign(_key, data);

    public void Dispose() => _key.Dispose();
}
