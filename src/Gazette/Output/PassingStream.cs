namespace Gazette.Output;

/// <summary>
/// A write-only stream that passes what is written on to <paramref name="target"/> and looks at it on the way
/// (<see cref="Look"/>): the hash of a file written piece by piece, the audit of it. It neither reads nor seeks.
/// </summary>
public abstract class PassingStream(Stream target) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Looks at bytes just passed on.</summary>
    protected abstract void Look(ReadOnlySpan<byte> buffer);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        target.Write(buffer);
        Look(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => target.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
