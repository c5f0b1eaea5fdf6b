using System.Text;

namespace Gazette.Integrity;

/// <summary>Where the build publishes the integrity manifest, its signature and the public key, relative to the site's root.</summary>
public static class IntegrityFiles
{
    /// <summary>Every other published file with its SHA-256, one <c>sha256sum</c> line each.</summary>
    public const string Manifest = "integrity/manifest.txt";

    /// <summary>The Ed25519 signature of <see cref="Manifest"/>'s bytes (64 bytes), when the build had a signing key.</summary>
    public const string Signature = "integrity/manifest.sig";

    /// <summary>The public key that checks <see cref="Signature"/> (SubjectPublicKeyInfo PEM), when the build had a signing key.</summary>
    public const string PublicKey = "integrity/public-key.pem";

    private static readonly byte[] ManifestUtf8 = Encoding.UTF8.GetBytes(Manifest);
    private static readonly byte[] SignatureUtf8 = Encoding.UTF8.GetBytes(Signature);

    /// <summary>True for the files the manifest cannot list: itself and its signature.</summary>
    public static bool IsUnlisted(string path) => path is Manifest or Signature;

    /// <summary><see cref="IsUnlisted(string)"/> of a path in UTF-8, as the manifest's entries hold it.</summary>
    public static bool IsUnlisted(ReadOnlySpan<byte> path) => path.SequenceEqual(ManifestUtf8) || path.SequenceEqual(SignatureUtf8);
}
