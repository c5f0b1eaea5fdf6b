using System.Text;
using NSec.Cryptography;

namespace Gazette.Integrity;

/// <summary>
/// An Ed25519 public key that checks a manifest's signature. Written as a SubjectPublicKeyInfo PEM block
/// (<c>-----BEGIN PUBLIC KEY-----</c>, which OpenSSL reads), as the base64 line inside that block, or as the base64 of its 32 bytes.
/// </summary>
public sealed class VerificationKey
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly PublicKey _key;

    internal VerificationKey(PublicKey key) => _key = key;

    /// <summary>Reads a PEM block or base64 of 32 bytes; null when the text is neither.</summary>
    public static VerificationKey? TryParse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal))
        {
            return PublicKey.TryImport(Ed25519, Encoding.ASCII.GetBytes(trimmed), KeyBlobFormat.PkixPublicKeyText, out var pem) ? new VerificationKey(pem!) : null;
        }

        // The base64 of the 32 key bytes, or of the SubjectPublicKeyInfo (the line inside the PEM block, 44 bytes)
        var bytes = new byte[64];
        if (!Convert.TryFromBase64String(trimmed, bytes, out var length))
        {
            return null;
        }

        var format = length == Ed25519.PublicKeySize ? KeyBlobFormat.RawPublicKey : KeyBlobFormat.PkixPublicKey;
        return PublicKey.TryImport(Ed25519, bytes.AsSpan(0, length), format, out var key) ? new VerificationKey(key!) : null;
    }

    /// <summary>The key as a PEM block ending in a line feed, as the build publishes it.</summary>
    public string Pem => Encoding.ASCII.GetString(_key.Export(KeyBlobFormat.PkixPublicKeyText)).ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    /// <summary>The base64 of the key's 32 bytes.</summary>
    public string Base64 => Convert.ToBase64String(_key.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>True when <paramref name="signature"/> is this key's Ed25519 signature of <paramref name="data"/>.</summary>
    public bool Verifies(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => Ed25519.Verify(_key, data, signature);

    /// <summary>True when both are the same key.</summary>
    public bool SameAs(VerificationKey other) => _key.Equals(other._key);
}
