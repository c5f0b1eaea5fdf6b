using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;
using Gazette.Output;

namespace Gazette.Search;

/// <summary>
/// One file of the search index: gzip-compressed bytes named with <see cref="Hash"/>, the first <see cref="HashBytes"/> bytes of
/// their SHA-256 in hex. A term chunk or metadata shard is named with its number and the hash of its group instead,
/// <see cref="TableHashBytes"/> long (docs/search-index.md).
/// </summary>
internal sealed record IndexFile(string Path, byte[] Bytes, byte[] Hash)
{
    public const int HashBytes = 5;

    public const int TableHashBytes = 4;

    [ThreadStatic]
    private static MemoryStream? _gzipped; // Gzip's buffer, kept by each thread

    /// <summary>The digest of the file's content before compression (<see cref="KeyOf"/>); none when it was made without a recall.</summary>
    public RenderKey Key { get; init; }

    /// <summary>
    /// Not null: the file's bytes were not made (<see cref="Bytes"/> is empty), as the output folder holds them already, at this
    /// path (relative to search/), from the last build (<see cref="GzipRecall"/>).
    /// </summary>
    public string? Recalled { get; init; }

    /// <summary>The content <see cref="Bytes"/> were compressed from, when it was made whole (<see cref="OutputFile.Text"/>); null: not kept.</summary>
    public byte[]? Plain { get; init; }

    /// <summary>Compresses <paramref name="content"/> and names it <c>{folder}/{stem}.{hash}{extension}</c>.</summary>
    /// <param name="recall">the last build's file of the same content, whose bytes are then not made again; null: none.</param>
    public static IndexFile Hashed(string folder, string stem, string extension, ReadOnlySpan<byte> content, GzipRecall? recall = null)
    {
        var (compressed, sha256, key, recalled) = Compress(content, recall);
        var hash = sha256[..HashBytes];
        var prefix = folder.Length == 0 ? "" : folder + "/";
        return new IndexFile($"{prefix}{stem}.{Hex(hash)}{extension}", compressed, hash) { Key = key, Recalled = recalled };
    }

    /// <summary>
    /// <paramref name="content"/> compressed, with the SHA-256 of the compressed bytes and the key of the content; or, when
    /// <paramref name="recall"/> finds the last build's file of this content, no bytes, its hash and where it is. Without a
    /// recall (no build cache: nothing is recorded for a next build) the content is not keyed.
    /// </summary>
    public static (byte[] Bytes, byte[] Sha256, RenderKey Key, string? Recalled) Compress(ReadOnlySpan<byte> content, GzipRecall? recall)
    {
        var key = recall is null ? RenderKey.None : KeyOf(content);
        if (recall?.Invoke(key) is { } found)
        {
            return ([], found.Sha256, key, found.Path);
        }

        var compressed = Gzip(content);
        return (compressed, SHA256.HashData(compressed), key, null);
    }

    /// <summary>
    /// The key of a file compressed from <paramref name="content"/>: the XXH128 of this build of Gazette and its runtime (whose
    /// gzip makes the bytes) and of the content.
    /// </summary>
    public static RenderKey KeyOf(ReadOnlySpan<byte> content)
    {
        var digest = new XxHash128();
        digest.Append(BuildIdentity.Bytes);
        digest.Append("gzip\0"u8);
        digest.Append(content);
        var value = Digest128.Of(digest);
        return new RenderKey(value.NotZero);
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>The level of zlib every index file is compressed at (<see cref="CompressionLevel.Optimal"/>'s).</summary>
    public static readonly ZLibCompressionOptions Optimal = new() { CompressionLevel = 6 };

    /// <summary>Compresses <paramref name="content"/> with gzip, at <paramref name="options"/>'s level (null: <see cref="Optimal"/>).</summary>
    public static byte[] Gzip(ReadOnlySpan<byte> content, ZLibCompressionOptions? options = null)
    {
        // Into a buffer the thread keeps (one file after another: no stream grown from nothing for each of 50,000 texts), but
        // not one grown past a megabyte
        var output = _gzipped ??= new MemoryStream();
        output.SetLength(0);
        using (var gzip = new GZipStream(output, options ?? Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        var bytes = output.ToArray();
        if (output.Capacity > 1 << 20)
        {
            _gzipped = null;
        }

        return bytes;
    }

    public static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}

/// <summary>
/// Finds the file of the last build compressed from content of this key (<see cref="IndexFile.KeyOf"/>) that the output folder
/// holds as it was left: its path relative to search/ and the SHA-256 of its bytes; null when there is none.
/// </summary>
internal delegate (string Path, byte[] Sha256)? GzipRecall(RenderKey key);
