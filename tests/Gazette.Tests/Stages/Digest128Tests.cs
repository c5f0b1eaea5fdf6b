using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Gazette.Output;

namespace Gazette.Tests.Stages;

/// <summary>
/// The build's 128-bit digests are the numbers <see cref="UInt128"/> gave before (so the keys in a build cache, and the file
/// names made from them, stay what they were): the same halves of an XXH128, of bytes or of a hash fed piece by piece, the same
/// 16 little-endian bytes, and equal exactly when the numbers are.
/// </summary>
public sealed class Digest128Tests
{
    public static TheoryData<string> Texts => new() { "", "国务院办公厅关于印发2019年政务公开工作要点的通知", new string('政', 10_000) };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Is_the_XXH128_as_UInt128_gives_it(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var expected = XxHash128.HashToUInt128(bytes);
        var hash = new XxHash128();
        hash.Append(bytes.AsSpan(0, bytes.Length / 2));
        hash.Append(bytes.AsSpan(bytes.Length / 2));

        foreach (var digest in new[] { Digest128.Of(bytes), Digest128.Of(hash) })
        {
            Assert.Equal((ulong)(expected >> 64), digest.Upper);
            Assert.Equal((ulong)expected, digest.Lower);
            Assert.Equal(expected.ToString("x32"), digest.ToString());
        }
    }

    [Fact]
    public void Reads_and_writes_the_little_endian_bytes_of_UInt128()
    {
        var number = new UInt128(0x0123456789abcdef, 0xfedcba9876543210);
        var expected = new byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(expected, number);

        var written = new byte[16];
        new Digest128(0x0123456789abcdef, 0xfedcba9876543210).WriteLittleEndian(written);

        Assert.Equal(expected, written);
        Assert.Equal(new Digest128(0x0123456789abcdef, 0xfedcba9876543210), Digest128.ReadLittleEndian(expected));

        // Appended to a hash, it is those bytes
        var appended = new XxHash128();
        new Digest128(0x0123456789abcdef, 0xfedcba9876543210).AppendTo(appended);
        Assert.Equal(XxHash128.HashToUInt128(expected), appended.GetCurrentHashAsUInt128());
    }

    [Fact]
    public void Is_equal_exactly_when_both_halves_are()
    {
        var digest = new Digest128(1, 2);

        Assert.True(digest == new Digest128(1, 2));
        Assert.False(digest == new Digest128(2, 1));
        Assert.False(digest.Equals(new Digest128(1, 3)));
        Assert.Equal(digest.GetHashCode(), new Digest128(1, 2).GetHashCode());
        Assert.True(Digest128.Zero.IsZero);
        Assert.Equal(Digest128.One, Digest128.Zero.NotZero);
        Assert.Equal(digest, digest.NotZero);
        Assert.Equal(new Digest128(1, 3), digest.WithLowestBit);
    }
}
