using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Gazette.Output;

/// <summary>
/// The XXH128 of values appended one after another, each marked off from the next (a string by its length first), so that no two
/// lists of values run together alike: for the keys of files made from several values (<see cref="RenderKey"/>).
/// </summary>
public sealed class KeyDigest
{
    private readonly XxHash128 _hash = new();
    private readonly byte[] _bytes = new byte[16];

    public KeyDigest Append(Digest128 value)
    {
        value.AppendTo(_hash);
        return this;
    }

    public KeyDigest Append(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_bytes, value);
        _hash.Append(_bytes.AsSpan(0, 4));
        return this;
    }

    /// <summary>Appends bytes (their length first).</summary>
    public KeyDigest Append(ReadOnlySpan<byte> bytes)
    {
        Append(bytes.Length);
        _hash.Append(bytes);
        return this;
    }

    /// <summary>Appends a string (null as a length of -1).</summary>
    public KeyDigest Append(string? value)
    {
        Append(value?.Length ?? -1);
        _hash.Append(MemoryMarshal.AsBytes((value ?? "").AsSpan()));
        return this;
    }

    /// <summary>The digest of what was appended.</summary>
    public Digest128 Value => Digest128.Of(_hash);

    /// <summary>The digest as a key (never <see cref="RenderKey.None"/>).</summary>
    public RenderKey Key => new(Value.NotZero);
}
