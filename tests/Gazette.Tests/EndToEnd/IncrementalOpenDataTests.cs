using Gazette.Pipeline;
using Gazette.Tests.Support;

namespace Gazette.Tests.EndToEnd;

/// <summary>
/// Builds with the build cache after a change to one document of many: the open data of the documents as they were is not made
/// again — their JSON files are kept, and the blocks of the catalogue files that hold only them are copied from the files the
/// output folder holds — and the open data is the one a clean build writes, byte for byte.
/// </summary>
public sealed class IncrementalOpenDataTests
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // Three blocks of the catalogue: two full, the last not.
    private const int Count = (2 * BuildOpenData.BlockSize) + 40;

    private static TestSite ManyDocuments()
    {
        var site = new TestSite("");
        for (var i = 0; i < Count; i++)
        {
            site.Write($"content/documents/d{i:D4}.md", TestSite.Document($"测试市人民政府办公室关于第{i}项工作的通知",
                $"index_number: 000014350/2019-{i + 1:D5}", $"published: 2019-03-{5 + (i % 20):D2}"));
        }

        return site;
    }

    private static BuildResult BuildWithCache(TestSite site)
    {
        var result = new BuildPipeline().Run(site.Options with { CacheDirectory = Path.Combine(site.Root, BuildOptions.DefaultCacheFolder) });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static void AgeOutput(TestSite site)
    {
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }
    }

    /// <summary>Every file under data/ is the one a build without the cache into an empty folder makes.</summary>
    private static void AssertOpenDataOfCleanBuild(TestSite site)
    {
        var clean = Path.Combine(site.Root, "clean-build");
        Assert.True(new BuildPipeline().Run(site.Options with { OutputDirectory = clean }).Succeeded);
        var expected = Directory.EnumerateFiles(Path.Combine(clean, "data"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(clean, f)).Order().ToList();
        Assert.Equal(expected, Directory.EnumerateFiles(Path.Combine(site.Output, "data"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site.Output, f)).Order());
        Assert.All(expected, f => Assert.True(File.ReadAllBytes(Path.Combine(clean, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site.Output, f))), $"{f} differs from the clean build's"));
        Directory.Delete(clean, recursive: true);
    }

    [Fact]
    public void After_one_document_changes_one_block_of_each_catalogue_file_is_made_and_the_open_data_is_the_clean_builds()
    {
        using var site = ManyDocuments();
        Assert.Equal(0, BuildWithCache(site).CatalogueBlocksCopied);
        AgeOutput(site);
        var document = Path.Combine(site.Root, "content/documents/d1500.md");
        File.AppendAllText(document, "本通知自印发之日起施行。\n");

        var changed = BuildWithCache(site);

        Assert.Equal(2 * 2, changed.CatalogueBlocksCopied); // two blocks of three, in each file
        var written = Directory.EnumerateFiles(Path.Combine(site.Output, "data/documents"), "*", SearchOption.AllDirectories)
            .Where(f => File.GetLastWriteTimeUtc(f) != LongAgo).Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).ToList();
        Assert.Equal(["data/documents/000014350/2019-01501.json"], written);
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(site.Output, "data/catalogue.json")));
        AssertOpenDataOfCleanBuild(site);
    }

    [Fact]
    public void A_catalogue_file_changed_in_the_output_folder_is_not_copied_from_and_is_made_again()
    {
        using var site = ManyDocuments();
        BuildWithCache(site);
        var catalogue = Path.Combine(site.Output, "data/catalogue.csv");
        var bytes = File.ReadAllBytes(catalogue);
        bytes[^3] = (byte)'x'; // the last row's text hash, its length unchanged
        File.WriteAllBytes(catalogue, bytes);
        File.AppendAllText(Path.Combine(site.Root, "content/documents/d0007.md"), "本通知自印发之日起施行。\n");

        var changed = BuildWithCache(site);

        Assert.Equal(2, changed.CatalogueBlocksCopied); // of catalogue.json only
        AssertOpenDataOfCleanBuild(site);
    }
}
