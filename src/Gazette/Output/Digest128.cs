using System.Buffers.Binary;
using System.IO.Hashing;

namespace Gazette.Output;

/// <summary>
/// A 128-bit digest (an XXH128, or a key made from several of them), as its two halves. Not <see cref="UInt128"/>: ReadyToRun
/// code is never made for a method that takes, returns or passes on a <see cref="UInt128"/> (its calling convention may change
/// from one .NET to the next), so every method of the build that handles digests was compiled anew in every build.
/// The same numbers: <see cref="Upper"/> and <see cref="Lower"/> are the halves <see cref="XxHash128.GetCurrentHashAsUInt128"/>
/// gives, and the little-endian bytes are <see cref="BinaryPrimitives.WriteUInt128LittleEndian"/>'s.
/// </summary>
public readonly struct Digest128(ulong upper, ulong lower) : IEquatable<Digest128>
{
    public ulong Upper { get; } = upper;

    public ulong Lower { get; } = lower;

    public static Digest128 Zero => default;

    public static Digest128 One => new(0, 1);

    public static Digest128 MaxValue => new(ulong.MaxValue, ulong.MaxValue);

    public bool IsZero => (Upper | Lower) == 0;

    /// <summary>This digest, or <see cref="One"/> for <see cref="Zero"/>: a digest that can stand for "not known".</summary>
    public Digest128 NotZero => IsZero ? One : this;

    /// <summary>This digest with its lowest bit set: never <see cref="Zero"/>.</summary>
    public Digest128 WithLowestBit => new(Upper, Lower | 1);

    /// <summary>The XXH128 of <paramref name="bytes"/>.</summary>
    public static Digest128 Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(bytes, hash);
        return FromBigEndian(hash);
    }

    /// <summary>The XXH128 of what <paramref name="hash"/> was given so far.</summary>
    public static Digest128 Of(XxHash128 hash)
    {
        Span<byte> value = stackalloc byte[16];
        hash.GetCurrentHash(value);
        return FromBigEndian(value);
    }

    /// <summary>Reads 16 little-endian bytes, the low half first.</summary>
    public static Digest128 ReadLittleEndian(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..16]), BinaryPrimitives.ReadUInt64LittleEndian(bytes[..8]));

    /// <summary>Writes 16 little-endian bytes, the low half first.</summary>
    public void WriteLittleEndian(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[..8], Lower);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..16], Upper);
    }

    /// <summary>Appends the digest to <paramref name="hash"/> as its 16 little-endian bytes (<see cref="WriteLittleEndian"/>).</summary>
    public void AppendTo(NonCryptographicHashAlgorithm hash)
    {
        Span<byte> bytes = stackalloc byte[16];
        WriteLittleEndian(bytes);
        hash.Append(bytes);
    }

    // XXH128 and the keys made from it are canonical big-endian: the upper half first.
    private static Digest128 FromBigEndian(ReadOnlySpan<byte> bytes) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(bytes[..8]), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..16]));

    public bool Equals(Digest128 other) => Upper == other.Upper && Lower == other.Lower;

    public override bool Equals(object? obj) => obj is Digest128 other && Equals(other);

    public override int GetHashCode() => (int)Lower ^ (int)(Lower >> 32) ^ (int)Upper;

    public static bool operator ==(Digest128 left, Digest128 right) => left.Equals(right);

    public static bool operator !=(Digest128 left, Digest128 right) => !left.Equals(right);

    public override string ToString() => $"{Upper:x16}{Lower:x16}";
}
