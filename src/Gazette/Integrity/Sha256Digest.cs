using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Gazette.Integrity;

/// <summary>A SHA-256 hash held in place (32 bytes, no array), so a manifest of 600,000 files stays small.</summary>
[InlineArray(SHA256.HashSizeInBytes)]
public struct Sha256Digest
{
    private byte _first;

    /// <summary>The hash of <paramref name="bytes"/>.</summary>
    public static Sha256Digest Of(ReadOnlySpan<byte> bytes)
    {
        var digest = default(Sha256Digest);
        SHA256.HashData(bytes, digest);
        return digest;
    }

    /// <summary>A digest from 32 bytes.</summary>
    public static Sha256Digest From(ReadOnlySpan<byte> hash)
    {
        var digest = default(Sha256Digest);
        hash.CopyTo(digest);
        return digest;
    }

    /// <summary>Reads 64 hexadecimal digits (either case).</summary>
    public static bool TryParseHex(ReadOnlySpan<char> hex, out Sha256Digest digest)
    {
        digest = default;
        return hex.Length == SHA256.HashSizeInBytes * 2
            && Convert.FromHexString(hex, digest, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == SHA256.HashSizeInBytes;
    }

    /// <summary>The 64 lower-case hexadecimal digits <c>sha256sum</c> prints.</summary>
    public readonly string ToHex() => Convert.ToHexStringLower(this);

    /// <summary>True when both hold the same 32 bytes.</summary>
    public readonly bool SameAs(in Sha256Digest other) => ((ReadOnlySpan<byte>)this).SequenceEqual(other);
}
