using Gazette.Integrity;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// The integrity manifest (防篡改): every file the build wrote with its SHA-256, in <c>sha256sum</c> format
/// (<see cref="IntegrityManifest"/>), and with a signing key its Ed25519 signature and the public key that checks it. Pure:
/// hashes in, files out. The public key is written with the site's first files (<see cref="PublicKey"/>), so the manifest lists
/// it too; the manifest and its signature come last and are the only files it does not list.
/// </summary>
public sealed class BuildIntegrityManifest
{
    /// <summary>The public key file, written before the manifest is made.</summary>
    public OutputFile PublicKey(SigningKey key) => new(IntegrityFiles.PublicKey, System.Text.Encoding.ASCII.GetBytes(key.PublicKey.Pem));

    /// <summary>The manifest of <paramref name="written"/> and, with <paramref name="key"/>, its signature.</summary>
    /// <param name="written">every file written, sorted here in place.</param>
    public IReadOnlyList<OutputFile> Run(ManifestEntry[] written, SigningKey? key)
    {
        var manifest = IntegrityManifest.Write(written);
        return key is null
            ? [new OutputFile(IntegrityFiles.Manifest, manifest)]
            : [new OutputFile(IntegrityFiles.Manifest, manifest), new OutputFile(IntegrityFiles.Signature, key.Sign(manifest))];
    }
}
