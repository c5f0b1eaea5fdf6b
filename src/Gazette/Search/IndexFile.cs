using System.IO.Compression;
using System.Security.Cryptography;

namespace Gazette.Search;

/// <summary>
/// One file of the search index: gzip-compressed bytes named with <see cref="Hash"/>, the first <see cref="HashBytes"/> bytes of
/// their SHA-256 in hex. A term chunk, metadata shard or searchable text is named with its number and the hash of its group instead,
/// <see cref="TableHashBytes"/> long (docs/search-index.md).
/// </summary>
internal sealed record IndexFile(string Path, byte[] Bytes, byte[] Hash)
{
    public const int HashBytes = 5;

    public const int TableHashBytes = 4;

    /// <summary>Compresses <paramref name="content"/> and names it <c>{folder}/{stem}.{hash}{extension}</c>.</summary>
    public static IndexFile Hashed(string folder, string stem, string extension, byte[] content)
    {
        var compressed = Gzip(content);
        var hash = SHA256.HashData(compressed)[..HashBytes];
        var prefix = folder.Length == 0 ? "" : folder + "/";
        return new IndexFile($"{prefix}{stem}.{Hex(hash)}{extension}", compressed, hash);
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>Compresses <paramref name="content"/> with gzip at the level every index file is written with.</summary>
    public static byte[] Gzip(ReadOnlySpan<byte> content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
