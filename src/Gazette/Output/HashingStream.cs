using System.Security.Cryptography;
using Gazette.Integrity;

namespace Gazette.Output;

/// <summary>
/// A write-only stream that passes every byte on to another stream and takes its SHA-256 on the way, so a file written piece by
/// piece (the open data's catalogue) is hashed for the integrity manifest without being held whole or read back.
/// </summary>
public sealed class HashingStream(Stream target) : PassingStream(target)
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>The SHA-256 of everything written so far; call once, when the writing is done.</summary>
    public Sha256Digest Hash()
    {
        var hash = default(Sha256Digest);
        _sha256.GetHashAndReset(hash);
        return hash;
    }

    protected override void Look(ReadOnlySpan<byte> buffer) => _sha256.AppendData(buffer);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha256.Dispose();
        }

        base.Dispose(disposing);
    }
}
