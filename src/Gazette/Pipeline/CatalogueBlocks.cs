using Gazette.Integrity;
using Gazette.Output;

namespace Gazette.Pipeline;

/// <summary>
/// Where each block of documents (<see cref="BuildOpenData.BlockSize"/> of them) is in the catalogue files the last build wrote
/// — catalogue.json and catalogue.csv — and what the block was made from, as the build cache keeps it: a block made from the
/// same documents is then copied from the file the output folder holds instead of being made again. The table names the
/// SHA-256 of the two files it describes, so it is used only with those very files (<see cref="WriteSite.Holding"/>).
/// </summary>
/// <remarks>
/// The file: <see cref="Magic"/>, the SHA-256 of catalogue.json and of catalogue.csv (32 bytes each), the block count, then for
/// each block its key (16 bytes), where its records start in catalogue.json and how many bytes they take, and the same of its
/// rows in catalogue.csv. A few kilobytes at 100,000 documents.
/// </remarks>
internal sealed class CatalogueBlocks(Sha256Digest json, Sha256Digest csv, IReadOnlyList<CatalogueBlocks.Block> blocks)
{
    private const string Magic = "GAZETTE-CATALOGUE-1";

    /// <summary>One block: its key (<see cref="BuildOpenData"/>) and where its bytes are in each file.</summary>
    public readonly record struct Block(Digest128 Key, long JsonAt, int JsonLength, long CsvAt, int CsvLength);

    public Sha256Digest Json => json;

    public Sha256Digest Csv => csv;

    /// <summary>Block <paramref name="index"/> when it was made from what <paramref name="key"/> says (not <see cref="Digest128.Zero"/>); null if not.</summary>
    public Block? Find(int index, Digest128 key) =>
        key != Digest128.Zero && index < blocks.Count && blocks[index].Key == key ? blocks[index] : null;

    /// <summary>The table kept for <paramref name="outputDirectory"/>, or null when there is none or it cannot be read.</summary>
    public static CatalogueBlocks? Load(string cacheDirectory, string outputDirectory)
    {
        try
        {
            var file = CacheWriting.FileFor(cacheDirectory, "catalogue", outputDirectory);
            if (!File.Exists(file))
            {
                return null;
            }

            var reader = new CacheReader(File.ReadAllBytes(file));
            if (reader.ReadString() != Magic)
            {
                return null;
            }

            var (json, csv) = (ReadDigest(reader), ReadDigest(reader));
            var blocks = new Block[reader.ReadInt32()];
            for (var i = 0; i < blocks.Length; i++)
            {
                blocks[i] = new Block(reader.ReadDigest(), reader.ReadInt64(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt32());
            }

            return new CatalogueBlocks(json, csv, blocks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or OverflowException)
        {
            return null; // a cache is only a cache: every block is made
        }
    }

    /// <summary>Keeps the table for the next build, once the files it describes are in place.</summary>
    public void Save(string cacheDirectory, string outputDirectory) =>
        CacheWriting.Replace(CacheWriting.FileFor(cacheDirectory, "catalogue", outputDirectory), writer =>
        {
            writer.Write(Magic);
            writer.Write((ReadOnlySpan<byte>)json);
            writer.Write((ReadOnlySpan<byte>)csv);
            writer.Write(blocks.Count);
            foreach (var block in blocks)
            {
                writer.Write(block.Key);
                writer.Write(block.JsonAt);
                writer.Write(block.JsonLength);
                writer.Write(block.CsvAt);
                writer.Write(block.CsvLength);
            }
        });

    private static Sha256Digest ReadDigest(CacheReader reader) => Sha256Digest.From(reader.ReadBytes(32));
}
