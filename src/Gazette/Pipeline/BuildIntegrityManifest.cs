using Gazette.Integrity;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// The integrity manifest (防篡改): every file the build wrote with its SHA-256, in <c>sha256sum</c> format
/// (<see cref="IntegrityManifest"/>), and with a signing key its Ed25519 signature and the public key that checks it. The public
/// key is written with the site's first files (<see cref="PublicKey"/>), so the manifest lists it too; the manifest and its
/// signature come last and are the only files it does not list.
/// </summary>
public sealed class BuildIntegrityManifest
{
    /// <summary>The public key file, written before the manifest is made.</summary>
    public OutputFile PublicKey(SigningKey key) => new(IntegrityFiles.PublicKey, System.Text.Encoding.ASCII.GetBytes(key.PublicKey.Pem));

    /// <summary>
    /// Writes the manifest of <paramref name="written"/> into <paramref name="site"/> and, with <paramref name="key"/>, its
    /// signature. Without a key the manifest goes to its file a line at a time (at 100,000 documents it is some 40 MB, written
    /// when the build holds the most); the signature needs it whole.
    /// </summary>
    /// <param name="written">every file written, sorted here in place.</param>
    public void Run(ManifestEntry[] written, SigningKey? key, WriteSite site)
    {
        if (key is null)
        {
            site.Write(IntegrityFiles.Manifest, stream => IntegrityManifest.Write(written, stream));
            return;
        }

        var manifest = IntegrityManifest.Write(written);
        site.Write([new OutputFile(IntegrityFiles.Manifest, manifest), new OutputFile(IntegrityFiles.Signature, key.Sign(manifest))]);
    }
}
