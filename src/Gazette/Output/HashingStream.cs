using System.Security.Cryptography;
using Gazette.Integrity;

namespace Gazette.Output;

/// <summary>
/// A write-only stream that passes every byte on to another stream and takes its SHA-256 on the way, so a file written piece by
/// piece (the open data's catalogue) is hashed for the integrity manifest without being held whole or read back.
/// </summary>
public sealed class HashingStream(Stream target) : Stream
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The SHA-256 of everything written so far; call once, when the writing is done.</summary>
    public Sha256Digest Hash()
    {
        var hash = default(Sha256Digest);
        _sha256.GetHashAndReset(hash);
        return hash;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        target.Write(buffer);
        _sha256.AppendData(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => target.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha256.Dispose();
        }

        base.Dispose(disposing);
    }
}
